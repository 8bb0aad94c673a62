package io.supporto.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supporto.observability.SupportoMetrics;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.SimpleTransactionStatus;

/**
 * A mail that went out is recorded as sent even when the database ended the pooled connections
 * during the send (a PostgreSQL restart): otherwise the retried job sends it again. The fakes
 * behave as Hikari and Spring do then: the write on an ended session fails (08006), and so does
 * the rollback on it, which the pool has closed. cluster.DatabaseRestartTest shows it end to end.
 */
class MailDeliveryRecordSentTest {

    static final int POOL_SIZE = 3;

    final OutboxMail mail = new OutboxMail("mail-1", "SR-2026-000014", NotificationType.TEAM_WARNING, "en",
            List.of("engineers@supporto.example"), "Warning", "text", "<p>html</p>", "<SR-2026-000014@x>", null,
            Instant.parse("2026-03-02T09:00:00Z"), null, 0, null);
    final List<String> markedSent = new ArrayList<>();
    final List<MimeMessage> sent = new ArrayList<>();
    /** How many writes of "sent" meet an ended session before one works. */
    int endedSessions;
    RuntimeException otherFailure;
    /** From this transaction on (1 = the first), none can begin: no connection within the pool's timeout. */
    int noConnectionFrom = Integer.MAX_VALUE;
    int begun;

    final MailOutbox outbox = new MailOutbox(null) {
        @Override
        public Optional<OutboxMail> find(String id) {
            return Optional.of(mail);
        }

        @Override
        public void markSent(String id, Instant at) {
            if (otherFailure != null) {
                throw otherFailure;
            }
            if (endedSessions > 0) {
                endedSessions--;
                throw new DataAccessResourceFailureException("UPDATE mail_outbox SET sent_at = ?",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
            markedSent.add(id);
        }
    };

    final JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
        @Override
        public void send(MimeMessage message) {
            sent.add(message);
        }
    };

    final PlatformTransactionManager transactions = new PlatformTransactionManager() {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            if (++begun >= noConnectionFrom) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
            }
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {
        }

        /** As on a connection Hikari closed because it was broken. */
        @Override
        public void rollback(TransactionStatus status) {
            throw new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));
        }
    };

    final MailDelivery delivery = new MailDelivery(outbox, smtp,
            new MailProperties("Supporto <support@supporto.example>", "supporto.example", "R5/PT2M", Map.of(),
                    "support-managers@supporto.example"),
            transactions, Clock.systemUTC(), new SupportoMetrics(new SimpleMeterRegistry()), POOL_SIZE);

    @Test
    void aSentMailIsRecordedWhenEveryPooledConnectionWasEndedDuringTheSend() {
        endedSessions = POOL_SIZE;

        delivery.deliver(mail.id());

        assertThat(sent).as("mails handed to SMTP").hasSize(1);
        assertThat(markedSent).as("mails recorded as sent").containsExactly(mail.id());
        assertThat(begun).as("transactions tried").isEqualTo(POOL_SIZE + 1);
    }

    @Test
    void atMostOneTryPerPooledConnectionAndOneMore() {
        endedSessions = 100;

        assertThatThrownBy(() -> delivery.deliver(mail.id())).isInstanceOf(TransactionSystemException.class);
        assertThat(begun).as("transactions tried").isEqualTo(POOL_SIZE + 1);
        assertThat(markedSent).isEmpty();
    }

    @Test
    void noMoreTriesWhenNoConnectionCouldBeHad() {
        // the pool has waited its connection timeout already: a second wait could outlast the job's lock
        endedSessions = 1;
        noConnectionFrom = 2;

        assertThatThrownBy(() -> delivery.deliver(mail.id())).isInstanceOf(CannotCreateTransactionException.class);
        assertThat(begun).as("transactions tried").isEqualTo(2);
        assertThat(markedSent).isEmpty();
    }

    @Test
    void otherFailuresAreNotTriedAgain() {
        otherFailure = new BadSqlGrammarException("markSent", "UPDATE mail_outbox", new SQLException("syntax", "42601"));

        assertThatThrownBy(() -> delivery.deliver(mail.id())).isInstanceOf(TransactionSystemException.class);
        assertThat(begun).as("transactions tried").isEqualTo(1);
    }
}
