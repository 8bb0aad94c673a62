package io.supporto.cases;

/** Names of the process variables of the support-case model: only what the flow needs. */
public final class CaseVariables {

    public static final String CASE_NUMBER = "caseNumber";
    public static final String TITLE = "title";
    public static final String ORGANIZATION = "organization";
    public static final String PLAN = "plan";
    public static final String ELEVATED_SUPPORT = "elevatedSupport";
    public static final String TIME_ZONE = "timeZone";
    public static final String COUNTRY = "country";
    public static final String LANGUAGE = "language";
    public static final String CATEGORY = "category";
    public static final String SERVICE = "service";
    public static final String TEAM_GROUP = "teamGroup";
    public static final String SERVICE_USABLE = "serviceUsable";
    public static final String SCOPE = "scope";
    public static final String BUSINESS_IMPACT = "businessImpact";
    public static final String WORKAROUND_AVAILABLE = "workaroundAvailable";
    public static final String REQUESTED_SEVERITY = "requestedSeverity";
    public static final String SELF_SERVICE_TRIED = "selfServiceTried";
    public static final String OUT_OF_SCOPE_REASON = "outOfScopeReason";
    public static final String SEVERITY = "severity";
    public static final String AVAILABILITY = "availability";
    public static final String RESPONSE_TARGET = "responseTarget";
    public static final String INTERNAL_TARGET = "internalTarget";
    public static final String INTERPRETER_REQUIRED = "interpreterRequired";
    public static final String CLOCK_STARTED_AT = "clockStartedAt";
    public static final String FIRST_RESPONSE_DUE_AT = "firstResponseDueAt";
    public static final String INTERNAL_FOLLOW_UP_AT = "internalFollowUpAt";
    public static final String SLA_BREACHED = "slaBreached";
    public static final String RESPONSE_WARNING_AT = "responseWarningAt";
    public static final String BREACH_RAISED = "breachRaised";
    public static final String TARGET_RULE = "targetRule";
    public static final String SELF_SERVICE_OUTCOME = "selfServiceOutcome";
    public static final String RESPONSE_MESSAGE = "responseMessage";
    public static final String ACTION = "action";
    public static final String RESOLUTION = "resolution";
    public static final String QUESTION = "question";
    public static final String CLOSURE_REASON = "closureReason";
    public static final String REOPENABLE_UNTIL = "reopenableUntil";
    public static final String REOPEN_COUNT = "reopenCount";
    public static final String SURVEY_RATING = "surveyRating";
    public static final String NOTIFICATION = "notification";

    private CaseVariables() {
    }
}
