package io.supporto.notify;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.ClosureReason;
import io.supporto.cases.OutOfScopeReason;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.cases.SupportCaseService;
import io.supporto.notify.CaseMailbox.Received;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * SMTP trouble never blocks a case: its mails wait in the outbox, their delivery jobs are retried
 * (support.mail.retry-cycle, R5/PT2M) and then become incidents naming the case; once SMTP is back
 * and the jobs are retried, every mail goes out exactly once. Deliveries share one thread for
 * their SMTP write time-outs instead of starting one each.
 *
 * <p>The outage: GreenMail's stop() and start() do not bring the server back where it was (the
 * test server listens on a dynamic port, and start() binds a new free port; stop() also discards
 * every message received so far), so the test instead points the application's
 * {@link JavaMailSenderImpl} at a port nobody listens on, and always points it back.
 */
@SupportoTest
class SmtpOutageTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");
    static final Duration RETRY_INTERVAL = Duration.ofMinutes(2);
    /** R5/PT2M as the README and application.yaml describe it: the first try and four more. */
    static final int DOCUMENTED_TRIES = 5;

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;
    @Autowired JavaMailSenderImpl mailSender;
    @Autowired MailProperties mailProperties;

    CaseMailbox mailbox;
    CaseSteps steps;
    RuntimeService runtime;
    ManagementService management;
    int smtpPort;
    final Logger commandContextLog = (Logger) LoggerFactory.getLogger("org.camunda.bpm.engine.context");
    final Level commandContextLevel = commandContextLog.getLevel();

    @BeforeEach
    void setUp() {
        at(MONDAY_10_00);
        mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        steps = new CaseSteps(engine, cases);
        runtime = engine.getRuntimeService();
        management = engine.getManagementService();
        smtpPort = mailSender.getPort();
        assertThat(smtpPort).as("the app sends to the test SMTP server").isEqualTo(testSmtpServer.getSmtp().getPort());
    }

    @AfterEach
    void tearDown() {
        smtpUp();
        ClockUtil.reset();
    }

    @Test
    void casesGoOnWhileSmtpIsDownAndEveryMailGoesOutOnceWhenItIsBack() throws IOException {
        assertThat(mailProperties.retryCycle()).isEqualTo("R5/PT2M");
        Organization it = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "it");
        Organization en = fixtures.organization(Plan.ENTERPRISE, false, "GB", "Europe/London", "en");
        SupportUser itAdmin = fixtures.adminOf(it);
        SupportUser enAdmin = fixtures.adminOf(en);
        Map<String, List<NotificationType>> expected = new LinkedHashMap<>();
        Set<Integer> tries = new HashSet<>();

        smtpDown();
        try {
            // resolved by the team
            String resolved = steps.open(itAdmin, Fixtures.request(it).critical());
            steps.respond(resolved, "On it.");
            steps.resolve(resolved, "Connector fixed.");
            assertThat(steps.view(resolved, itAdmin).status()).isEqualTo(CaseStatus.CLOSED);
            expected.put(resolved, List.of(NotificationType.CASE_RECEIVED, NotificationType.FIRST_RESPONSE,
                    NotificationType.CASE_CLOSED));
            // solved by self-service
            String selfService = steps.open(enAdmin, Fixtures.request(en).high());
            assertThat(steps.view(selfService, enAdmin).status()).isEqualTo(CaseStatus.SELF_SERVICE);
            cases.recordSelfServiceOutcome(selfService, SelfServiceOutcome.SOLVED, enAdmin);
            assertThat(steps.view(selfService, enAdmin).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(steps.view(selfService, enAdmin).closureReason()).isEqualTo(ClosureReason.SOLVED_BY_SELF_SERVICE);
            expected.put(selfService, List.of(NotificationType.CASE_RECEIVED,
                    NotificationType.SELF_SERVICE_SUGGESTIONS, NotificationType.CASE_CLOSED));
            // out of scope
            String outOfScope = steps.open(enAdmin, Fixtures.request(en).outOfScope(OutOfScopeReason.SCRIPTING));
            assertThat(steps.view(outOfScope, enAdmin).status()).isEqualTo(CaseStatus.OUT_OF_SCOPE);
            expected.put(outOfScope, List.of(NotificationType.OUT_OF_SCOPE));
            for (Map.Entry<String, List<NotificationType>> entry : expected.entrySet()) {
                String n = entry.getKey();
                assertThat(outbox.of(n)).extracting(OutboxMail::kind)
                        .containsExactlyInAnyOrderElementsOf(entry.getValue());
                List<Job> jobs = mailbox.deliveryJobs(n);
                assertThat(jobs).as("delivery jobs of %s", n).hasSameSizeAs(entry.getValue());
                for (Job job : jobs) {
                    tries.add(failUntilIncident(n, job));
                }
                assertThat(mailbox.received(n)).as("mails of %s received while SMTP is down", n).isEmpty();
            }
            // the cases went on regardless
            assertThat(steps.view(resolved, itAdmin).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(steps.view(selfService, enAdmin).status()).isEqualTo(CaseStatus.CLOSED);
            assertThat(steps.view(outOfScope, enAdmin).status()).isEqualTo(CaseStatus.OUT_OF_SCOPE);
        } finally {
            smtpUp();
        }
        assertThat(tries).as("tries until the incident, the same for every mail").hasSize(1);
        int triesPerMail = tries.iterator().next();
        assertThat(triesPerMail).as("tries per mail, the first included").isGreaterThan(1);

        // Cockpit's "retry": one more try for each failed job
        for (String n : expected.keySet()) {
            for (Job job : mailbox.deliveryJobs(n)) {
                assertThat(job.getRetries()).isZero();
                management.setJobRetries(job.getId(), 1);
                management.executeJob(job.getId());
            }
            assertThat(mailbox.deliveries(n)).as("delivery instances of %s left", n).isEmpty();
            assertThat(runtime.createIncidentQuery().incidentMessageLike("%" + n + "%").list())
                    .as("incidents of %s left", n).isEmpty();
        }

        for (Map.Entry<String, List<NotificationType>> entry : expected.entrySet()) {
            String n = entry.getKey();
            List<Received> mails = mailbox.received(n);
            assertThat(mails).extracting(Received::kind).containsExactlyInAnyOrderElementsOf(entry.getValue());
            for (Received mail : mails) {
                for (String recipient : mail.to()) {
                    assertThat(mailbox.copiesIn(recipient, mail.messageId()))
                            .as("copies of %s in the mailbox of %s", mail, recipient).isEqualTo(1);
                }
                OutboxMail row = mailbox.outboxRow(n, mail.messageId());
                assertThat(row.sentAt()).as("sent_at of %s", mail).isNotNull();
                assertThat(row.attempts()).as("attempts of %s", mail).isEqualTo(triesPerMail + 1);
                assertThat(row.lastError()).as("last_error of %s", mail).isNull();
            }
        }
    }

    @Test
    void aFailingDeliveryIsTriedOnceAndFourMoreTimesBeforeItsIncident() throws IOException {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        smtpDown();
        try {
            String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
            Job job = mailbox.deliveryJobs(n).get(0);

            assertThat(failUntilIncident(n, job)).isEqualTo(DOCUMENTED_TRIES);
            // what Cockpit shows next to the incident: the case and the mail in the business key, the
            // outbox row's id as the one variable
            ProcessInstance delivery = runtime.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                    .singleResult();
            assertThat(delivery.getBusinessKey()).isEqualTo(n + "/CASE_RECEIVED");
            assertThat(runtime.getVariables(delivery.getId())).containsOnlyKeys(MailNotifier.MAIL_ID);
        } finally {
            smtpUp();
        }
    }

    @Test
    void aDeliveredMailIsNotSentAgainWhenItsDeliveryRunsAgain() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        mailbox.deliver(n);
        Received mail = mailbox.one(n, NotificationType.CASE_RECEIVED);
        OutboxMail sent = mailbox.outboxRow(n, mail.messageId());
        assertThat(sent.sentAt()).isEqualTo(MONDAY_10_00);
        assertThat(sent.attempts()).isEqualTo(1);

        // the same mail's delivery runs again, as a job retried after a successful send would; twice
        at(MONDAY_10_00.plus(Duration.ofMinutes(5)));
        management.executeJob(deliverAgain(n, sent));
        management.executeJob(deliverAgain(n, sent));

        assertThat(mailbox.deliveries(n)).isEmpty();
        for (String recipient : mail.to()) {
            assertThat(mailbox.copiesIn(recipient, mail.messageId())).as("copies in %s", recipient).isEqualTo(1);
        }
        assertThat(mailbox.received(n)).hasSize(1);
        OutboxMail after = mailbox.outboxRow(n, mail.messageId());
        assertThat(after.sentAt()).as("sent_at stays the first send's").isEqualTo(MONDAY_10_00);
        assertThat(after.attempts()).isEqualTo(1);
    }

    /** Starts another delivery of the same outbox mail; answers its job's id. */
    private String deliverAgain(String n, OutboxMail mail) {
        ProcessInstance again = runtime.startProcessInstanceByKey(MailNotifier.DELIVERY_PROCESS, n + "/AGAIN",
                Map.of(MailNotifier.MAIL_ID, mail.id()));
        return management.createJobQuery().processInstanceId(again.getId()).singleResult().getId();
    }

    /**
     * Runs the job against the dead SMTP server until its retries are spent, checking each try;
     * answers the number of tries it took.
     */
    private int failUntilIncident(String n, Job job) {
        String mailId = (String) runtime.getVariable(job.getProcessInstanceId(), MailNotifier.MAIL_ID);
        int tries = 0;
        int retriesLeft = Integer.MAX_VALUE;
        while (retriesLeft > 0) {
            assertThat(tries).as("tries of %s before its incident", job.getId()).isLessThan(10);
            Job current = management.createJobQuery().jobId(job.getId()).singleResult();
            if (tries > 0) {
                // the retry is due two minutes after the failure: the clock moves past it
                at(current.getDuedate().toInstant().plusSeconds(1));
            }
            Instant triedAt = CaseSteps.now();
            int attempt = ++tries;
            assertThatThrownBy(() -> management.executeJob(job.getId()))
                    .as("try %d of %s", attempt, job.getId())
                    .hasStackTraceContaining("Could not deliver")
                    .hasStackTraceContaining(n);

            Job failed = management.createJobQuery().jobId(job.getId()).singleResult();
            assertThat(failed.getRetries()).as("retries left after try %d", attempt).isLessThan(retriesLeft);
            if (attempt > 1) {
                assertThat(failed.getRetries()).as("retries left after try %d", attempt).isEqualTo(retriesLeft - 1);
            }
            retriesLeft = failed.getRetries();
            assertThat(failed.getExceptionMessage()).contains(n);
            if (retriesLeft > 0) {
                assertThat(failed.getDuedate().toInstant()).as("next try after try %d", attempt)
                        .isEqualTo(triedAt.plus(RETRY_INTERVAL));
                assertThat(runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
                        .as("incidents while retries are left").isZero();
            }
            OutboxMail row = outbox.find(mailId).orElseThrow();
            assertThat(row.attempts()).as("attempts after try %d", attempt).isEqualTo(attempt);
            assertThat(row.lastError()).as("last_error after try %d", attempt).contains("Connection refused");
            assertThat(row.sentAt()).isNull();
        }
        List<Incident> incidents = runtime.createIncidentQuery().processInstanceId(job.getProcessInstanceId()).list();
        assertThat(incidents).as("incidents of delivery %s", job.getProcessInstanceId()).singleElement()
                .satisfies(incident -> {
                    assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
                    assertThat(incident.getActivityId()).isEqualTo("deliverEmail");
                    assertThat(incident.getIncidentMessage())
                            .contains("of case " + n)
                            .contains(outbox.find(mailId).orElseThrow().recipients().get(0))
                            .contains("Connection refused");
                });
        return tries;
    }

    @Test
    void everyDeliveryUsesTheSharedWriteTimeoutThread() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        String first = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        String second = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());

        assertThat(mailbox.deliver(first) + mailbox.deliver(second)).isEqualTo(2);

        // the library's own pools would be gone again (it shuts them down with the connection);
        // ours (SmtpWriteTimeouts) is started by the first write it watches and stays
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("smtp-write-timeouts"))
                .hasSize(1);
    }

    /**
     * Points the app's mail sender at a port where nothing listens; while SMTP is down, the engine's
     * log of each failed job (a stack trace per try) is kept quiet.
     */
    private void smtpDown() throws IOException {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        mailSender.setPort(deadPort);
        commandContextLog.setLevel(Level.OFF);
    }

    private void smtpUp() {
        mailSender.setPort(smtpPort);
        commandContextLog.setLevel(commandContextLevel);
    }

}
