package io.supporto.notify;

/** Every message Supporto sends, by who reads it. */
public enum NotificationType {
    CASE_RECEIVED(Audience.CUSTOMER),
    SELF_SERVICE_SUGGESTIONS(Audience.CUSTOMER),
    FIRST_RESPONSE(Audience.CUSTOMER),
    INFORMATION_REQUESTED(Audience.CUSTOMER),
    REPLY_REMINDER(Audience.CUSTOMER),
    CASE_CLOSED(Audience.CUSTOMER),
    CASE_REOPENED(Audience.CUSTOMER),
    CASE_FINAL(Audience.CUSTOMER),
    OUT_OF_SCOPE(Audience.CUSTOMER),
    TEAM_WARNING(Audience.TEAM),
    TEAM_REMINDER(Audience.TEAM),
    BREACH_ALERT(Audience.ESCALATION),
    LOW_SURVEY(Audience.MANAGERS);

    private final Audience audience;

    NotificationType(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    public enum Audience { CUSTOMER, TEAM, ESCALATION, MANAGERS }
}
