package io.supporto.notify;

import java.time.Clock;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import io.supporto.observability.SupportoMetrics;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands one outbox mail to the SMTP server. The outcome is recorded in a transaction of its own,
 * so a job that is retried after a successful send finds the mail sent and does not send it twice.
 */
@Component
public class MailDelivery {

    private final MailOutbox outbox;
    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SupportoMetrics metrics;

    public MailDelivery(MailOutbox outbox, JavaMailSender mailSender, MailProperties properties,
                        PlatformTransactionManager transactionManager, Clock clock, SupportoMetrics metrics) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.metrics = metrics;
    }

    public void deliver(String mailId) {
        OutboxMail mail = outbox.find(mailId)
                .orElseThrow(() -> new IllegalStateException("No mail " + mailId + " in the outbox"));
        if (mail.sentAt() != null) {
            return;
        }
        try {
            mailSender.send(message(mail));
        } catch (MailException | MessagingException e) {
            String reason = rootMessage(e);
            ownTransaction.executeWithoutResult(status -> {
                outbox.recordFailure(mailId, reason);
                metrics.mailSendFailed(mail.kind().name());
            });
            throw new MailNotDeliveredException("Could not deliver " + mail.kind() + " mail of case "
                    + mail.caseNumber() + " to " + String.join(", ", mail.recipients()) + ": " + reason, e);
        }
        ownTransaction.executeWithoutResult(status -> outbox.markSent(mailId, clock.instant()));
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        Session session = mailSender instanceof JavaMailSenderImpl impl ? impl.getSession() : null;
        MimeMessage message = new ThreadedMimeMessage(session, mail.messageId());
        // set directly, not through Spring's MimeMessageHelper: it loads a new MIME type map from the
        // jar for every message, which cost more CPU than rendering the mail
        message.setFrom(address(properties.from()));
        InternetAddress[] to = new InternetAddress[mail.recipients().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = address(mail.recipients().get(i));
        }
        message.setRecipients(Message.RecipientType.TO, to);
        message.setSubject(mail.subject(), "UTF-8");
        message.setSentDate(java.util.Date.from(clock.instant()));
        // multipart/alternative at the top: plain text first, HTML as the preferred rendering
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
            message.setHeader("References", mail.inReplyTo());
        }
        message.setHeader("Content-Language", mail.language());
        return message;
    }

    /** "Name <address>" or a bare address; a display name outside ASCII is encoded as UTF-8. */
    private static InternetAddress address(String text) throws MessagingException {
        InternetAddress parsed = new InternetAddress(text, true);
        if (parsed.getPersonal() == null) {
            return parsed;
        }
        try {
            return new InternetAddress(parsed.getAddress(), parsed.getPersonal(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    /** Keeps our stable Message-ID instead of the random one Jakarta Mail would set on saving. */
    static final class ThreadedMimeMessage extends MimeMessage {
        private final String messageId;

        ThreadedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }

    public static class MailNotDeliveredException extends RuntimeException {
        MailNotDeliveredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
