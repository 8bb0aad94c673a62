package io.supporto.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;

/**
 * In the running application the mail templates' Spring EL is compiled, whatever Spring Boot's
 * own template engine for the web pages is set to. SpringTemplateEngine's default dialect is one
 * static instance shared by every engine in the JVM, and Boot's engine, created after the mail
 * engines, had switched the compiler off for them too (MailTemplatesTest, a plain unit test
 * without Boot's engine, did not see it).
 */
@SupportoTest
class MailTemplateCompilerTest {

    @Autowired MailTemplateConfig.MailTemplates mailTemplates;
    @Autowired SpringTemplateEngine pagesEngine;

    @Test
    void mailTemplatesCompileTheirExpressionsInTheApplication() {
        for (SpringTemplateEngine mails : new SpringTemplateEngine[] {mailTemplates.html(), mailTemplates.text()}) {
            assertThat(mails).isNotSameAs(pagesEngine);
            SpringStandardDialect dialect = springDialect(mails);
            assertThat(dialect.getEnableSpringELCompiler()).as("Spring EL compiler for mails").isTrue();
            assertThat(dialect).as("a dialect of the mails' own").isNotSameAs(springDialect(pagesEngine));
        }
    }

    private static SpringStandardDialect springDialect(SpringTemplateEngine engine) {
        return engine.getDialects().stream()
                .filter(SpringStandardDialect.class::isInstance)
                .map(SpringStandardDialect.class::cast)
                .findFirst().orElseThrow();
    }
}
