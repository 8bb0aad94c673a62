package io.supporto.retention;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code support.retention.*}: how long the app's own working rows are kept once nobody needs
 * them (Camunda's history follows each model's {@code historyTimeToLive}, cleaned up in the
 * window of {@code camunda.bpm.generic-properties.properties.history-cleanup-batch-window-*}).
 *
 * @param sentMail a sent mail of a case that is FINAL or out of scope, after it was sent
 *                 (longer than the 30-day survey window after FINAL, whose mails still thread on it)
 * @param links    an action link, after it was used or expired
 * @param cron     when the purge runs, in UTC (nightly, beside Camunda's cleanup window)
 */
@Validated
@ConfigurationProperties("support.retention")
public record RetentionProperties(@DefaultValue("P90D") @NotNull Duration sentMail,
                                  @DefaultValue("P30D") @NotNull Duration links,
                                  @DefaultValue("0 30 1 * * *") @NotBlank String cron) {
}
