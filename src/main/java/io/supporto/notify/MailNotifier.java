package io.supporto.notify;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * Sends notifications as email. The mail is rendered and stored in the outbox inside the case's
 * own transaction (so it is never lost and never sent for a step that rolled back), then a small
 * {@code notification-delivery} process delivers it in a job of its own: an SMTP outage retries
 * there and ends as an incident in Cockpit while the case goes on.
 */
@Component
public class MailNotifier implements Notifier {

    public static final String DELIVERY_PROCESS = "notification-delivery";
    /** The delivery instance's one variable: the outbox mail it delivers. */
    public static final String MAIL_ID = "mailId";

    private final MailComposer composer;
    private final MailOutbox outbox;
    private final RuntimeService runtime;
    private final MailProperties properties;
    private final Clock clock;

    public MailNotifier(MailComposer composer, MailOutbox outbox, RuntimeService runtime, MailProperties properties,
                        Clock clock) {
        this.composer = composer;
        this.outbox = outbox;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void send(NotificationType type, String caseNumber, String processInstanceId) {
        ComposedMail mail = composer.compose(type, caseNumber, processInstanceId);
        String id = UUID.randomUUID().toString();
        // the case's first mail is the root of its thread; every later one replies to it
        String root = "<" + caseNumber + "@" + properties.messageIdDomain() + ">";
        boolean first = !outbox.hasMailFor(caseNumber);
        String messageId = first ? root : "<" + caseNumber + "." + id + "@" + properties.messageIdDomain() + ">";
        outbox.add(new OutboxMail(id, caseNumber, type, mail.language(), mail.recipients(), mail.subject(),
                mail.text(), mail.html(), messageId, first ? null : root, clock.instant(), null, 0, null));
        // "SR-…/CASE_CLOSED": Cockpit finds a case's deliveries by its number, while the case's own
        // business key still names exactly one process instance. The key names the case and the
        // notification, so the mail's id is the instance's only variable (one row, not three, per mail)
        runtime.startProcessInstanceByKey(DELIVERY_PROCESS, caseNumber + "/" + type.name(), Map.of(MAIL_ID, id));
    }
}
