package io.supporto.cases.steps;

import java.time.Clock;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.ConversationRepository;
import io.supporto.cases.MessageKind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Resume work": the customer replied. A reply through the portal or a link is already in the
 * conversation; one an agent took by phone arrives as {@code customerReply} and is added here.
 */
@Component("resumeWork")
public class ResumeWork implements JavaDelegate {

    static final String PHONE_REPLY = "customerReply";

    private final CaseRepository cases;
    private final ConversationRepository conversation;
    private final Clock clock;

    public ResumeWork(CaseRepository cases, ConversationRepository conversation, Clock clock) {
        this.cases = cases;
        this.conversation = conversation;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        Object phoneReply = execution.getVariable(PHONE_REPLY);
        if (phoneReply instanceof String reply && !reply.isBlank()) {
            conversation.add(caseNumber, clock.instant(), StepAuthor.of(execution) + " (taken by phone)",
                    MessageKind.CUSTOMER_REPLY, reply);
            execution.removeVariable(PHONE_REPLY);
        }
        cases.updateStatus(caseNumber, CaseStatus.ENGAGED);
    }
}
