package io.supporto.notify;

import static io.supporto.cases.CaseVariables.NOTIFICATION;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The "Send …" steps of the model; each names its notification in the input {@code notification}. */
@Component("sendNotification")
public class SendNotification implements JavaDelegate {

    private final Notifier notifier;

    public SendNotification(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void execute(DelegateExecution execution) {
        NotificationType type = NotificationType.valueOf((String) execution.getVariableLocal(NOTIFICATION));
        notifier.send(type, execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
