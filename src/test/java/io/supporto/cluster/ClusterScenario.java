package io.supporto.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.SupportCaseModel;
import io.supporto.notify.CaseMailbox;
import io.supporto.security.Groups;
import io.supporto.testsupport.ApiClient;
import org.assertj.core.api.SoftAssertions;

/**
 * What the tests that run Supporto nodes on PostgreSQL ({@link ClusterTest},
 * {@link DatabaseRestartTest}) share: the nodes' properties (profiles {@code prod,cluster}, as
 * compose.yaml runs them), an organization with a customer admin and a support manager seeded
 * through the API, a copy of {@code response-target.dmn} whose severity A target is 20 seconds
 * (deployed through {@code /engine-rest}, as an operator would; new cases use the latest version),
 * and the checks that each case's timers ran and its mails went out exactly once, read from the
 * nodes' database, Camunda's job log and a GreenMail server in the test's JVM.
 */
final class ClusterScenario {

    static final String SHORT_TARGET = "PT20S";

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "Kx7#Cluster-Root-2026";
    /** Camunda's password policy: 10+ characters, upper, lower, digit, special, none of the user's data. */
    static final String PASSWORD = "Tq4$Desk-Node-Pass-99";

    final String run;
    final String org;
    final String customerAdmin;
    final String manager;
    final String escalations;
    final String engineers;
    final String contact;
    private final String orgAdmins;

    /** One for all nodes: a link mailed by one node is followed on any. */
    private final String linkSecret = Node.randomLinkSecret();
    private final Properties mailTexts = mailTexts();
    private final String logName;
    private final long startedAt = System.nanoTime();
    private ClusterDatabase database;
    private GreenMail smtp;

    record OpenedCase(String number, String title, Node openedOn) {
    }

    ClusterScenario(String logName, String run) {
        this.logName = logName;
        this.run = run;
        this.org = "cluster-" + run;
        this.customerAdmin = "cadmin-" + run;
        this.manager = "manager-" + run;
        this.escalations = "escalations-" + run + "@cluster.example";
        this.engineers = "engineers-" + run + "@cluster.example";
        this.contact = "contact-" + run + "@customer.example";
        this.orgAdmins = "it-" + run + "@customer.example";
    }

    /** Skips the test outside the postgres-tests execution, where it runs once. */
    static void assumePostgresSuite(String test) {
        assumeTrue(postgresUrl() != null, "SUPPORTO_TEST_POSTGRES_URL is not set: the " + test + " needs PostgreSQL");
        assumeTrue(inPostgresSuite(),
                "the " + test + " runs once, in the postgres-tests execution (supporto.test.profiles=pgtest)");
    }

    /** The PostgreSQL the postgres-tests execution runs on ({@code SUPPORTO_TEST_POSTGRES_URL}), or null. */
    static String postgresUrl() {
        String url = System.getenv("SUPPORTO_TEST_POSTGRES_URL");
        return url == null || url.isBlank() ? null : url;
    }

    /** This JVM runs the postgres-tests execution ({@code supporto.test.profiles=pgtest}). */
    static boolean inPostgresSuite() {
        return Arrays.asList(System.getProperty("supporto.test.profiles", "").split("\\s*,\\s*")).contains("pgtest");
    }

    /** The database and the SMTP server the nodes of this scenario use; set before {@link #nodeProperties}. */
    void use(ClusterDatabase database, GreenMail smtp) {
        this.database = database;
        this.smtp = smtp;
    }

    List<String> nodeProperties(String name, int smtpPort) {
        List<String> properties = new ArrayList<>(List.of(
                "--spring.profiles.active=prod,cluster",
                "--camunda.bpm.admin-user.id=" + ADMIN,
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--support.links.secret=" + linkSecret,
                "--support.links.base-url=https://support.cluster.example",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtpPort,
                "--support.escalation.email=" + escalations,
                "--support.mail.team-mailboxes.support-engineers=" + engineers,
                // names the node in Camunda's job log (HOSTNAME_): who ran which job
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                // The job log is the tests' witness of which node ran each job, and how often. The
                // app's history level keeps it for the cases' timers but not for mail deliveries
                // (their outcome is in the outbox); the tests also check deliveries job by job, so
                // they keep all.
                "--camunda.bpm.history-level=full"));
        properties.addAll(database.nodeArguments());
        return properties;
    }

