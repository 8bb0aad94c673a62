package io.supporto.cases;

import static io.supporto.cases.CaseVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.supporto.SupportProperties;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import io.supporto.security.SupportUser;
import io.supporto.sla.SlaEvent;
import io.supporto.sla.SlaTimeline;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's side of a case: open it, read it, and the four things an admin can do to it.
 * Each action checks the case's state first, so the caller gets a clear 409 rather than an
 * engine error, then hands the event to the support-case process.
 */
@Service
public class SupportCaseService {

    public static final String PROCESS_KEY = SupportCaseModel.PROCESS_KEY;
    static final int LIST_LIMIT = 200;
    /** Who acted, in the conversation and the survey, when an admin used a link in an email. */
    static final String LINK_ACTOR = "email-link";

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final SurveyRepository surveys;
    private final OrganizationService organizations;
    private final CaseNumbers caseNumbers;
    private final CaseAccess access;
    private final RuntimeService runtimeService;
    private final SupportProperties properties;
    private final SlaTimeline slaTimeline;
    private final Clock clock;

    public SupportCaseService(CaseRepository cases, ConversationRepository conversation, SurveyRepository surveys,
                              OrganizationService organizations, CaseNumbers caseNumbers, CaseAccess access,
                              RuntimeService runtimeService, SupportProperties properties, SlaTimeline slaTimeline,
                              Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.surveys = surveys;
        this.organizations = organizations;
        this.caseNumbers = caseNumbers;
        this.access = access;
        this.runtimeService = runtimeService;
        this.properties = properties;
        this.slaTimeline = slaTimeline;
        this.clock = clock;
    }

    /** Opens the case and runs its process to the first wait state before answering. */
    @Transactional
    public CaseDetails open(OpenCase request, SupportUser user) {
        if (!user.actsFor(request.organization())) {
            throw new NotPermittedException("Only an administrator of organization '" + request.organization()
                    + "', or a partner it delegated to, may open cases for it.");
        }
        return openFor(request, user.id());
    }

    /** A support agent opens a case on the admin's behalf, e.g. taken by phone: same rules otherwise. */
    @Transactional
    public CaseDetails openByAgent(OpenCase request, String agentId) {
        return openFor(request, agentId);
    }

