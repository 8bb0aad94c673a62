package io.supporto;

import org.springframework.stereotype.Component;

/**
 * The configurable timer durations of the support-case model, as ISO-8601 strings that the
 * BPMN timer expressions read ({@code ${processTimers.selfServiceWindow}}).
 */
@Component("processTimers")
public class ProcessTimers {

    private final SupportProperties properties;

    public ProcessTimers(SupportProperties properties) {
        this.properties = properties;
    }

    public String getSelfServiceWindow() {
        return properties.selfServiceWindow().toString();
    }

    public String getReplyReminderCycle() {
        return "R/" + properties.waiting().reminderEvery();
    }

    public String getCloseUnansweredAfter() {
        return properties.waiting().closeAfter().toString();
    }

    public String getSurveyWindowAfterFinal() {
        return properties.surveyWindowAfterFinal().toString();
    }
}
