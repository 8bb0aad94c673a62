package io.supporto.notify;

import java.time.Instant;
import java.util.List;

/** One row of the mail outbox. */
public record OutboxMail(String id, String caseNumber, NotificationType kind, String language,
                         List<String> recipients, String subject, String text, String html, String messageId,
                         String inReplyTo, Instant createdAt, Instant sentAt, int attempts, String lastError) {
}