    private CaseDetails openFor(OpenCase request, String openedBy) {
        Organization org = organizations.find(request.organization())
                .orElseThrow(() -> new NotPermittedException("Organization '" + request.organization()
                        + "' is not registered with support."));
        Instant now = clock.instant();
        String caseNumber = caseNumbers.next(now);
        // the status is a placeholder: the process sets the real one before this transaction ends
        cases.insert(new SupportCase(caseNumber, org.id(), openedBy, request.category(), request.service(),
                request.title(), request.description(), request.impact(), request.requestedSeverity(),
                request.selfServiceTried(), request.contact(), CaseStatus.ENGAGED, null, org.plan(),
                org.elevatedSupport(), null, null, null, null, request.outOfScopeReason(), null, null, now, null, null, null,
                null, null, null, false, null, null, null, null, null, 0, false, org.language()));
        conversation.add(caseNumber, now, openedBy, MessageKind.DESCRIPTION, request.description());

        VariableMap variables = Variables.createVariables()
                .putValue(CASE_NUMBER, caseNumber)
                .putValue(TITLE, request.title())
                .putValue(ORGANIZATION, org.id())
                .putValue(PLAN, org.plan().name())
                .putValue(ELEVATED_SUPPORT, org.elevatedSupport())
                .putValue(TIME_ZONE, org.timeZone().getId())
                .putValue(COUNTRY, org.country())
                .putValue(LANGUAGE, org.language())
                .putValue(CATEGORY, request.category().name())
                .putValue(SERVICE, request.service())
                .putValue(TEAM_GROUP, request.category().team())
                .putValue(SLA_BREACHED, false)
                .putValue(REOPEN_COUNT, 0);
        // Read only by triage, which runs before this transaction ends: transient, so they cost no
        // runtime or history rows (the case's own row keeps them, the decision history its inputs)
        variables.putValueTyped(SERVICE_USABLE, Variables.booleanValue(request.impact().serviceUsable(), true))
                .putValueTyped(SCOPE, Variables.stringValue(request.impact().scope().name(), true))
                .putValueTyped(BUSINESS_IMPACT, Variables.stringValue(request.impact().businessImpact().name(), true))
                .putValueTyped(WORKAROUND_AVAILABLE, Variables.booleanValue(request.impact().workaroundAvailable(), true))
                .putValueTyped(REQUESTED_SEVERITY, Variables.stringValue(
                        request.requestedSeverity() == null ? null : request.requestedSeverity().name(), true))
                .putValueTyped(SELF_SERVICE_TRIED, Variables.booleanValue(request.selfServiceTried(), true))
                .putValueTyped(OUT_OF_SCOPE_REASON, Variables.stringValue(
                        request.outOfScopeReason() == null ? null : request.outOfScopeReason().name(), true));
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseNumber, variables);
        return details(caseNumber);
    }

    @Transactional(readOnly = true)
    public CaseDetails view(String caseNumber, SupportUser user) {
        SupportCase supportCase = visibleCase(caseNumber, user);
        return new CaseDetails(supportCase, surveys.latest(caseNumber));
    }

    @Transactional(readOnly = true)
    public List<CaseDetails> list(String organization, CaseStatus status, SupportUser user) {
        List<String> orgs;
        List<Category> categories = null;
        if (access.seesAllCases(user)) {
            orgs = organization == null ? null : List.of(organization);
        } else if (user.isCustomerSide()) {
            orgs = user.tenants().stream()
                    .filter(user::actsFor)
                    .filter(t -> organization == null || organization.equals(t))
                    .toList();
        } else {
            orgs = organization == null ? null : List.of(organization);
            categories = access.teamCategories(user);
        }
        return cases.list(orgs, status, categories, LIST_LIMIT).stream()
                .map(c -> new CaseDetails(c, surveys.latest(c.caseNumber())))
                .toList();
    }

    @Transactional
    public CaseDetails recordSelfServiceOutcome(String caseNumber, SelfServiceOutcome outcome, SupportUser user) {
        return recordSelfServiceOutcome(actionableCase(caseNumber, user), outcome);
    }

    /** The same, from a signed link in an email: the link is the admin's authority. */
    @Transactional
    public CaseDetails recordSelfServiceOutcomeViaLink(String caseNumber, SelfServiceOutcome outcome) {
        return recordSelfServiceOutcome(existingCase(caseNumber), outcome);
    }

    private CaseDetails recordSelfServiceOutcome(SupportCase supportCase, SelfServiceOutcome outcome) {
        String caseNumber = supportCase.caseNumber();
        if (supportCase.status() != CaseStatus.SELF_SERVICE) {
            throw new CaseConflictException("Case " + caseNumber + " is " + supportCase.status()
                    + ", not waiting for a self-service outcome.");
        }
        correlate(caseNumber, SupportCaseModel.MESSAGE_SELF_SERVICE_OUTCOME, Map.of(SELF_SERVICE_OUTCOME, outcome.name()));
        return details(caseNumber);
    }

    @Transactional
    public CaseDetails reply(String caseNumber, String message, SupportUser user) {
        SupportCase supportCase = actionableCase(caseNumber, user);
        switch (supportCase.status()) {
            case WAITING_ON_CUSTOMER -> {
                conversation.add(caseNumber, clock.instant(), user.id(), MessageKind.CUSTOMER_REPLY, message);
                correlate(caseNumber, SupportCaseModel.MESSAGE_CUSTOMER_REPLY, Map.of());
            }
            // more information while support works the case is welcome; the case just goes on
            case ENGAGED -> conversation.add(caseNumber, clock.instant(), user.id(), MessageKind.CUSTOMER_REPLY,
                    message);
            case SELF_SERVICE -> throw new CaseConflictException("Case " + caseNumber
                    + " is waiting for your self-service outcome: tell us whether it is SOLVED or you NEED_HELP.");
            case CLOSED -> throw new CaseConflictException("Case " + caseNumber
                    + " is closed. Reopen it to continue the conversation.");
            default -> throw new CaseConflictException("Case " + caseNumber + " is " + supportCase.status()
                    + " and takes no more replies. Open a new case that refers to " + caseNumber + ".");
        }
        return details(caseNumber);
    }

    @Transactional
    public CaseDetails reopen(String caseNumber, String reason, SupportUser user) {
        return reopen(actionableCase(caseNumber, user), reason, user.id());
    }

    @Transactional
    public CaseDetails reopenViaLink(String caseNumber, String reason) {
        return reopen(existingCase(caseNumber), reason, LINK_ACTOR);
    }

    private CaseDetails reopen(SupportCase supportCase, String reason, String actor) {
        String caseNumber = supportCase.caseNumber();
        Instant now = clock.instant();
        boolean windowOver = supportCase.status() == CaseStatus.FINAL
                || (supportCase.status() == CaseStatus.CLOSED && !now.isBefore(supportCase.reopenableUntil()));
        if (windowOver) {
            Instant end = supportCase.reopenableUntil();
            throw new CaseConflictException("Case " + caseNumber + " can no longer be reopened: its "
                    + properties.reopenWindow().toDays() + "-day reopen window ended"
                    + (end == null ? "" : " at " + end) + ". Please open a new case and refer to " + caseNumber
                    + " in its description.");
        }
        if (supportCase.status() != CaseStatus.CLOSED) {
            throw new CaseConflictException("Case " + caseNumber + " is " + supportCase.status()
                    + "; only a closed case can be reopened.");
        }
        conversation.add(caseNumber, now, actor, MessageKind.REOPEN_REASON, reason);
        correlate(caseNumber, SupportCaseModel.MESSAGE_REOPEN_REQUEST, Map.of());
        return details(caseNumber);
    }

    @Transactional
    public CaseDetails answerSurvey(String caseNumber, int rating, String comment, SupportUser user) {
        return answerSurvey(actionableCase(caseNumber, user), rating, comment, user.id());
    }

    @Transactional
    public CaseDetails answerSurveyViaLink(String caseNumber, int rating, String comment) {
        return answerSurvey(existingCase(caseNumber), rating, comment, LINK_ACTOR);
    }

    private CaseDetails answerSurvey(SupportCase supportCase, int rating, String comment, String actor) {
        String caseNumber = supportCase.caseNumber();
        if (supportCase.status() != CaseStatus.CLOSED && supportCase.status() != CaseStatus.FINAL) {
            throw new CaseConflictException("Case " + caseNumber + " is " + supportCase.status()
                    + "; a survey can be answered once the case is closed.");
        }
        Survey survey = surveys.latest(caseNumber)
                .orElseThrow(() -> new CaseConflictException("No survey was offered for case " + caseNumber + "."));
        Instant now = clock.instant();
        if (survey.closureNo() != supportCase.reopenCount() + 1 || survey.status() == Survey.Status.CANCELLED) {
            throw new CaseConflictException("No survey is open for the latest closure of case " + caseNumber + ".");
        }
        if (survey.status() == Survey.Status.ANSWERED) {
            throw new CaseConflictException("The survey of case " + caseNumber + " was already answered.");
        }
        if (supportCase.finalAt() != null && !now.isBefore(supportCase.finalAt().plus(properties.surveyWindowAfterFinal()))) {
            throw new CaseConflictException("The survey of case " + caseNumber + " closed "
                    + properties.surveyWindowAfterFinal().toDays() + " days after the case became final.");
        }
        if (!surveys.answer(caseNumber, survey.closureNo(), rating, comment, now, actor)) {
            throw new CaseConflictException("The survey of case " + caseNumber + " was already answered.");
        }
        correlate(caseNumber, SupportCaseModel.MESSAGE_SURVEY_ANSWER, Map.of(SURVEY_RATING, rating));
        return details(caseNumber);
    }

    /**
     * Support staff change the severity. Before the first response the running clock is
     * re-planned from its original start; afterwards agents reclassify through the workCase task.
     */
    @Transactional
    public CaseDetails reclassify(String caseNumber, Severity severity, String reason, SupportUser user) {
        SupportCase supportCase = visibleCase(caseNumber, user);
        if (!access.canReclassify(user, supportCase)) {
            throw new NotPermittedException("Only the case's team and support managers may reclassify it.");
        }
        if (supportCase.status() != CaseStatus.ENGAGED || supportCase.firstRespondedAt() != null) {
            throw new CaseConflictException("Case " + caseNumber + " is not waiting for its first response;"
                    + " reclassify it through its 'Work case' task instead.");
        }
        if (severity == supportCase.severity()) {
            throw new CaseConflictException("Case " + caseNumber + " already has severity " + severity + ".");
        }
        conversation.add(caseNumber, clock.instant(), user.id(), MessageKind.RECLASSIFICATION,
                "Severity " + supportCase.severity() + " → " + severity + (reason == null ? "" : ": " + reason));
        correlate(caseNumber, SupportCaseModel.MESSAGE_SEVERITY_RECLASSIFIED, Map.of(SEVERITY, severity.name()));
        return details(caseNumber);
    }

    public List<CaseMessage> conversation(String caseNumber, SupportUser user) {
        visibleCase(caseNumber, user);
        return conversation.of(caseNumber);
    }

    @Transactional(readOnly = true)
    public List<SlaEvent> timeline(String caseNumber, SupportUser user) {
        visibleCase(caseNumber, user);
        return slaTimeline.of(caseNumber);
    }

    /** The number of the case's latest closure (1 for the first), which reopen and survey links are bound to. */
    @Transactional(readOnly = true)
    public int currentClosure(String caseNumber) {
        return existingCase(caseNumber).reopenCount() + 1;
    }

    private SupportCase existingCase(String caseNumber) {
        return cases.find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    private SupportCase visibleCase(String caseNumber, SupportUser user) {
        return cases.find(caseNumber)
                .filter(c -> access.canSee(user, c))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    private SupportCase actionableCase(String caseNumber, SupportUser user) {
        SupportCase supportCase = visibleCase(caseNumber, user);
        if (!access.canActOn(user, supportCase)) {
            throw new NotPermittedException("Only an administrator of the case's organization, or a partner it"
                    + " delegated to, may do this.");
        }
        return supportCase;
    }

    private void correlate(String caseNumber, String message, Map<String, Object> variables) {
        try {
            runtimeService.createMessageCorrelation(message)
                    .processInstanceBusinessKey(caseNumber)
                    .setVariables(variables)
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // the case moved on between our check and the engine (a timer fired, another click won)
            throw new CaseConflictException("Case " + caseNumber + " changed while your request was handled;"
                    + " read it again and retry if the action still applies.");
        }
    }

    private CaseDetails details(String caseNumber) {
        SupportCase supportCase = cases.find(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return new CaseDetails(supportCase, surveys.latest(caseNumber));
    }
}
