package io.supporto.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.context.Context;

/**
 * The mail templates' expressions are compiled to bytecode after their first uses (Spring EL's
 * compiler, which only starts after 100 evaluations of an expression): every mail reads the same
 * from its first rendering to long after, in both languages, with every field set and with none.
 */
class MailTemplatesTest {

    /** More renderings than Spring EL's threshold for compiling an expression (100). */
    static final int RENDERINGS = 150;

    static final CaseMailModel FULL = new CaseMailModel("SR-2026-000042", "Mail not delivered", "Contoso",
            "Anna Rossi", "TECHNICAL", "EXCHANGE_ONLINE", "A", "ENGAGED", "Nothing arrives since 9:00",
            "PT1H", "2 Mar 2026, 11:00 CET", "3 Mar 2026, 10:00 CET", "Connector fixed",
            "16 Mar 2026, 10:00 CET", "RESOLVED", "OTHER_SERVICE", "https://help.example/other",
            "We are looking into it", 2, true, 2, "Too slow", "support-engineers", true);
    static final CaseMailModel SPARSE = new CaseMailModel("SR-2026-000043", "Question", null, null, null, null,
            null, "NEW", null, null, null, null, null, null, null, null, null, null, 0, false, null, null, null,
            false);

    final MailTemplateConfig.MailTemplates templates = new MailTemplateConfig().mailTemplates(messages());

    static ResourceBundleMessageSource messages() {
        // as spring.messages in application.yaml
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/mail", "i18n/pages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    @ParameterizedTest
    @EnumSource(NotificationType.class)
    void aMailReadsTheSameWhenItsExpressionsAreCompiled(NotificationType type) {
        String name = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
        for (String language : List.of("en", "it")) {
            for (CaseMailModel model : List.of(FULL, SPARSE)) {
                String firstText = templates.text(name, context(language, model));
                String firstHtml = templates.html(name, context(language, model));
                assertThat(firstText).contains(model.caseNumber());
                assertThat(firstHtml).contains(model.caseNumber());
                for (int i = 1; i < RENDERINGS; i++) {
                    templates.text(name, context(language, model));
                    templates.html(name, context(language, model));
                }
                assertThat(templates.text(name, context(language, model))).as("%s text, %s", name, language)
                        .isEqualTo(firstText);
                assertThat(templates.html(name, context(language, model))).as("%s html, %s", name, language)
                        .isEqualTo(firstHtml);
            }
        }
    }

    static Context context(String language, CaseMailModel model) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("lang", language);
        variables.put("c", model);
        variables.put("links", Map.of("caseUrl", "https://supporto.example/camunda/app/cockpit/default/#/process-instance/1/runtime",
                "reopenUrl", "https://supporto.example/a/reopen", "surveyUrl", "https://supporto.example/a/survey",
                "selfServiceUrl", "https://supporto.example/a/self-service"));
        variables.put("suggestions", List.of(new Suggestion("Check the connector", "https://help.example/1")));
        return new Context(Locale.forLanguageTag(language), variables);
    }
}
