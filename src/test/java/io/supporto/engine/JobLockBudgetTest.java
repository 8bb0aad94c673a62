package io.supporto.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

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
    void everyJobThatMayWaitForAThreadEndsBeforeItsLockRunsOut(String profiles) throws IOException {
        PropertySourcesPropertyResolver settings = settings(profiles);
        int acquired = settings.getRequiredProperty(JOBS + "max-jobs-per-acquisition", Integer.class);
        int queued = settings.getRequiredProperty(JOBS + "queue-capacity", Integer.class);
        int threads = settings.getRequiredProperty(JOBS + "max-pool-size", Integer.class);
        Duration lock = Duration.ofMillis(settings.getRequiredProperty(JOBS + "lock-time-in-millis", Long.class));
        Duration longestJob = Duration.ofMillis(
                settings.getRequiredProperty(SMTP + "connectiontimeout", Long.class)
                        + settings.getRequiredProperty(SMTP + "timeout", Long.class)
                        + settings.getRequiredProperty(SMTP + "writetimeout", Long.class));

        int roundsOfWaiting = (acquired + queued + threads - 1) / threads;
        Duration lastWaitingJobEnds = longestJob.multipliedBy(roundsOfWaiting + 1L);

        assertThat(lastWaitingJobEnds)
                .as("%d acquired + %d queued jobs on %d threads, each up to %s, against a lock of %s",
                        acquired, queued, threads, longestJob, lock)
                .isLessThan(lock);
    }

    /** application.yaml overridden by each profile's file, later profiles winning, as Spring Boot reads them. */
    static PropertySourcesPropertyResolver settings(String profiles) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(yaml("application.yaml"));
        for (String profile : profiles.isEmpty() ? List.<String>of() : List.of(profiles.split(","))) {
            ClassPathResource file = new ClassPathResource("application-" + profile + ".yaml");
            assertThat(file.exists()).as("%s", file).isTrue();
            sources.addFirst(yaml(file.getPath()));
        }
        return new PropertySourcesPropertyResolver(sources);
    }

    static PropertySource<?> yaml(String file) throws IOException {
        return new YamlPropertySourceLoader().load(file, new ClassPathResource(file)).get(0);
    }
}
