package io.supporto.cluster;

import static io.supporto.cluster.ClusterScenario.numbers;
import static io.supporto.cluster.ClusterScenario.success;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cluster.ClusterScenario.OpenedCase;
import io.supporto.testsupport.ApiClient;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL restarts under load (issue 33): cases open at a steady rate, two a second, on one
 * node (profiles {@code prod,cluster}, as compose.yaml runs it) while its database is stopped as
 * an operator's restart stops it ({@code pg_ctl stop}, fast mode: every session ended, its open
 * transaction rolled back), stays down for 10 s and starts again. Some work is in the middle of
 * its transaction when the database goes, on purpose rather than by chance: a table lock of the
 * test's own holds the latest openings at their INSERT, and a gate in front of the SMTP server
 * holds the latest deliveries in their SMTP conversation until the database is down and the
 * next opening has met a pooled connection whose session the stop ended; the deliveries then
 * record "sent" on such connections while the database is down. Then:
 * <ul>
 * <li>every opening was answered 201 or 503 (with Retry-After), none 500, none later than
 * {@link #ANSWER_BOUND}; those ended in their transaction 503;
 * <li>every case that got a 201 exists, with its process instance and both SLA timers; none
 * that got a 503 does ("nothing was changed", the 503 says);
 * <li>the breach timers that fell due while the database was down run after it is back, each
 * exactly once, as do the warnings;
 * <li>every mail of those cases (received, warning, breach alert) is written once, sent and
 * received once, the held deliveries' too (their jobs fail with the database and are retried).
 * </ul>
 *
 * <p>The shared PostgreSQL server of the other tests must not be restarted, so this test runs one
 * of its own ({@link LocalPostgres}); it needs root and the postgresql package (as CI has them) and
 * skips itself otherwise. It runs once, in the postgres-tests execution.
 */
class DatabaseRestartTest {

    private static final Duration STARTUP = Duration.ofSeconds(120);
    /** One opening every PACE, whatever the answers to the earlier ones (an open load, as from many clients). */
    private static final Duration PACE = Duration.ofMillis(500);
    /**
     * Openings before the stop: those of the first 10 s have their breach (20 s after opening)
     * fall due during the outage, and later ones their warning (at 75 %, 15 s).
     */
    private static final int BEFORE_STOP = 44;
    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Openings after the database is back, until the node has caught up. */
    private static final int AFTER_START = 20;
    /**
     * How long an opening may take. A request waits at most Hikari's connection timeout for a
     * connection (spring.datasource.hikari.connection-timeout: 30 s, Spring Boot's default, which
     * the app keeps) and then answers 503; the margin is for waiting for one of the 16 Tomcat
     * threads, all of which may be waiting out the same outage, and for a 2-core machine running
     * the node, PostgreSQL and this test. A request still unanswered after this counts as hung.
     */
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(30 + 15);
    /**
     * A delivery that failed because the database was gone is retried after this instead of the
     * app's 2 minutes (support.mail.retry-cycle), so the test ends in time; the path is the same.
     */
    private static final String RETRY_CYCLE = "R5/PT5S";
    /**
     * Hikari hands out a pooled connection used within the last half second without checking it
     * (com.zaxxer.hikari.aliveBypassWindowMs, 500 ms); under load that is most of them, so after
     * a restart the first write of a transaction can meet a session the database ended. The node
     * here is busy but not that busy: it hands every connection out unchecked, so what under load
     * happens by chance (a mail recorded as sent on such a connection) happens every run.
     */
    private static final String UNCHECKED_CONNECTIONS = "-Dcom.zaxxer.hikari.aliveBypassWindowMs=600000";

    private final ClusterScenario scenario = new ClusterScenario("db-restart", ClusterScenario.randomId());
    private LocalPostgres postgres;
    private ClusterDatabase database;
    private GreenMail smtp;
    private SmtpGate gate;
    private Node node;

    /** One opening: when it was sent, how long it took, and what came back. */
    record Attempt(String title, Instant sent, Duration took, int status, String caseNumber, String retryAfter,
                   String failure) {

        Instant answered() {
            return sent.plus(took);
        }

        boolean overlaps(Instant from, Instant to) {
            return sent.isBefore(to) && answered().isAfter(from);
        }

        @Override
        public String toString() {
            return "'" + title + "' sent " + sent + ", " + took.toMillis() + " ms: "
                    + (failure != null ? failure : status + (caseNumber != null ? " " + caseNumber : ""));
        }
    }

    @AfterEach
    void stop() throws Exception {
        try {
            if (node != null && node.alive()) {
                node.kill();
            }
            if (gate != null) {
                gate.close();
            }
            if (smtp != null) {
                smtp.stop();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
                scenario.log("database restart test done");
            }
        }
    }

    @Test
    void casesOpenedWhilePostgresRestartsAreAnsweredHonestlyAndHandledExactlyOnce() throws Exception {
        ClusterScenario.assumePostgresSuite("database restart test");
        Path bin = LocalPostgres.assumeAvailable();
        try {
            restartUnderLoad(bin);
        } catch (Throwable e) {
            ClusterScenario.printTails(node);
            throw e;
        }
    }

    private void restartUnderLoad(Path bin) throws Exception {
        postgres = LocalPostgres.start(bin, "pg-" + ClusterScenario.randomId());
        database = ClusterDatabase.create(postgres.url("postgres"), LocalPostgres.USER, postgres.password(),
                "supporto_restart_" + scenario.run);
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        gate = new SmtpGate(smtp.getSmtp().getPort());
        scenario.use(database, smtp);
        scenario.log("run %s on %s, %s", scenario.run, postgres, database.describe());

        List<String> properties = new ArrayList<>(scenario.nodeProperties("restart-node", gate.port()));
        properties.add("--support.mail.retry-cycle=" + RETRY_CYCLE);
        node = Node.start("restart-node", Files.createDirectories(Path.of("target", "cluster-test")),
                List.of(UNCHECKED_CONNECTIONS), properties);
        node.awaitReady(STARTUP);
        scenario.seed(node);
        scenario.deployShortResponseTarget(node);
        scenario.log("%s UP", node);

        Load load = new Load(scenario.customer(node).duringOutage().withTimeout(ANSWER_BOUND));
        await("openings before the stop").atMost(PACE.multipliedBy(BEFORE_STOP).plusSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> load.sent() >= BEFORE_STOP);

        // Work in the middle of its transaction when the database goes, rather than by chance: a
        // lock of the test's own holds the next openings at their INSERT (SHARE lets reads pass,
        // not writes), and the gate holds the next deliveries in their SMTP conversation.
        Connection blocker = database.connect();
        int openings;
        int deliveries;
        Instant stopping;
        Instant down;
        try {
            blocker.setAutoCommit(false);
            try (Statement lock = blocker.createStatement()) {
                lock.execute("LOCK TABLE support_case IN SHARE MODE");
            }
            gate.hold();
            await("openings waiting for the lock, deliveries hanging in SMTP").atMost(Duration.ofSeconds(8))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> openingsWaitingForLock() > 0 && gate.connections() > 0);
            openings = openingsWaitingForLock();
            deliveries = gate.connections();
            stopping = Instant.now();
            postgres.stop();
            down = Instant.now();
            // the next opening meets a pooled connection whose session the stop ended (and fails
            // at once, before the database is back); then the deliveries go on
            Instant stopped = down;
            await("an opening sent after the stop answered").atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20)).until(() -> load.answeredOfSentAfter(stopped) > 0);
            gate.release();
        } finally {
            try {
                blocker.close();
            } catch (SQLException e) {
                // the stop ended its session
            }
        }
        scenario.log("PostgreSQL stopped in %d ms with %d opening(s) in their transaction and %d delivery(ies)"
                + " in SMTP (released now)", millis(stopping, down), openings, deliveries);
        Thread.sleep(OUTAGE.toMillis());
        postgres.start();
        Instant up = Instant.now();
        scenario.log("PostgreSQL started again, down for %d ms", millis(stopping, up));

        int total = load.sent() + AFTER_START;
        await("openings after the start").atMost(PACE.multipliedBy(AFTER_START).plusSeconds(10))
                .pollInterval(Duration.ofMillis(50)).until(() -> load.sent() >= total);
        List<Attempt> attempts = load.finish();
        node.awaitReady(Duration.ofSeconds(30));
        // MailDelivery's warning each time a write of "sent" met an ended session (informative: the
        // exactly-once checks below decide)
        scenario.log("%d write(s) of a sent mail tried again", node.logLinesWith("as sent ("));
        scenario.log("%d openings: %s; the longest took %d ms; %d open or sent during the outage", attempts.size(),
                attempts.stream().collect(Collectors.groupingBy(a -> a.failure() != null ? "failed" : "" + a.status(),
                        TreeMap::new, Collectors.counting())),
                attempts.stream().mapToLong(a -> a.took().toMillis()).max().orElse(0),
                attempts.stream().filter(a -> a.overlaps(stopping, up)).count());

        assertAnsweredHonestly(attempts, stopping, up, openings);
        List<OpenedCase> opened = attempts.stream().filter(a -> a.status() == 201)
                .map(a -> new OpenedCase(a.caseNumber(), a.title(), node)).toList();
        assertOpenedOnlyWhatWasAnswered201(attempts, opened);

        scenario.awaitBreached(opened, node, Duration.ofSeconds(90));
        scenario.awaitSettled(opened, Duration.ofMinutes(1));
        scenario.assertHandledExactlyOnce(opened, node);
        assertDueDuringTheOutageRanAfterIt(opened, stopping, up);
        scenario.assertNothingStuck();
    }

    /**
     * Every opening 201, or 503 with Retry-After; none failed, none hung; those the stop ended in
     * their transaction among the 503s.
     */
    private static void assertAnsweredHonestly(List<Attempt> attempts, Instant stopping, Instant up,
                                               int endedInTheirTransaction) {
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(attempts).as("openings").hasSizeGreaterThanOrEqualTo(BEFORE_STOP + AFTER_START);
        soft.assertThat(attempts.stream().filter(a -> a.failure() != null || a.status() != 201 && a.status() != 503))
                .as("openings not answered 201 or 503 within %s", ANSWER_BOUND).isEmpty();
        soft.assertThat(attempts.stream().filter(a -> a.status() == 503 && a.retryAfter() == null))
                .as("503 answers without Retry-After").isEmpty();
        soft.assertThat(attempts.stream().filter(a -> a.took().compareTo(ANSWER_BOUND) > 0))
                .as("openings answered after more than %s", ANSWER_BOUND).isEmpty();
        // the outage met the load: requests were open or sent while the database was down
        soft.assertThat(attempts.stream().filter(a -> a.overlaps(stopping, up)).count())
                .as("openings open while the database was down").isGreaterThanOrEqualTo(OUTAGE.dividedBy(PACE) - 2);
        soft.assertThat(attempts.stream().filter(a -> a.status() == 503).count())
                .as("openings answered 503, at least the %d the stop ended in their transaction", endedInTheirTransaction)
                .isGreaterThanOrEqualTo(endedInTheirTransaction);
        soft.assertAll();
    }

    /**
     * Each 201's case exists, as its answer said, with its process instance and both SLA timers
     * (still waiting, or run); no case has the title of an opening answered 503.
     */
    private void assertOpenedOnlyWhatWasAnswered201(List<Attempt> attempts, List<OpenedCase> opened) {
        Set<String> numbers = numbers(opened);
        ApiClient customer = scenario.customer(node);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(numbers).as("case numbers of the 201 answers").hasSize(opened.size());
        for (OpenedCase c : opened) {
            soft.assertThat(customer.get("/api/cases/" + c.number()).expect(200).json().path("title").asText())
                    .as("title of %s", c.number()).isEqualTo(c.title());
        }

        Set<String> instances = database.query("select business_key_ from act_ru_execution"
                        + " where id_ = proc_inst_id_ and business_key_ like 'SR-%' and business_key_ not like '%/%'")
                .stream().map(row -> (String) row.get("business_key_")).collect(Collectors.toSet());
        soft.assertThat(instances).as("support-case instances").containsAll(numbers);

        Map<String, Set<String>> timers = new TreeMap<>();
        scenario.jobs(numbers).forEach(row -> timers.computeIfAbsent((String) row.get("business_key_"),
                n -> new HashSet<>()).add((String) row.get("act_id_")));
        scenario.jobLog(numbers).stream().filter(ClusterScenario::success).forEach(row -> timers
                .computeIfAbsent((String) row.get("business_key_"), n -> new HashSet<>()).add((String) row.get("act_id_")));
        for (String n : numbers) {
            soft.assertThat(timers.getOrDefault(n, Set.of())).as("timers of %s, waiting or run", n)
                    .contains(SupportCaseModel.TIMER_RESPONSE_WARNING, SupportCaseModel.TIMER_RESPONSE_DUE);
        }

        Set<String> answered503 = attempts.stream().filter(a -> a.status() == 503).map(Attempt::title)
                .collect(Collectors.toSet());
        soft.assertThat(database.query("select case_number, title from support_case where organization_id = ?",
                        scenario.org).stream().filter(row -> answered503.contains(row.get("title"))).toList())
                .as("cases opened although their opening was answered 503").isEmpty();
        soft.assertThat(database.count("select count(*) from support_case where organization_id = ?", scenario.org))
                .as("cases of the organization").isEqualTo(opened.size());
        soft.assertAll();
    }

    /** The breach (and warning) timers due while the database was down ran once it was back. */
    private void assertDueDuringTheOutageRanAfterIt(List<OpenedCase> opened, Instant stopping, Instant up) {
        Set<String> numbers = numbers(opened);
        Set<String> dueInOutage = database.query("select case_number, first_response_due_at from support_case"
                        + " where organization_id = ?", scenario.org).stream()
                .filter(row -> numbers.contains(row.get("case_number")))
                .filter(row -> {
                    Instant due = ((Timestamp) row.get("first_response_due_at")).toInstant();
                    return !due.isBefore(stopping) && !due.isAfter(up);
                })
                .map(row -> (String) row.get("case_number")).collect(Collectors.toSet());
        scenario.log("%d breach timer(s) fell due while the database was down", dueInOutage.size());
        assertThat(dueInOutage).as("cases whose breach fell due during the outage").isNotEmpty();

        List<Map<String, Object>> breaches = scenario.jobLog(dueInOutage).stream()
                .filter(row -> SupportCaseModel.TIMER_RESPONSE_DUE.equals(row.get("act_id_")) && success(row)).toList();
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(breaches).as("breaches run of the cases due during the outage").hasSize(dueInOutage.size());
        for (Map<String, Object> run : breaches) {
            soft.assertThat(((Timestamp) run.get("timestamp_")).toInstant())
                    .as("breach of %s (due during the outage) ran after the start at %s", run.get("business_key_"), up)
                    .isAfter(up);
        }
        soft.assertAll();
    }

    /** Openings waiting, in their transaction, for the blocker's lock on support_case to insert the case. */
    private int openingsWaitingForLock() {
        return (int) database.count("select count(*) from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where not l.granted and l.relation = 'support_case'::regclass"
                + " and ltrim(a.query) ilike 'insert into support_case%'");
    }

    private static long millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis();
    }

    /** Sends an opening every {@link #PACE}, each in a thread of its own, until finished. */
    private final class Load {

        private final ApiClient client;
        private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
        private final ExecutorService senders = Executors.newCachedThreadPool();
        private final List<Future<Attempt>> attempts = new CopyOnWriteArrayList<>();

        Load(ApiClient client) {
            this.client = client;
            ticker.scheduleAtFixedRate(this::send, 0, PACE.toMillis(), TimeUnit.MILLISECONDS);
        }

        int sent() {
            return attempts.size();
        }

        /** Openings sent after this instant and answered already. */
        long answeredOfSentAfter(Instant instant) throws InterruptedException, ExecutionException {
            long answered = 0;
            for (Future<Attempt> attempt : attempts) {
                if (attempt.isDone() && attempt.get().sent().isAfter(instant)) {
                    answered++;
                }
            }
            return answered;
        }

        private void send() {
            String title = "Restart case %03d %s".formatted(attempts.size() + 1, scenario.run);
            attempts.add(senders.submit(() -> open(title)));
        }

        private Attempt open(String title) {
            Instant sent = Instant.now();
            long started = System.nanoTime();
            try {
                ApiClient.Response answer = client.post("/api/cases", scenario.criticalCase(title));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                String number = answer.status() == 201 ? answer.json().path("caseNumber").asText() : null;
                return new Attempt(title, sent, took, answer.status(), number,
                        answer.header("Retry-After").orElse(null), null);
            } catch (Throwable e) {
                // a 500 (ApiClient fails on it), no answer within the bound, a broken connection
                return new Attempt(title, sent, Duration.ofNanos(System.nanoTime() - started), 0, null, null,
                        e.toString());
            }
        }

        /** Stops sending and waits for every answer (each is bounded by the client's timeout). */
        List<Attempt> finish() throws Exception {
            ticker.shutdown();
            assertThat(ticker.awaitTermination(5, TimeUnit.SECONDS)).as("load stopped").isTrue();
            List<Attempt> answered = new ArrayList<>();
            try {
                for (Future<Attempt> attempt : attempts) {
                    answered.add(attempt.get(ANSWER_BOUND.plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS));
                }
            } finally {
                senders.shutdownNow();
            }
            return answered;
        }
    }
}
