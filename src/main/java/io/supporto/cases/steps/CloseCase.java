package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.CLOSURE_REASON;
import static io.supporto.cases.CaseVariables.REOPENABLE_UNTIL;
import static io.supporto.cases.CaseVariables.RESOLUTION;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

import io.supporto.SupportProperties;
import io.supporto.cases.CaseRepository;
import io.supporto.cases.ClosureReason;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SurveyRepository;
import io.supporto.observability.SupportoMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Close as resolved / solved by self-service / unanswered": the case is CLOSED, can be reopened
 * for the reopen window, and a closure that solved something offers a satisfaction survey.
 */
@Component("closeCase")
public class CloseCase implements JavaDelegate {

    static final String SOLVED_BY_SELF_SERVICE_TEXT = "Solved by the administrator with the self-service resources.";

    private final CaseRepository cases;
    private final SurveyRepository surveys;
    private final ConversationRepository conversation;
    private final SupportProperties properties;
    private final Clock clock;
    private final SupportoMetrics metrics;

    public CloseCase(CaseRepository cases, SurveyRepository surveys, ConversationRepository conversation,
                     SupportProperties properties, Clock clock, SupportoMetrics metrics) {
        this.cases = cases;
        this.surveys = surveys;
        this.conversation = conversation;
        this.properties = properties;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        ClosureReason reason = ClosureReason.valueOf((String) execution.getVariableLocal(CLOSURE_REASON));
        Instant now = clock.instant();
        Instant reopenableUntil = now.plus(properties.reopenWindow());
        String resolution = switch (reason) {
            case RESOLVED -> (String) execution.getVariable(RESOLUTION);
            case SOLVED_BY_SELF_SERVICE -> SOLVED_BY_SELF_SERVICE_TEXT;
            case UNANSWERED -> null;
        };
        if (reason == ClosureReason.RESOLVED) {
            conversation.add(caseNumber, now, StepAuthor.of(execution), MessageKind.RESOLUTION, resolution);
        }
        cases.close(caseNumber, now, reason, resolution, reopenableUntil);
        if (reason.offersSurvey()) {
            int closureNo = cases.find(caseNumber).map(SupportCase::reopenCount).orElse(0) + 1;
            surveys.offer(caseNumber, closureNo, now);
        }
        // process-wide, so "Send closure notice" and the reopen window see them
        execution.getProcessInstance().setVariable(CLOSURE_REASON, reason.name());
        execution.setVariable(REOPENABLE_UNTIL, Date.from(reopenableUntil));
        metrics.caseClosed(execution, reason);
    }
}
