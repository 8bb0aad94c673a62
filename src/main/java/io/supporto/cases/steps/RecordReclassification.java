package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.SEVERITY;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import io.supporto.sla.SlaClockKeeper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Record reclassification" after the first response: the case takes the new severity and the target
 * that goes with it, which a later reopen will use; this clock's due dates stand.
 */
@Component("recordReclassification")
public class RecordReclassification implements JavaDelegate {

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final SlaClockKeeper clockKeeper;
    private final Clock clock;

    public RecordReclassification(CaseRepository cases, ConversationRepository conversation,
                                  SlaClockKeeper clockKeeper, Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.clockKeeper = clockKeeper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        Severity before = cases.find(caseNumber).map(SupportCase::severity).orElse(null);
        Severity after = Severity.valueOf((String) execution.getVariable(SEVERITY));
        ResponseTargetRule rule = ResponseTargetRule.of(execution);
        cases.reclassify(caseNumber, after, rule.availability(), rule.responseTarget(), rule.internalTarget());
        conversation.add(caseNumber, clock.instant(), StepAuthor.of(execution), MessageKind.RECLASSIFICATION,
                "Severity " + before + " → " + after);
        clockKeeper.reclassifiedAfterResponse(execution, clock.instant(), before);
    }
}
