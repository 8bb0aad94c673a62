package io.supporto.notify;

import java.util.List;

/** A mail ready for the outbox. */
public record ComposedMail(List<String> recipients, String language, String subject, String text, String html) {
}
