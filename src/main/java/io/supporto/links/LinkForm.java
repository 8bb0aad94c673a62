package io.supporto.links;

/** What the action page posts: the fields that its action needs. */
public record LinkForm(String outcome, String reason, String rating, String comment) {
}