    /** The organization and its people, through the first node's API, and seen by the others. */
    void seed(Node node, Node... others) {
        ApiClient admin = node.as(ADMIN, ADMIN_PASSWORD);
        Map<String, Object> organization = ApiClient.organizationBody("Cluster test " + run);
        organization.put("plan", "ENTERPRISE");
        organization.put("country", "US");
        organization.put("timeZone", "America/New_York");
        organization.put("language", "en");
        organization.put("adminEmails", List.of(orgAdmins));
        admin.put("/api/organizations/" + org, organization).expect(201);
        for (Node other : others) {
            other.as(ADMIN, ADMIN_PASSWORD).get("/api/organizations/" + org).expect(200);
        }

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
    void deployShortResponseTarget(Node node) throws IOException {
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
        JsonNode deployment = node.as(ADMIN, ADMIN_PASSWORD)
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

    /** A severity A case of the organization with this title, its contact the scenario's contact address. */
    Map<String, Object> criticalCase(String title) {
        Map<String, Object> body = ApiClient.criticalCaseBody(org);
        body.put("title", title);
        ApiClient.contact(body).put("email", contact);
        return body;
    }

    ApiClient customer(Node node) {
        return node.as(customerAdmin, PASSWORD);
    }

    // ---------------------------------------------------------------- waiting

    void awaitBreached(List<OpenedCase> cases, Node node, Duration timeout) {
        ApiClient client = customer(node);
        await("breach of " + cases.size() + " case(s)").atMost(timeout).pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(cases.stream()
                        .filter(c -> !client.get("/api/cases/" + c.number()).expect(200).json()
                                .path("slaBreached").asBoolean())
                        .map(OpenedCase::number).toList()).as("cases not breached yet").isEmpty());
        log("all %d case(s) breached", cases.size());
    }

    /** Until the cases and their deliveries have no job left and every mail written is sent. */
    void awaitSettled(List<OpenedCase> cases, Duration timeout) {
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
    void assertHandledExactlyOnce(List<OpenedCase> cases, Node node) {
        ApiClient admin = node.as(ADMIN, ADMIN_PASSWORD);
        ApiClient customer = customer(node);
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
            soft.assertThat(received(escalations, subject("breach-alert", c))).as("breach alerts of %s received", n)
                    .isEqualTo(1);
            soft.assertThat(received(engineers, subject("team-warning", c))).as("warnings of %s received", n)
                    .isEqualTo(1);
            soft.assertThat(received(contact, subject("case-received", c))).as("received mails of %s", n)
                    .isEqualTo(1);
        }
        soft.assertAll();
    }

    /** Nothing stuck anywhere in the scenario's database: no job overdue, none failed, no incident. */
    void assertNothingStuck() {
        assertThat(database.query("select id_, retries_, duedate_, lock_owner_, exception_msg_ from act_ru_job"
                + " where retries_ > 0 and coalesce(duedate_, create_time_) < now() - interval '1 minute'"))
                .as("jobs due for more than a minute").isEmpty();
        assertThat(database.query("select id_, exception_msg_ from act_ru_job where retries_ = 0"))
                .as("failed jobs").isEmpty();
        assertThat(database.query("select id_, incident_msg_ from act_ru_incident")).as("incidents").isEmpty();
    }

    // ---------------------------------------------------------------- database views

    static Set<String> numbers(Collection<OpenedCase> cases) {
        return cases.stream().map(OpenedCase::number).collect(Collectors.toCollection(HashSet::new));
    }

    /** The case number a business key belongs to: the case's own, or "SR-…/KIND" of its deliveries. */
    static boolean ofCases(Object businessKey, Set<String> numbers) {
        return businessKey != null && numbers.contains(businessKey.toString().split("/", 2)[0]);
    }

    List<Map<String, Object>> jobs(Set<String> numbers) {
        return database.query("select j.id_, j.retries_, j.duedate_, j.lock_owner_, j.lock_exp_time_,"
                        + " j.exception_msg_, d.act_id_, e.business_key_ from act_ru_job j"
                        + " left join act_ru_execution e on e.id_ = j.process_instance_id_"
                        + " left join act_ru_jobdef d on d.id_ = j.job_def_id_")
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    /** Camunda's job log of the cases and their deliveries (state 2 = successful run). */
    List<Map<String, Object>> jobLog(Set<String> numbers) {
        return database.query("select l.job_id_, l.job_state_, l.act_id_, l.hostname_, l.timestamp_,"
                        + " l.job_exception_msg_, p.business_key_ from act_hi_job_log l"
                        + " left join act_hi_procinst p on p.id_ = l.process_instance_id_")
                .stream().filter(row -> ofCases(row.get("business_key_"), numbers)).toList();
    }

    List<Map<String, Object>> successfulRuns(List<OpenedCase> cases, String activity) {
        return jobLog(numbers(cases)).stream()
                .filter(row -> activity.equals(row.get("act_id_")) && success(row)).toList();
    }

    static boolean success(Map<String, Object> logRow) {
        return ((Number) logRow.get("job_state_")).intValue() == 2;
    }

    // ---------------------------------------------------------------- mail

    /** The subject the organization's language (English) gives this mail of the case. */
    String subject(String mail, OpenedCase c) {
        String pattern = mailTexts.getProperty("mail." + mail + ".subject");
        assertThat(pattern).as("mail.%s.subject in i18n/mail.properties", mail).isNotNull();
        return new MessageFormat(pattern, Locale.ENGLISH).format(new Object[] {c.number(), c.title()});
    }

    /** How many messages with this subject are in the address's inbox (GreenMail keeps one copy per recipient). */
    int received(String address, String subject) {
        return CaseMailbox.count(smtp, address, message -> subject.equals(message.getSubject()));
    }

    private static Properties mailTexts() {
        Properties texts = new Properties();
        try (InputStream in = ClusterScenario.class.getResourceAsStream("/i18n/mail.properties")) {
            texts.load(new InputStreamReader(Objects.requireNonNull(in), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return texts;
    }

    // ---------------------------------------------------------------- small things

    static String randomId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            id.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    long elapsedSeconds() {
        return (System.nanoTime() - startedAt) / 1_000_000_000L;
    }

    void log(String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = elapsedSeconds();
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf("[" + logName + " %3d s] " + format + "%n", all);
    }

    /** The last lines of each node's log, for a failed test. */
    static void printTails(Node... nodes) {
        for (Node node : nodes) {
            if (node != null) {
                System.out.println("==== last lines of " + node + " ====\n" + node.tail(120));
            }
        }
    }
}
