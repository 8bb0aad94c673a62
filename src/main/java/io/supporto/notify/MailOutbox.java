package io.supporto.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every mail Supporto wrote, in the same transaction as the event it tells about. */
@Repository
public class MailOutbox {

    private final JdbcClient jdbc;

    public MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasMailFor(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE case_number = ?").param(caseNumber)
                .query(Long.class).single() > 0;
    }

    public void add(OutboxMail mail) {
        jdbc.sql("""
                INSERT INTO mail_outbox (id, case_number, kind, language, recipients, subject, text_body, html_body,
                                         message_id, in_reply_to, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(mail.id(), mail.caseNumber(), mail.kind().name(), mail.language(),
                        String.join("\n", mail.recipients()), mail.subject(), mail.text(), mail.html(),
                        mail.messageId(), mail.inReplyTo(), Timestamp.from(mail.createdAt()))
                .update();
    }

    public Optional<OutboxMail> find(String id) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE id = ?").param(id).query(MailOutbox::map).optional();
    }

    public List<OutboxMail> of(String caseNumber) {
        return jdbc.sql("SELECT * FROM mail_outbox WHERE case_number = ? ORDER BY created_at, id")
                .param(caseNumber).query(MailOutbox::map).list();
    }

    public void markSent(String id, Instant at) {
        jdbc.sql("UPDATE mail_outbox SET sent_at = ?, attempts = attempts + 1, last_error = NULL WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    public void recordFailure(String id, String error) {
        String message = error == null ? "unknown error" : error.length() > 2000 ? error.substring(0, 2000) : error;
        jdbc.sql("UPDATE mail_outbox SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(message, id).update();
    }

    private static OutboxMail map(ResultSet rs, int row) throws SQLException {
        Timestamp sent = rs.getTimestamp("sent_at");
        return new OutboxMail(rs.getString("id"), rs.getString("case_number"),
                NotificationType.valueOf(rs.getString("kind")), rs.getString("language"),
                Arrays.asList(rs.getString("recipients").split("\n")), rs.getString("subject"),
                rs.getString("text_body"), rs.getString("html_body"), rs.getString("message_id"),
                rs.getString("in_reply_to"), rs.getTimestamp("created_at").toInstant(),
                sent == null ? null : sent.toInstant(), rs.getInt("attempts"), rs.getString("last_error"));
    }
}
