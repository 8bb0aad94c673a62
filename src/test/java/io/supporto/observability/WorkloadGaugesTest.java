package io.supporto.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The workload gauges count in the engine, and a count is kept for the refresh time: a scrape
 * within it reads the kept value, the first scrape after it counts again.
 */
@SupportoTest
class WorkloadGaugesTest {

    @Autowired EngineBacklog backlog;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;

    private final AtomicLong nanos = new AtomicLong();

    @Test
    void aCountIsKeptForTheRefreshTimeThenTakenAgain() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new WorkloadGauges(backlog, new MetricsProperties(Duration.ofSeconds(15)), nanos::get).bindTo(registry);
        System.gc(); // only the registry holds the gauges now: they must still read counts, not NaN
        double before = engineersOpenTasks(registry);
        assertThat(before).isEqualTo(backlog.openTasks(Groups.SUPPORT_ENGINEERS));

        // a severity A case goes straight to the engineers' "Give first response"
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        cases.open(Fixtures.request(org).critical().build(), fixtures.adminOf(org));

        nanos.addAndGet(Duration.ofSeconds(14).toNanos());
        assertThat(engineersOpenTasks(registry)).as("within 15 s: the kept count").isEqualTo(before);
        nanos.addAndGet(Duration.ofSeconds(2).toNanos());
        assertThat(engineersOpenTasks(registry)).as("after 15 s: counted again").isEqualTo(before + 1);
    }

    @Test
    void withoutRefreshTimeEveryScrapeCounts() {
        MeterRegistry registry = new SimpleMeterRegistry();
        new WorkloadGauges(backlog, new MetricsProperties(Duration.ZERO), nanos::get).bindTo(registry);
        double before = engineersOpenTasks(registry);

        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        cases.open(Fixtures.request(org).critical().build(), fixtures.adminOf(org));

        assertThat(engineersOpenTasks(registry)).isEqualTo(before + 1);
        assertThat(registry.get("supporto.jobs.failed").gauge().value()).isEqualTo(backlog.failedJobs());
        assertThat(registry.get("supporto.incidents.open").gauge().value()).isEqualTo(backlog.openIncidents());
    }

    private static double engineersOpenTasks(MeterRegistry registry) {
        return registry.get("supporto.tasks.open").tag("team", Groups.SUPPORT_ENGINEERS).gauge().value();
    }
}
