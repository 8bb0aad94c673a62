package io.supporto;

import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Supporto's own settings, under {@code support.*} in application.yaml. */
@Validated
@ConfigurationProperties("support")
public record SupportProperties(
        /** How long a closed case can be reopened. */
        @DefaultValue("P14D") @NotNull Duration reopenWindow,
        /** How long the admin has to say whether self-service solved the problem. */
        @DefaultValue("P7D") @NotNull Duration selfServiceWindow,
        /** How long a survey can still be answered after the case became final. */
        @DefaultValue("P30D") @NotNull Duration surveyWindowAfterFinal,
        @DefaultValue @NotNull Waiting waiting,
        @DefaultValue @NotNull Escalation escalation,
        @DefaultValue @NotNull @jakarta.validation.Valid Sla sla,
        /** Languages the support people speak; other languages need an interpreter. */
        @DefaultValue({"en", "it"}) @NotNull List<String> agentLanguages) {

    /** A case waiting on the customer gets reminders, then closes as unanswered. */
    public record Waiting(@DefaultValue("P3D") @NotNull Duration reminderEvery,
                          @DefaultValue("P14D") @NotNull Duration closeAfter) {
    }

    /**
     * When the owning team is warned, as a fraction of the response target (0.75 = at 75%); and how
     * a failing SLA timer or breach alert is retried before it becomes an incident in Cockpit (an
     * ISO-8601 repeat, as Camunda's failedJobRetryTimeCycle reads it).
     */
    public record Sla(@DefaultValue("0.75") @jakarta.validation.constraints.DecimalMin(value = "0", inclusive = false)
                      @jakarta.validation.constraints.DecimalMax(value = "1", inclusive = false) double warningAt,
                      @DefaultValue("R5/PT1M") @jakarta.validation.constraints.Pattern(regexp = "R\\d+/P\\S+")
                      String retryCycle) {
    }

    public record Escalation(@DefaultValue("escalations@supporto.example") @NotNull String email) {
    }
}
