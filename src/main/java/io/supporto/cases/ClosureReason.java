package io.supporto.cases;

/** Why a case was closed; decides what the closing mail says and whether a survey goes out. */
public enum ClosureReason {
    RESOLVED(true),
    SOLVED_BY_SELF_SERVICE(true),
    UNANSWERED(false);

    private final boolean offersSurvey;

    ClosureReason(boolean offersSurvey) {
        this.offersSurvey = offersSurvey;
    }

    public boolean offersSurvey() {
        return offersSurvey;
    }
}
