package io.supporto.notify;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.supporto.SupportProperties;
import io.supporto.cases.CaseMessage;
import io.supporto.cases.CaseRepository;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import io.supporto.cases.SupportCase;
import io.supporto.cases.Survey;
import io.supporto.cases.SurveyRepository;
import io.supporto.links.ActionLinks;
import io.supporto.links.LinkAction;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;

/**
 * Renders one notification of one case: HTML and plain text from the templates of its type, in
 * the organization's language (English when no translation exists), with the recipients its
 * audience has and the action links it offers.
 */
@Component
public class MailComposer {

    static final Set<String> LANGUAGES = Set.of("en", "it");

    /** The language texts for an organization are written in: its own when translated, else English. */
    public static String translatedOrEnglish(String language) {
        return language != null && LANGUAGES.contains(language) ? language : "en";
    }

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final SurveyRepository surveys;
    private final OrganizationService organizations;
    private final ActionLinks links;
    private final DecisionService decisions;
    private final MailTemplateConfig.MailTemplates templates;
    private final MessageSource messages;
    private final SupportProperties support;
    private final MailProperties mail;
    private final Clock clock;

    public MailComposer(CaseRepository cases, ConversationRepository conversation, SurveyRepository surveys,
                        OrganizationService organizations, ActionLinks links, DecisionService decisions,
                        MailTemplateConfig.MailTemplates templates, MessageSource messages,
                        SupportProperties support, MailProperties mail, Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.surveys = surveys;
        this.organizations = organizations;
        this.links = links;
        this.decisions = decisions;
        this.templates = templates;
        this.messages = messages;
        this.support = support;
        this.mail = mail;
        this.clock = clock;
    }

    public ComposedMail compose(NotificationType type, String caseNumber, String processInstanceId) {
        SupportCase c = cases.find(caseNumber).orElseThrow();
        Organization org = organizations.find(c.organization()).orElseThrow();
        boolean customer = type.audience() == NotificationType.Audience.CUSTOMER;
        String language = customer ? translatedOrEnglish(c.language()) : "en";
        Locale locale = Locale.forLanguageTag(language);
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(org.timeZone());
        String zone = " " + org.timeZone().getDisplayName(TextStyle.SHORT, locale);

        Map<String, Object> variables = new HashMap<>();
        variables.put("lang", language);
        variables.put("c", model(type, c, org, format, zone));
        variables.put("links", links(type, c, processInstanceId));
        variables.put("suggestions", type == NotificationType.SELF_SERVICE_SUGGESTIONS ? suggestions(c) : List.of());
        Context context = new Context(locale, variables);
        String name = type.name().toLowerCase(Locale.ROOT).replace('_', '-');
        String subject = messages.getMessage("mail." + name + ".subject", new Object[] {caseNumber, c.title()}, locale);
        return new ComposedMail(recipients(type, c, org), language, subject,
                templates.text(name, context), templates.html(name, context));
    }

    private CaseMailModel model(NotificationType type, SupportCase c, Organization org, DateTimeFormatter format,
                                String zone) {
        String agentMessage = switch (type) {
            case FIRST_RESPONSE -> latest(c.caseNumber(), MessageKind.FIRST_RESPONSE);
            case INFORMATION_REQUESTED, REPLY_REMINDER -> latest(c.caseNumber(), MessageKind.QUESTION);
            default -> null;
        };
        Survey survey = type == NotificationType.LOW_SURVEY ? surveys.latest(c.caseNumber()).orElse(null) : null;
        return new CaseMailModel(c.caseNumber(), c.title(), org.name(), c.contact().name(), c.category().name(),
                c.service(), name(c.severity()), c.status().name(), c.description(), c.responseTarget(),
                at(c.firstResponseDueAt(), format, zone), at(c.internalFollowUpAt(), format, zone), c.resolution(),
                at(c.reopenableUntil(), format, zone), name(c.closureReason()), c.referral(), c.referralUrl(),
                agentMessage, c.reopenCount(), c.interpreterRequired(), survey == null ? null : survey.rating(),
                survey == null ? null : survey.comment(), c.category().team(), selfServiceFirst(c));
    }

    /**
     * Whether the case goes to self-service before engagement. The "Self-service skipped?" gateway
     * decides this right after the case-received mail is written, so the mail applies its rule.
     */
    static boolean selfServiceFirst(SupportCase c) {
        return c.status() == io.supporto.cases.CaseStatus.SELF_SERVICE
                || (c.engagedAt() == null && c.closedAt() == null && c.outOfScopeReason() == null
                    && c.severity() != io.supporto.cases.Severity.A && !c.selfServiceTried());
    }

    private Map<String, String> links(NotificationType type, SupportCase c, String processInstanceId) {
        Map<String, String> result = new HashMap<>();
        int closureNo = c.reopenCount() + 1;
        switch (type) {
            case SELF_SERVICE_SUGGESTIONS -> result.put("selfServiceUrl", links.issue(c.caseNumber(),
                    LinkAction.SELF_SERVICE, 0, clock.instant().plus(support.selfServiceWindow())));
            case CASE_CLOSED -> {
                if (c.reopenableUntil() != null) {
                    result.put("reopenUrl", links.issue(c.caseNumber(), LinkAction.REOPEN, closureNo,
                            c.reopenableUntil()));
                    if (c.closureReason() != null && c.closureReason().offersSurvey()) {
                        result.put("surveyUrl", links.issue(c.caseNumber(), LinkAction.SURVEY, closureNo,
                                c.reopenableUntil().plus(support.surveyWindowAfterFinal())));
                    }
                }
            }
            // the instance id comes from the sending step: looking it up by business key cost a
            // tenth of a breach's CPU in the timer storm (docs/benchmarks.md)
            case TEAM_WARNING, TEAM_REMINDER, BREACH_ALERT, LOW_SURVEY -> result.put("caseUrl",
                    links.baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId + "/runtime");
            default -> { }
        }
        return result;
    }

    private List<Suggestion> suggestions(SupportCase c) {
        try {
            return decisions.evaluateDecisionByKey("self-service-suggestions")
                    .variables(org.camunda.bpm.engine.variable.Variables.createVariables()
                            .putValue("service", c.service()).putValue("category", c.category().name()))
                    .evaluate().getResultList().stream()
                    .map(row -> new Suggestion((String) row.get("title"), (String) row.get("url")))
                    .toList();
        } catch (ProcessEngineException e) {
            // no suggestions table deployed: the mail still goes out, pointing to the general help
            return List.of();
        }
    }

    private List<String> recipients(NotificationType type, SupportCase c, Organization org) {
        Set<String> to = new LinkedHashSet<>();
        switch (type.audience()) {
            case CUSTOMER -> {
                to.add(c.contact().email());
                to.addAll(org.adminEmails());
            }
            case TEAM -> to.add(mail.teamMailboxes().getOrDefault(c.category().team(),
                    c.category().team() + "@supporto.example"));
            case ESCALATION -> to.add(support.escalation().email());
            case MANAGERS -> to.add(mail.managersEmail());
        }
        return new ArrayList<>(to);
    }

    private String latest(String caseNumber, MessageKind kind) {
        List<CaseMessage> all = conversation.of(caseNumber);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).kind() == kind) {
                return all.get(i).body();
            }
        }
        return null;
    }

    private static String at(Instant instant, DateTimeFormatter format, String zone) {
        return instant == null ? null : format.format(instant) + zone;
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
