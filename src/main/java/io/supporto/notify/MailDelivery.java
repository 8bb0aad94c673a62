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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands one outbox mail to the SMTP server. The outcome is recorded in a transaction of its own,
 * so a job that is retried after a successful send finds the mail sent and does not send it twice.
 */
@Component
public class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);

    private final MailOutbox outbox;
    private final JavaMailSender mailSender;
    private final MailProperties properties;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final SupportoMetrics metrics;
    /** Recording a sent mail: one try per connection of the pool, and one more (see recordSent). */
    private final int recordSentTries;

    public MailDelivery(MailOutbox outbox, JavaMailSender mailSender, MailProperties properties,
                        PlatformTransactionManager transactionManager, Clock clock, SupportoMetrics metrics,
                        @Value("${spring.datasource.hikari.maximum-pool-size:10}") int poolSize) {
        this.outbox = outbox;
        this.mailSender = mailSender;
        this.properties = properties;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
        this.metrics = metrics;
        this.recordSentTries = poolSize + 1;
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
        recordSent(mail);
    }

    /**
     * The mail is out, so recording that must not fail for a connection the database ended while
     * the mail was being sent (a PostgreSQL restart): the job would fail and its retry send the
     * mail again (found by cluster.DatabaseRestartTest: warning mails sent twice after a restart).
     * After a restart every pooled connection is dead, and Hikari hands out one used in the last
     * half second without checking it: a write on it fails at once, and the pool drops it. So the
     * write is tried again, at most once per pooled connection and once more on a new one, for
     * which the pool waits (up to its connection timeout) until the database is back. Not when no
     * connection could be had at all: that wait is spent, and another could outlast the job's lock.
     */
    private void recordSent(OutboxMail mail) {
        for (int tries = 1; ; tries++) {
            try {
                ownTransaction.executeWithoutResult(status -> outbox.markSent(mail.id(), clock.instant()));
                return;
            } catch (DataAccessResourceFailureException | TransactionSystemException e) {
                if (!sessionEnded(e) || tries >= recordSentTries) {
                    throw e;
                }
                log.warn("Could not record the {} mail of case {} as sent ({}); trying again", mail.kind(),
                        mail.caseNumber(), rootMessage(failure(e)));
            }
        }
    }

    /** The database ended the session under the write (class 08 or 57P01 as Spring translates them). */
    private static boolean sessionEnded(RuntimeException e) {
        return failure(e) instanceof DataAccessResourceFailureException;
    }

    /** What failed: a rollback on the ended session fails too, and Spring throws that in its place. */
    private static Throwable failure(RuntimeException e) {
        return e instanceof TransactionSystemException rollback && rollback.getOriginalException() != null
                ? rollback.getOriginalException() : e;
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
