package io.supporto.notify;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.dialect.SpringStandardDialect;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Template engines of their own for mails, one per mode: "mail/case-received" is
 * templates/mail/case-received.html as HTML and templates/mail/case-received.txt as plain text.
 */
@Configuration
public class MailTemplateConfig {

    /** Renders a mail template as HTML and as plain text. */
    public record MailTemplates(SpringTemplateEngine html, SpringTemplateEngine text) {

        public String html(String name, Context context) {
            return html.process("mail/" + name, context);
        }

        public String text(String name, Context context) {
            return text.process("mail/" + name, context);
        }
    }

    @Bean
    MailTemplates mailTemplates(MessageSource messageSource) {
        return new MailTemplates(engine(".html", TemplateMode.HTML, messageSource),
                engine(".txt", TemplateMode.TEXT, messageSource));
    }

    private static SpringTemplateEngine engine(String suffix, TemplateMode mode, MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        // Every mail evaluates the same few dozen expressions: compiled to bytecode after their
        // first uses instead of looked up by reflection each time (falls back to interpreting).
        // The dialect is our own: SpringTemplateEngine's default dialect is one static instance
        // for every engine in the JVM, so Spring Boot's engine for the web pages, created later,
        // switched the compiler off again for the mails (spring.thymeleaf.enable-spring-el-compiler).
        SpringStandardDialect dialect = new SpringStandardDialect();
        dialect.setEnableSpringELCompiler(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setDialect(dialect);
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
        return engine;
    }
}
