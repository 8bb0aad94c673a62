package io.supporto.cases;

/** Entries of a case's conversation. */
public enum MessageKind {
    DESCRIPTION, FIRST_RESPONSE, QUESTION, CUSTOMER_REPLY, RESOLUTION, REOPEN_REASON, RECLASSIFICATION
}
