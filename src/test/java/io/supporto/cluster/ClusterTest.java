package io.supporto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporto.cases.SupportCaseModel;
import io.supporto.security.Groups;
import io.supporto.testsupport.ApiClient;
import jakarta.mail.MessagingException;
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
 * for due jobs more often (see {@code nodeProperties}), so both go for the same timers.
 *
 * <p>Runs with PostgreSQL only: in the postgres-tests execution ({@code SUPPORTO_TEST_POSTGRES_URL}
 * set, {@code supporto.test.profiles=pgtest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterTest {

    private static final String POSTGRES_URL = System.getenv("SUPPORTO_TEST_POSTGRES_URL");
    private static final String RUN = randomId();
    /** One for all nodes: a link mailed by one node is followed on any. */
    private static final String LINK_SECRET = Node.randomLinkSecret();

    private static final Duration STARTUP = Duration.ofSeconds(90);
    private static final String SHORT_TARGET = "PT20S";
    private static final int FIRST_BATCH = 20;
    private static final int SECOND_BATCH = 5;
    private static final int THIRD_BATCH = 12;
    /** camunda.bpm.job-execution.max-pool-size of the nodes (application.yaml) */
    private static final int JOB_THREADS = 5;

    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "Kx7#Cluster-Root-2026";
    /** Camunda's password policy: 10+ characters, upper, lower, digit, special, none of the user's data. */
    private static final String PASSWORD = "Tq4$Desk-Node-Pass-99";

    private static final String ESCALATIONS = "escalations-" + RUN + "@cluster.example";
    private static final String ENGINEERS = "engineers-" + RUN + "@cluster.example";
    private static final String CONTACT = "contact-" + RUN + "@customer.example";
    private static final String ORG_ADMINS = "it-" + RUN + "@customer.example";

    @RegisterExtension
    static final TestWatcher WATCHER = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = true;
        }
    };
    private static volatile boolean failed;

    private final Properties mailTexts = mailTexts();
    private long startedAt;
    private ClusterDatabase database;
    private GreenMail smtp;
    private SmtpGate gate;
    private Node nodeA;
    private Node nodeB;

    private final String org = "cluster-" + RUN;
    private final String customerAdmin = "cadmin-" + RUN;
    private final String manager = "manager-" + RUN;

    private List<OpenedCase> firstBatch = List.of();

    record OpenedCase(String number, String title, Node openedOn) {
    }

    // ---------------------------------------------------------------- the cluster

    @BeforeAll
    void startCluster() throws Exception {
        assumeTrue(POSTGRES_URL != null && !POSTGRES_URL.isBlank(),
                "SUPPORTO_TEST_POSTGRES_URL is not set: the cluster test needs PostgreSQL");
        assumeTrue(Arrays.asList(System.getProperty("supporto.test.profiles", "").split("\\s*,\\s*")).contains("pgtest"),
                "the cluster test runs once, in the postgres-tests execution (supporto.test.profiles=pgtest)");
        startedAt = System.nanoTime();
        try {
            database = ClusterDatabase.create(POSTGRES_URL, env("SUPPORTO_TEST_POSTGRES_USER", "supporto"),
                    env("SUPPORTO_TEST_POSTGRES_PASSWORD", "supporto"), "supporto_cluster_" + RUN);
            smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
            smtp.start();
            gate = new SmtpGate(smtp.getSmtp().getPort());
            Path directory = Files.createDirectories(Path.of("target", "cluster-test"));
            log("run %s on %s", RUN, database.describe());

            // Both nodes at once on the empty database, as a cluster comes up after an outage:
            // without the start-up lock (engine.StartupLock) both create Camunda's schema and one
            // fails (duplicate key in pg_type).
            nodeA = Node.start("node-a", directory, nodeProperties("node-a", smtp.getSmtp().getPort()));
            nodeB = Node.start("node-b", directory, nodeProperties("node-b", gate.port()));
            nodeA.awaitReady(STARTUP);
            log("%s UP", nodeA);
            nodeB.awaitReady(STARTUP);
            log("%s UP", nodeB);

            seed();
            deployShortResponseTarget();
        } catch (Throwable e) {
            failed = true;
            throw e;
        }
    }

    private List<String> nodeProperties(String name, int smtpPort) {
        List<String> properties = new ArrayList<>(List.of(
                "--spring.profiles.active=prod,cluster",
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--support.links.secret=" + LINK_SECRET,
                "--support.links.base-url=https://support.cluster.example",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--support.escalation.email=" + ESCALATIONS,
                "--support.mail.team-mailboxes.support-engineers=" + ENGINEERS,
                // names the node in Camunda's job log (HOSTNAME_): who ran which job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // The job log is this test's witness of which node ran each job. The app's history
                // level keeps it for the cases' timers but not for mail deliveries (their outcome is
                // in the outbox); this test also checks deliveries job by job, so it keeps all.
                "--camunda.bpm.history-level=full"));
        properties.addAll(database.nodeArguments());
        return properties;
    }

    /** The organization and its people, through the nodes' own APIs. */
    private void seed() {
        ApiClient admin = nodeA.as(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> organization = ApiClient.organizationBody("Cluster test " + RUN);
        organization.put("plan", "ENTERPRISE");
        organization.put("country", "US");
        organization.put("timeZone", "America/New_York");
        organization.put("language", "en");
        organization.put("adminEmails", List.of(ORG_ADMINS));
        admin.put("/api/organizations/" + org, organization).expect(201);
        nodeB.as(ADMIN, ADMIN_PASSWORD).get("/api/organizations/" + org).expect(200);

        createUser(admin, customerAdmin, "Carla", "Rossi", Groups.CUSTOMER_ADMINS, PASSWORD);
        admin.put("/engine-rest/tenant/" + org + "/user-members/" + customerAdmin, null).expect(204);
        createUser(admin, manager, "Marta", "Bianchi", Groups.SUPPORT_MANAGERS, PASSWORD);
    }

    static void createUser(ApiClient admin, String id, String firstName, String lastName, String group,
                           String password) {
        admin.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", id, "firstName", firstName, "lastName", lastName,
                        "email", id + "@users.example"),
                "credentials", Map.of("password", password))).expect(204);
        admin.put("/engine-rest/group/" + group + "/members/" + id, null).expect(204);
    }

    /** response-target.dmn with severity A due after 20 seconds, deployed as a new version. */
    private void deployShortResponseTarget() throws IOException {
        String dmn;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/bpmn/response-target.dmn"))) {
            dmn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Matcher target = Pattern.compile(
                "(<outputEntry id=\"response-target-rule-severity-a-responseTarget\">\\s*<text>)\"PT1H\"(</text>)")
                .matcher(dmn);
        assertThat(target.find()).as("severity A's 1-hour target in response-target.dmn").isTrue();
        String shortDmn = target.replaceFirst("$1\"" + SHORT_TARGET + "\"$2");

        String boundary = "----cluster" + System.nanoTime();
        String body = part(boundary, "deployment-name", null, "cluster-test-short-severity-a-target")
                + part(boundary, "deployment-source", null, "cluster-test")
                + part(boundary, "data", "response-target.dmn", shortDmn)
                + "--" + boundary + "--\r\n";
        JsonNode deployment = nodeA.as(ADMIN, ADMIN_PASSWORD)
                .send("POST", "/engine-rest/deployment/create", body, "multipart/form-data; boundary=" + boundary)
                .expect(200).json();
        List<String> keys = new ArrayList<>();
        deployment.path("deployedDecisionDefinitions").forEach(d -> keys.add(d.path("key").asText()));
        assertThat(keys).as("decisions deployed by %s", deployment).containsExactly("response-target");
    }

    private static String part(String boundary, String name, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
                + (filename == null ? "" : "; filename=\"" + filename + "\"\r\nContent-Type: application/xml")
                + "\r\n\r\n" + content + "\r\n";
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (Node node : new Node[] {nodeA, nodeB}) {
            if (node != null && node.alive()) {
                node.kill();
            }
        }
        if (failed) {
            for (Node node : new Node[] {nodeA, nodeB}) {
                if (node != null) {
                    System.out.println("==== last lines of " + node + " ====\n" + node.tail(120));
                }
            }
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
        if (startedAt != 0) {
            log("cluster test done in %d s", elapsedSeconds());
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
            JsonNode view = other.as(customerAdmin, PASSWORD).get("/api/cases/" + c.number()).expect(200).json();
            soft.assertThat(view.path("title").asText()).as("title of %s on %s", c.number(), other.name)
                    .isEqualTo(c.title());
            soft.assertThat(view.path("organization").asText()).as("organization of %s", c.number()).isEqualTo(org);
            soft.assertThat(view.path("severity").asText()).as("severity of %s", c.number()).isEqualTo("A");
            soft.assertThat(view.path("status").asText()).as("status of %s", c.number()).isEqualTo("ENGAGED");
            soft.assertThat(view.path("responseTarget").asText()).as("target of %s (the deployed short table)",
                    c.number()).isEqualTo(SHORT_TARGET);
        }
        for (Node node : List.of(nodeA, nodeB)) {
            List<String> listed = new ArrayList<>();
            node.as(customerAdmin, PASSWORD).get("/api/cases?organization=" + org).expect(200).json()
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

        awaitBreached(firstBatch, nodeA, Duration.ofMinutes(2));
        awaitSettled(firstBatch, Duration.ofMinutes(1));
        assertHandledExactlyOnce(firstBatch, nodeA);

        for (String timer : List.of(SupportCaseModel.TIMER_RESPONSE_WARNING, SupportCaseModel.TIMER_RESPONSE_DUE)) {
            Map<String, Long> byNode = successfulRuns(firstBatch, timer).stream()
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

        awaitBreached(stalled.batch(), nodeA, Duration.ofMinutes(2));
        awaitSettled(stalled.batch(), Duration.ofMillis(lockTime).plusMinutes(1));
        log("second batch settled on node A alone");
        assertHandledExactlyOnce(stalled.batch(), nodeA);

        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> log = jobLog(numbers(stalled.batch()));
        for (Map<String, Object> job : stalled.held()) {
            for (Map<String, Object> run : successfulRunsOfHeldJob(job, log, soft)) {
                soft.assertThat(run.get("hostname_")).as("node that ran job %s", job.get("id_")).isEqualTo("node-a");
                soft.assertThat((Timestamp) run.get("timestamp_")).as("run of job %s vs. its lock", job.get("id_"))
                        .isAfterOrEqualTo((Timestamp) job.get("lock_exp_time_"));
            }
        }
        soft.assertThat(successfulRuns(stalled.batch(), SupportCaseModel.TIMER_RESPONSE_DUE))
                .as("breach timers of the second batch").hasSize(SECOND_BATCH)
                .allSatisfy(run -> assertThat(run.get("hostname_")).isEqualTo("node-a"));
        soft.assertAll();
        assertNothingStuck();
    }

    @Test
    @Order(4)
    void aStoppedNodeHandsItsJobsOverAtOnce() throws Exception {
        // node B again (the previous test killed it), its mails through the gate as before
        nodeB = Node.start("node-b2", Path.of("target", "cluster-test"), nodeProperties("node-b2", gate.port()));
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

        awaitBreached(stalled.batch(), nodeA, Duration.ofMinutes(1));
        awaitSettled(stalled.batch(), Duration.ofMinutes(1));
        assertHandledExactlyOnce(stalled.batch(), nodeA);

        SoftAssertions soft = new SoftAssertions();
        List<Map<String, Object>> log = jobLog(numbers(stalled.batch()));
        for (Map<String, Object> job : stalled.held()) {
            for (Map<String, Object> run : successfulRunsOfHeldJob(job, log, soft)) {
                soft.assertThat((Timestamp) run.get("timestamp_"))
                        .as("run of job %s (on %s) vs. the lock node B had on it", job.get("id_"), run.get("hostname_"))
                        .isBefore((Timestamp) job.get("lock_exp_time_"));
            }
        }
        soft.assertAll();
        assertNothingStuck();
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

    /** Nothing stuck anywhere in the cluster's database, earlier batches included. */
    private void assertNothingStuck() {
        assertThat(database.query("select id_, retries_, duedate_, lock_owner_, exception_msg_ from act_ru_job"
                + " where retries_ > 0 and coalesce(duedate_, create_time_) < now() - interval '1 minute'"))
                .as("jobs due for more than a minute").isEmpty();
        assertThat(database.query("select id_, exception_msg_ from act_ru_job where retries_ = 0"))
                .as("failed jobs").isEmpty();
        assertThat(database.query("select id_, incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
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
                String title = "%s %02d %s".formatted(titlePrefix, i + 1, RUN);
                futures.add(pool.submit(() -> {
                    Map<String, Object> body = ApiClient.criticalCaseBody(org);
                    body.put("title", title);
                    ApiClient.contact(body).put("email", CONTACT);
                    JsonNode view = node.as(customerAdmin, PASSWORD).post("/api/cases", body).expect(201).json();
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

    private void awaitBreached(List<OpenedCase> cases, Node node, Duration timeout) {
        ApiClient client = node.as(customerAdmin, PASSWORD);
        await("breach of " + cases.size() + " case(s)").atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(cases.stream()
                        .filter(c -> !client.get("/api/cases/" + c.number()).expect(200).json()
                                .path("slaBreached").asBoolean())
                        .map(OpenedCase::number).toList()).as("cases not breached yet").isEmpty());
        log("all %d case(s) breached", cases.size());
    }

    /** Until the cases and their deliveries have no job left and every mail written is sent. */
    private void awaitSettled(List<OpenedCase> cases, Duration timeout) {
        Set<String> numbers = numbers(cases);
        await("jobs and mails of " + cases.size() + " case(s)").atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> {
                    assertThat(jobs(numbers)).as("jobs left").isEmpty();
                    assertThat(database.query("select case_number, kind from mail_outbox where sent_at is null")
                            .stream().filter(row -> numbers.contains(row.get("case_number"))).toList())
                            .as("mails not sent yet").isEmpty();
                });
    }

    // ---------------------------------------------------------------- exactly once

    /**
     * Each case: breached, one handleBreach task (and never a second one in history), one BREACHED
     * and one WARNING_SENT line on its timeline, each timer run once, and each of its three mails
     * (received, warning, breach alert) written once and delivered once.
     */
    private void assertHandledExactlyOnce(List<OpenedCase> cases, Node node) {
        ApiClient admin = node.as(ADMIN, ADMIN_PASSWORD);
        ApiClient customer = node.as(customerAdmin, PASSWORD);
        ApiClient desk = node.as(manager, PASSWORD);
        Set<String> numbers = numbers(cases);
        List<Map<String, Object>> outbox = database.query("select case_number, kind, sent_at from mail_outbox")
                .stream().filter(row -> numbers.contains(row.get("case_number"))).toList();
        List<Map<String, Object>> log = jobLog(numbers);

        SoftAssertions soft = new SoftAssertions();
        for (OpenedCase c : cases) {
            String n = c.number();
            soft.assertThat(customer.get("/api/cases/" + n).expect(200).json().path("slaBreached").asBoolean())
                    .as("%s breached", n).isTrue();
            soft.assertThat(admin.get("/engine-rest/task?taskDefinitionKey=handleBreach&processInstanceBusinessKey=" + n)
                    .expect(200).json()).as("open handleBreach tasks of %s", n).hasSize(1);
            soft.assertThat(admin.get("/engine-rest/history/task?taskDefinitionKey=handleBreach"
                    + "&processInstanceBusinessKey=" + n).expect(200).json())
                    .as("handleBreach tasks ever created for %s", n).hasSize(1);

            List<String> kinds = new ArrayList<>();
            desk.get("/api/cases/" + n + "/timeline").expect(200).json().forEach(e -> kinds.add(e.path("kind").asText()));
            soft.assertThat(kinds.stream().filter("BREACHED"::equals)).as("BREACHED on the timeline of %s: %s", n, kinds)
                    .hasSize(1);
            soft.assertThat(kinds.stream().filter("WARNING_SENT"::equals)).as("WARNING_SENT on the timeline of %s", n)
                    .hasSize(1);

            for (String timer : List.of(SupportCaseModel.TIMER_RESPONSE_WARNING, SupportCaseModel.TIMER_RESPONSE_DUE)) {
                soft.assertThat(log.stream().filter(row -> n.equals(row.get("business_key_"))
                                && timer.equals(row.get("act_id_")) && success(row)))
                        .as("successful runs of %s of %s", timer, n).hasSize(1);
            }
            for (String kind : List.of("CASE_RECEIVED", "TEAM_WARNING", "BREACH_ALERT")) {
                soft.assertThat(outbox.stream().filter(row -> n.equals(row.get("case_number")) && kind.equals(row.get("kind"))))
                        .as("%s mails written for %s", kind, n).hasSize(1);
                soft.assertThat(log.stream().filter(row -> (n + "/" + kind).equals(row.get("business_key_"))
                                && "deliverEmail".equals(row.get("act_id_")) && success(row)))
                        .as("successful deliveries of %s of %s", kind, n).hasSize(1);
            }
            soft.assertThat(received(ESCALATIONS, subject("breach-alert", c))).as("breach alerts of %s received", n)
                    .isEqualTo(1);
            soft.assertThat(received(ENGINEERS, subject("team-warning", c))).as("warnings of %s received", n)
                    .isEqualTo(1);
            soft.assertThat(received(CONTACT, subject("case-received", c))).as("received mails of %s", n)
                    .isEqualTo(1);
        }
        soft.assertAll();
    }

    // ---------------------------------------------------------------- database views

    private static Set<String> numbers(List<OpenedCase> cases) {
        return cases.stream().map(OpenedCase::number).collect(Collectors.toCollection(HashSet::new));
    }

    /** The case number a business key belongs to: the case's own, or "SR-…/KIND" of its deliveries. */
    private static boolean ofCases(Object businessKey, Set<String> numbers) {
        return businessKey != null && numbers.contains(businessKey.toString().split("/", 2)[0]);
    }

    private List<Map<String, Object>> jobs(Set<String> numbers) {
        return database.query("select j.id_, j.retries_, j.duedate_, j.lock_owner_, j.lock_exp_time_,"
                        + " j.exception_msg_, d.act_id_, e.business_key_ from act_ru_job j"
                        + " left join act_ru_execution e on e.id_ = j.process_instance_id_"
                        + " left join act_ru_jobdef d on d.id_ = j.job_def_id_")
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    private List<Map<String, Object>> lockedBy(String lockOwner, Set<String> numbers) {
        return database.query("select j.id_, j.lock_exp_time_, d.act_id_, e.business_key_ from act_ru_job j"
                        + " left join act_ru_execution e on e.id_ = j.process_instance_id_"
                        + " left join act_ru_jobdef d on d.id_ = j.job_def_id_"
                        + " where j.lock_owner_ = ? and j.lock_exp_time_ > now()", lockOwner)
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    /** Camunda's job log of the cases and their deliveries (state 2 = successful run). */
    private List<Map<String, Object>> jobLog(Set<String> numbers) {
        return database.query("select l.job_id_, l.job_state_, l.act_id_, l.hostname_, l.timestamp_,"
                        + " l.job_exception_msg_, p.business_key_ from act_hi_job_log l"
                        + " left join act_hi_procinst p on p.id_ = l.process_instance_id_")
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    private List<Map<String, Object>> successfulRuns(List<OpenedCase> cases, String activity) {
        return jobLog(numbers(cases)).stream()
                .filter(row -> activity.equals(row.get("act_id_")) && success(row)).toList();
    }

    private static boolean success(Map<String, Object> logRow) {
        return ((Number) logRow.get("job_state_")).intValue() == 2;
    }

    /** The node's job executor as its health shows it (lock owner, lock time). */
    private JsonNode jobExecutorOf(Node node) {
        JsonNode executor = node.as(ADMIN, ADMIN_PASSWORD).get("/actuator/health").json()
                .path("components").path("jobExecutor").path("details").path("jobExecutor");
        assertThat(executor.path("lockOwner").asText()).as("%s's lock owner in %s", node.name, executor).isNotBlank();
        return executor;
    }

    // ---------------------------------------------------------------- mail

    /** The subject the organization's language (English) gives this mail of the case. */
    private String subject(String mail, OpenedCase c) {
        String pattern = mailTexts.getProperty("mail." + mail + ".subject");
        assertThat(pattern).as("mail.%s.subject in i18n/mail.properties", mail).isNotNull();
        return new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {c.number(), c.title()});
    }

    /** How many messages with this subject are in the address's inbox (GreenMail keeps one copy per recipient). */
    private int received(String address, String subject) {
        GreenMailUser user = smtp.getUserManager().getUserByEmail(address);
        if (user == null) {
            return 0;
        }
        try {
            int count = 0;
            for (StoredMessage message : smtp.getManagers().getImapHostManager().getInbox(user).getMessages()) {
                if (subject.equals(message.getMimeMessage().getSubject())) {
                    count++;
                }
            }
            return count;
        } catch (FolderException | MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties mailTexts() {
        Properties texts = new Properties();
        try (InputStream in = ClusterTest.class.getResourceAsStream("/i18n/mail.properties")) {
            texts.load(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    // ---------------------------------------------------------------- small things

    private static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private long elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1_000_000_000L;
    }

    private void log(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = startedAt == 0 ? 0 : elapsedSeconds();
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf("[cluster %3d s] " + format + "%n", all);
    }
}
