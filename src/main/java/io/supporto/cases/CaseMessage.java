package io.supporto.cases;

import java.time.Instant;

/** One entry of a case's conversation. */
public record CaseMessage(Instant at, String author, MessageKind kind, String body) {
}
