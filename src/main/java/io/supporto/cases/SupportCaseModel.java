package io.supporto.cases;

/**
 * The names in {@code bpmn/support-case.bpmn} that the Java code uses: the process key, the
 * messages it correlates, the tasks people work and the activities code looks for. Variables are
 * in {@link CaseVariables}. {@code SupportCaseModelTest} parses the deployed model and fails when a
 * name here (or a bean the model calls) is missing from it.
 */
public final class SupportCaseModel {

    public static final String PROCESS_KEY = "support-case";

    /** Messages, as {@code RuntimeService#createMessageCorrelation} names them. */
    public static final String MESSAGE_SELF_SERVICE_OUTCOME = "SelfServiceOutcome";
    public static final String MESSAGE_CUSTOMER_REPLY = "CustomerReply";
    public static final String MESSAGE_REOPEN_REQUEST = "ReopenRequest";
    public static final String MESSAGE_SURVEY_ANSWER = "SurveyAnswer";
    public static final String MESSAGE_SEVERITY_RECLASSIFIED = "SeverityReclassified";

    /** User tasks (task definition keys). */
    public static final String TASK_FIRST_RESPONSE = "firstResponse";
    public static final String TASK_WORK_CASE = "workCase";
    public static final String TASK_AWAIT_CUSTOMER_REPLY = "awaitCustomerReply";
    public static final String TASK_HANDLE_BREACH = "handleBreach";
    public static final String TASK_REVIEW_LOW_SURVEY = "reviewLowSurvey";

    /** The response clock's timers on "Give first response": the case's due moment and the warning before it. */
    public static final String TIMER_RESPONSE_DUE = "Timer_ResponseDue";
    public static final String TIMER_RESPONSE_WARNING = "Timer_ResponseWarning";

    private SupportCaseModel() {
    }
}
