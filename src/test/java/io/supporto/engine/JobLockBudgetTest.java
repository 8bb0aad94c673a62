package io.supporto.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StringUtils;

/**
 * A job the job executor has acquired keeps its lock while it waits for a job thread, and a job
 * whose lock has run out can be acquired and run again, on this node or another: a mail would go
 * out twice. So in every profile the jobs that may wait (one acquisition plus the queue), run by
 * the job threads one longest job after another, and then that job itself, must end before the
 * lock does. The longest job is a mail delivery against a hanging SMTP server, bounded by the
 * {@code spring.mail} time-outs.
 */
class JobLockBudgetTest {

    static final String JOBS = "camunda.bpm.job-execution.";
    static final String SMTP = "spring.mail.properties.mail.smtp.";

    @ParameterizedTest(name = "profiles [{0}]")
    @ValueSource(strings = {"", "prod", "prod,cluster"})
    void everyJobThatMayWaitForAThreadEndsBeforeItsLockRunsOut(String profiles) {
        Environment settings = settings(profiles);
        int acquired = settings.getRequiredProperty(JOBS + "max-jobs-per-acquisition", Integer.class);
        int queued = settings.getRequiredProperty(JOBS + "queue-capacity", Integer.class);
        int threads = settings.getRequiredProperty(JOBS + "max-pool-size", Integer.class);
        Duration lock = Duration.ofMillis(settings.getRequiredProperty(JOBS + "lock-time-in-millis", Long.class));
        Duration longestJob = longestJob(settings);

        int roundsOfWaiting = (acquired + queued + threads - 1) / threads;
        Duration lastWaitingJobEnds = longestJob.multipliedBy(roundsOfWaiting + 1L);

        assertThat(lastWaitingJobEnds)
                .as("%d acquired + %d queued jobs on %d threads, each up to %s, against a lock of %s",
                        acquired, queued, threads, longestJob, lock)
                .isLessThan(lock);
    }

    /**
     * A stopping node waits for its running jobs before it closes its connection pool; one that
     * gave up earlier would leave a mail sent but not recorded, to be sent again by another node.
     */
    @ParameterizedTest(name = "profiles [{0}]")
    @ValueSource(strings = {"", "prod", "prod,cluster"})
    void aStoppingNodeWaitsLongEnoughForItsLongestJob(String profiles) {
        Environment settings = settings(profiles);
        Duration grace = Binder.get(settings).bind("support.job-executor.shutdown-grace", Duration.class).get();

        assertThat(grace).as("support.job-executor.shutdown-grace").isGreaterThan(longestJob(settings));
    }

    /** A mail delivery against a hanging SMTP server: connecting, then one read and one write time-out. */
    static Duration longestJob(Environment settings) {
        return Duration.ofMillis(settings.getRequiredProperty(SMTP + "connectiontimeout", Long.class)
                + settings.getRequiredProperty(SMTP + "timeout", Long.class)
                + settings.getRequiredProperty(SMTP + "writetimeout", Long.class));
    }

    /** The settings as Spring Boot reads them for these profiles (application.yaml, then each profile's file). */
    static Environment settings(String profiles) {
        Set<String> active = StringUtils.commaDelimitedListToSet(profiles);
        for (String profile : active) {
            // Boot skips a profile without a file; here that would check application.yaml twice
            assertThat(new ClassPathResource("application-" + profile + ".yaml").exists()).as(profile).isTrue();
        }
        StandardEnvironment environment = new StandardEnvironment();
        ConfigDataEnvironmentPostProcessor.applyTo(environment, null, null, active);
        return environment;
    }
}
