package io.supporto.notify;

/** A self-service resource offered to the admin. */
public record Suggestion(String title, String url) {
}
