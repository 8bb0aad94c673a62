package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.QUESTION;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Request information": the ball is in the customer's court until they reply. */
@Component("requestInformation")
public class RequestInformation implements JavaDelegate {

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final Clock clock;

    public RequestInformation(CaseRepository cases, ConversationRepository conversation, Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        cases.updateStatus(caseNumber, CaseStatus.WAITING_ON_CUSTOMER);
        conversation.add(caseNumber, clock.instant(), StepAuthor.of(execution), MessageKind.QUESTION,
                (String) execution.getVariable(QUESTION));
    }
}
