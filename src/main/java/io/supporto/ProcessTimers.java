package io.supporto;

import org.springframework.stereotype.Component;

/**
 * The configurable timer durations of the support-case model, as ISO-8601 strings that the
 * BPMN timer expressions read ({@code ${processTimers.selfServiceWindow}}).
 */
@Component("processTimers")
public class ProcessTimers {

    private final SupportProperties properties;
    private final io.supporto.notify.MailProperties mail;

    public ProcessTimers(SupportProperties properties, io.supporto.notify.MailProperties mail) {
        this.properties = properties;
        this.mail = mail;
    }

    /** How often, and how far apart, a failing mail delivery is retried before it becomes an incident. */
    public String getMailRetryCycle() {
        return mail.retryCycle();
    }

    /** How often, and how far apart, a failing SLA timer or breach alert is retried before it becomes an incident. */
    public String getSlaRetryCycle() {
        return properties.sla().retryCycle();
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
