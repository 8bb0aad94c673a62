package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.RESPONSE_MESSAGE;

import java.time.Clock;
import java.time.Instant;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import io.supporto.sla.SlaClockKeeper;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record first response": the response clock stops and the agent's text joins the conversation. */
@Component("recordFirstResponse")
public class RecordFirstResponse implements JavaDelegate {

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final SlaClockKeeper clockKeeper;
    private final Clock clock;

    public RecordFirstResponse(CaseRepository cases, ConversationRepository conversation, SlaClockKeeper clockKeeper,
                               Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.clockKeeper = clockKeeper;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Instant now = clock.instant();
        String caseNumber = execution.getProcessBusinessKey();
        cases.recordFirstResponse(caseNumber, now);
        clockKeeper.stop(execution, now);
        conversation.add(caseNumber, now, StepAuthor.of(execution), MessageKind.FIRST_RESPONSE,
                (String) execution.getVariable(RESPONSE_MESSAGE));
    }
}
