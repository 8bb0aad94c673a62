package io.supporto.cluster;

import static io.supporto.cluster.ClusterScenario.ADMIN;
import static io.supporto.cluster.ClusterScenario.ADMIN_PASSWORD;
import static io.supporto.cluster.ClusterScenario.SHORT_TARGET;
import static io.supporto.cluster.ClusterScenario.numbers;
import static io.supporto.cluster.ClusterScenario.ofCases;
import static io.supporto.cluster.ClusterScenario.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cluster.ClusterScenario.OpenedCase;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Two Supporto nodes on one PostgreSQL database, both running the job executor (profiles
 * {@code prod,cluster}, as compose.yaml runs them), each a JVM of its own that the test starts
 * and kills. Cases opened on either node are visible on both; SLA timers that fall due run
 * exactly once whichever node picks them (one breach task, one breach alert, one BREACHED line
 * per case); when a node dies holding jobs, the other runs them once their locks expire; and a
 * node that is stopped (SIGTERM, as a deployment stops it) finishes its running jobs and unlocks
 * the rest, so the other runs them at once.
 *
 * <p>The nodes' clocks cannot be moved, so the test deploys (through {@code /engine-rest}, as an
 * operator would) a copy of {@code response-target.dmn} whose severity A target is 20 seconds:
 * new cases use the latest version. The nodes run on a database or schema of their own (see
 * {@link ClusterDatabase}) with a GreenMail SMTP server in this JVM; node B reaches it through
 * an {@link SmtpGate}, so its mail deliveries can be made to hang, holding their job locks, just
 * before it is killed. The nodes run the cluster profile as it is, except that idle nodes poll
 * for due jobs more often (see {@link ClusterScenario#nodeProperties}), so both go for the same timers.
 *
 * <p>Runs with PostgreSQL only: in the postgres-tests execution ({@code SUPPORTO_TEST_POSTGRES_URL}
 * set, {@code supporto.test.profiles=pgtest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final int FIRST_BATCH = 20;
    private static final int SECOND_BATCH = 5;
    private static final int THIRD_BATCH = 12;
    /** camunda.bpm.job-execution.max-pool-size of the nodes (application.yaml) */
    private static final int JOB_THREADS = 5;

    @RegisterExtension
    static final TestWatcher WATCHER = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };
    private static volatile boolean failed;

    private final ClusterScenario scenario = new ClusterScenario("cluster", ClusterScenario.randomId());
    private final String run = scenario.run;
    private boolean started;
    private ClusterDatabase database;
    private GreenMail smtp;
    private SmtpGate gate;
    private Node nodeA;
    private Node nodeB;

    private List<OpenedCase> firstBatch = List.of();

    // ---------------------------------------------------------------- the cluster

    @BeforeAll
    void startCluster() throws Exception {
        ClusterScenario.assumePostgresSuite("cluster test");
        started = true;
        try {
            database = ClusterDatabase.create(System.getenv("SUPPORTO_TEST_POSTGRES_URL"),
                    ClusterScenario.env("SUPPORTO_TEST_POSTGRES_USER", "supporto"),
                    ClusterScenario.env("SUPPORTO_TEST_POSTGRES_PASSWORD", "supporto"), "supporto_cluster_" + run);
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            scenario.use(database, smtp);
            gate = new SmtpGate(smtp.getSmtp().getPort());
            Path directory = Files.createDirectories(Path.of("target", "cluster-test"));
            log("run %s on %s", run, database.describe());

            // Both nodes at once on the empty database, as a cluster comes up after an outage:
            // without the start-up lock (engine.StartupLock) both create Camunda's schema and one
            // fails (duplicate key in pg_type).
            nodeA = Node.start("node-a", directory, scenario.nodeProperties("node-a", smtp.getSmtp().getPort()));
            nodeB = Node.start("node-b", directory, scenario.nodeProperties("node-b", gate.port()));
            nodeA.awaitReady(STARTUP);
            log("%s UP", nodeA);
            nodeB.awaitReady(STARTUP);
            log("%s UP", nodeB);

            scenario.seed(nodeA, nodeB);
            scenario.deployShortResponseTarget(nodeA);
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null && node.alive()) {
                node.kill();
            }
        }
        if (failed) {
            ClusterScenario.printTails(nodeA, nodeB);
        }
        if (gate != null) {
            gate.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (database != null) {
            if (Boolean.getBoolean("supporto.cluster.keep-database")) {
                log("kept %s", database.describe());
            } else {
                database.close();
            }
        }
        if (started) {
            log("cluster test done in %d s", scenario.elapsedSeconds());
        }
    }

    // ---------------------------------------------------------------- the tests

    @Test
    @Order(1)
    void casesOpenedOnEitherNodeAreVisibleOnBoth() throws Exception {
        firstBatch = open(FIRST_BATCH, List.of(nodeA, nodeB), "Cluster case", Duration.ofMillis(500));

        SoftAssertions soft = new SoftAssertions();
        for (OpenedCase c : firstBatch) {
            Node other = c.openedOn() == nodeA ? nodeB : nodeA;
            JsonNode view = scenario.customer(other).get("/api/cases/" + c.number()).expect(200).json();
            soft.assertThat(view.path("title").asText()).as("title of %s on %s", c.number(), other.name)
                    .isEqualTo(c.title());
            soft.assertThat(view.path("organization").asText()).as("organization of %s", c.number()).isEqualTo(scenario.org);
            soft.assertThat(view.path("severity").asText()).as("severity of %s", c.number()).isEqualTo("A");
            soft.assertThat(view.path("status").asText()).as("status of %s", c.number()).isEqualTo("ENGAGED");
            soft.assertThat(view.path("responseTarget").asText()).as("target of %s (the deployed short table)",
                    c.number()).isEqualTo(SHORT_TARGET);
        }
        for (Node node : List.of(nodeA, nodeB)) {
            List<String> listed = new ArrayList<>();
            scenario.customer(node).get("/api/cases?organization=" + scenario.org).expect(200).json()
                    .forEach(c -> listed.add(c.path("caseNumber").asText()));
            soft.assertThat(listed).as("cases listed on %s", node.name)
                    .containsAll(firstBatch.stream().map(OpenedCase::number).toList());
        }
        soft.assertAll();
    }

    @Test
    @Order(2)
    void dueBreachTimersRunExactlyOnceOnTheTwoNodes() {
        assertThat(firstBatch).as("cases opened by the first test").hasSize(FIRST_BATCH);

        scenario.awaitBreached(firstBatch, nodeA, Duration.ofMinutes(2));
        scenario.awaitSettled(firstBatch, Duration.ofMinutes(1));
        scenario.assertHandledExactlyOnce(firstBatch, nodeA);

        for (String timer : List.of(SupportCaseModel.TIMER_RESPONSE_WARNING, SupportCaseModel.TIMER_RESPONSE_DUE)) {
            Map<String, Long> byNode = scenario.successfulRuns(firstBatch, timer).stream()
                    .collect(Collectors.groupingBy(row -> String.valueOf(row.get("hostname_")), TreeMap::new,
                            Collectors.counting()));
            log("%s of the first batch run by %s", timer, byNode);
            assertThat(byNode.keySet()).as("nodes that ran %s", timer).isSubsetOf("node-a", "node-b");
        }
    }

    @Test
    @Order(3)
    void jobsOfAKilledNodeAreTakenOverWhenTheirLocksExpire() throws Exception {
        JsonNode executor = jobExecutorOf(nodeB);
        long lockTime = executor.path("lockTimeInMillis").asLong();
        Stalled stalled = openWhileNodeBsMailHangs(SECOND_BATCH, "Cluster takeover case",
                executor.path("lockOwner").asText(), SECOND_BATCH - 1);

        nodeB.kill();
        gate.release();
        log("node B killed holding %d job(s) (lock time %d ms); the cases' breach timers are not due yet",
                stalled.held().size(), lockTime);

        scenario.awaitBreached(stalled.batch(), nodeA, Duration.ofMinutes(2));
        scenario.awaitSettled(stalled.batch(), Duration.ofMillis(lockTime).plusMinutes(1));
        log("second batch settled on node A alone");
        scenario.assertHandledExactlyOnce(stalled.batch(), nodeA);

        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> log = scenario.jobLog(numbers(stalled.batch()));
        for (Map<String, Object> job : stalled.held()) {
            for (Map<String, Object> run : successfulRunsOfHeldJob(job, log, soft)) {
                soft.assertThat(run.get("hostname_")).as("node that ran job %s", job.get("id_")).isEqualTo("node-a");
                soft.assertThat((Timestamp) run.get("timestamp_")).as("run of job %s vs. its lock", job.get("id_"))
                        .isAfterOrEqualTo((Timestamp) job.get("lock_exp_time_"));
            }
        }
        soft.assertThat(scenario.successfulRuns(stalled.batch(), SupportCaseModel.TIMER_RESPONSE_DUE))
                .as("breach timers of the second batch").hasSize(SECOND_BATCH)
                .allSatisfy(run -> assertThat(run.get("hostname_")).isEqualTo("node-a"));
        soft.assertAll();
        scenario.assertNothingStuck();
    }

    @Test
    @Order(4)
    void aStoppedNodeHandsItsJobsOverAtOnce() throws Exception {
        // node B again (the previous test killed it), its mails through the gate as before
        nodeB = Node.start("node-b2", Path.of("target", "cluster-test"), scenario.nodeProperties("node-b2", gate.port()));
        nodeB.awaitReady(STARTUP);
        String ownerB = jobExecutorOf(nodeB).path("lockOwner").asText();
        // more cases than job threads: node B also acquires jobs for threads that are busy and keeps
        // them locked (Camunda holds those batches in memory only)
        Stalled stalled = openWhileNodeBsMailHangs(THIRD_BATCH, "Cluster handover case", ownerB, JOB_THREADS);

        // stopped as a deployment stops it, while its deliveries still hang: a node that did not
        // wait for them would shut down what they need and leave the jobs it holds locked
        nodeB.stop();
        Thread.sleep(2000);
        gate.release();
        nodeB.awaitExit(Duration.ofSeconds(60));
        log("node B stopped holding %d job(s) (%d job threads); the cases' breach timers are not due yet",
                stalled.held().size(), JOB_THREADS);
        assertThat(lockedBy(ownerB, numbers(stalled.batch()))).as("jobs node B still holds after it stopped").isEmpty();

        scenario.awaitBreached(stalled.batch(), nodeA, Duration.ofMinutes(1));
        scenario.awaitSettled(stalled.batch(), Duration.ofMinutes(1));
        scenario.assertHandledExactlyOnce(stalled.batch(), nodeA);

        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> log = scenario.jobLog(numbers(stalled.batch()));
        for (Map<String, Object> job : stalled.held()) {
            for (Map<String, Object> run : successfulRunsOfHeldJob(job, log, soft)) {
                soft.assertThat((Timestamp) run.get("timestamp_"))
                        .as("run of job %s (on %s) vs. the lock node B had on it", job.get("id_"), run.get("hostname_"))
                        .isBefore((Timestamp) job.get("lock_exp_time_"));
            }
        }
        soft.assertAll();
        scenario.assertNothingStuck();
    }

    /** Cases opened on node B while its mail hangs, and the jobs of theirs node B has locked. */
    record Stalled(List<OpenedCase> batch, List<Map<String, Object>> held) {
    }

    /**
     * Node B's SMTP stalls, then the cases are opened on it: their "case received" deliveries hang,
     * each holding its job's lock, and none reaches the mail server. Waits up to 5 s for node B to
     * lock more than {@code moreThan} of their jobs; fewer is fine (node A may have run some at
     * once), but at least one is needed.
     */
    private Stalled openWhileNodeBsMailHangs(int count, String titlePrefix, String ownerB, int moreThan)
            throws Exception {
        gate.hold();
        List<OpenedCase> batch = open(count, List.of(nodeB), titlePrefix, Duration.ZERO);
        Set<String> numbers = numbers(batch);
        try {
            await("more than " + moreThan + " jobs locked by node B").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(200)).until(() -> lockedBy(ownerB, numbers).size() > moreThan);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // checked below: at least one
        }
        List<Map<String, Object>> held = lockedBy(ownerB, numbers);
        assertThat(held).as("jobs of the new cases locked by node B").isNotEmpty();
        return new Stalled(batch, held);
    }

    /** The successful runs in the job log of a job node B held, checked to be exactly one. */
    private static List<Map<String, Object>> successfulRunsOfHeldJob(Map<String, Object> job,
                                                                     List<Map<String, Object>> log,
                                                                     SoftAssertions soft) {
        List<Map<String, Object>> runs = log.stream()
                .filter(row -> job.get("id_").equals(row.get("job_id_")) && success(row)).toList();
        soft.assertThat(runs).as("successful runs of job %s that node B held", job).hasSize(1);
        return runs;
    }

    // ---------------------------------------------------------------- opening and waiting

    /**
     * Opens the cases as the customer admin, alternating over the nodes, in parallel but started
     * {@code pace} apart: their timers then fall due over a while instead of all at once, and both
     * nodes' acquisitions find some due (one node would otherwise take a whole burst in a row).
     */
    private List<OpenedCase> open(int count, List<Node> nodes, String titlePrefix, Duration pace) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(count, 4));
        try {
            List<Future<OpenedCase>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    Thread.sleep(pace.toMillis());
                }
                Node node = nodes.get(i % nodes.size());
                String title = "%s %02d %s".formatted(titlePrefix, i + 1, run);
                futures.add(pool.submit(() -> {
                    JsonNode view = scenario.customer(node).post("/api/cases", scenario.criticalCase(title))
                            .expect(201).json();
                    assertThat(view.path("responseTarget").asText()).as("target of %s", view).isEqualTo(SHORT_TARGET);
                    return new OpenedCase(view.path("caseNumber").asText(), title, node);
                }));
            }
            List<OpenedCase> opened = new ArrayList<>();
            for (Future<OpenedCase> future : futures) {
                opened.add(future.get());
            }
            assertThat(numbers(opened)).as("case numbers handed out by both nodes").hasSize(count);
            log("opened %d case(s) on %s", count, nodes.stream().map(n -> n.name).toList());
            return opened;
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- database views

    private List<Map<String, Object>> lockedBy(String lockOwner, Set<String> numbers) {
        return database.query("select j.id_, j.lock_exp_time_, d.act_id_, e.business_key_ from act_ru_job j"
                        + " left join act_ru_execution e on e.id_ = j.process_instance_id_"
                        + " left join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where j.lock_owner_ = ? and j.lock_exp_time_ > now()", lockOwner)
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    /** The node's job executor as its health shows it (lock owner, lock time). */
    private JsonNode jobExecutorOf(Node node) {
        JsonNode executor = node.as(ADMIN, ADMIN_PASSWORD).get("/actuator/health").json()
                .path("components").path("jobExecutor").path("details").path("jobExecutor");
        assertThat(executor.path("lockOwner").asText()).as("%s's lock owner in %s", node.name, executor).isNotBlank();
        return executor;
    }

    private void log(String format, Object... args) {
        scenario.log(format, args);
    }
}
