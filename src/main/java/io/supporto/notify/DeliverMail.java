package io.supporto.notify;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Deliver email" of the notification-delivery process. */
@Component("deliverMail")
public class DeliverMail implements JavaDelegate {

    private final MailDelivery delivery;

    public DeliverMail(MailDelivery delivery) {
        this.delivery = delivery;
    }

    @Override
    public void execute(DelegateExecution execution) {
        delivery.deliver((String) execution.getVariable(MailNotifier.MAIL_ID));
    }
}
