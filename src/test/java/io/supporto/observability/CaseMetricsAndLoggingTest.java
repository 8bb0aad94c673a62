package io.supporto.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.notify.MailNotifier;
import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The business counters move with the cases, only for what committed, and the log lines written
 * while the engine works a case (in the caller's thread or in a job) carry its number.
 */
@ExtendWith(OutputCaptureExtension.class)
class CaseMetricsAndLoggingTest extends ProcessScenario {

    @Autowired MeterRegistry registry;
    @Autowired SupportoMetrics metrics;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired JavaMailSenderImpl mailSender;

    double count(String name, String... tags) {
        var counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void triageLogsWithTheCaseNumberAndCountsTheCase(CapturedOutput output) {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, false);
        SupportUser admin = fixtures.adminOf(org);
        double before = count("supporto.cases.opened", "severity", "C", "plan_family", "BUSINESS");

        String n = open(admin, Fixtures.request(org).minor());

        assertThat(count("supporto.cases.opened", "severity", "C", "plan_family", "BUSINESS")).isEqualTo(before + 1);
        assertThat(lineWith(output, "Case " + n + " opened")).contains("[" + n + "] ");
    }

    @Test
    void aBreachInATimerJobLogsWithTheCaseNumberAndCountsOnce(CapturedOutput output) {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        Instant due = view(n, admin).firstResponseDueAt();
        double before = count("supporto.sla.breaches", "severity", "A", "plan_family", "ENTERPRISE");

        setClock(due.plusSeconds(1));
        Job breach = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SupportCaseModel.TIMER_RESPONSE_DUE).singleResult();
        engine.getManagementService().executeJob(breach.getId());

        assertThat(count("supporto.sla.breaches", "severity", "A", "plan_family", "ENTERPRISE")).isEqualTo(before + 1);
        assertThat(lineWith(output, "Case " + n + " breached")).contains("[" + n + "] ");
    }

    @Test
    void warningsAndRemindersAreCounted() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        // Enterprise B: 24/7, next day, warned at 18 hours
        String warned = open(admin, Fixtures.request(org).high().selfServiceTried());
        // Enterprise C: no commitment, internal follow-up after 24 hours
        String followedUp = open(admin, Fixtures.request(org).minor().selfServiceTried());
        double warnings = count("supporto.sla.warnings");
        double reminders = count("supporto.sla.reminders");
        double breachesOfC = count("supporto.sla.breaches", "severity", "C", "plan_family", "ENTERPRISE");

        setClock(start().plus(Duration.ofHours(24)));
        runTimer(warned, SupportCaseModel.TIMER_RESPONSE_WARNING);
        assertThat(count("supporto.sla.warnings")).isEqualTo(warnings + 1);
        assertThat(count("supporto.sla.reminders")).isEqualTo(reminders);
        runTimer(followedUp, SupportCaseModel.TIMER_RESPONSE_WARNING);
        assertThat(count("supporto.sla.warnings")).as("no warning without a commitment").isEqualTo(warnings + 1);
        runTimer(followedUp, SupportCaseModel.TIMER_RESPONSE_DUE);
        assertThat(count("supporto.sla.reminders")).isEqualTo(reminders + 1);
        assertThat(count("supporto.sla.breaches", "severity", "C", "plan_family", "ENTERPRISE")).as("a reminder is no breach")
                .isEqualTo(breachesOfC);
    }

    @Test
    void aClosureIsCountedWithItsReason() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, Fixtures.request(org).minor());
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.SELF_SERVICE);
        String[] tags = {"severity", "C", "plan_family", "BUSINESS", "reason", "SOLVED_BY_SELF_SERVICE"};
        double before = count("supporto.cases.closed", tags);

        cases.recordSelfServiceOutcome(n, SelfServiceOutcome.SOLVED, admin);

        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(count("supporto.cases.closed", tags)).isEqualTo(before + 1);
    }

    @Test
    void aRolledBackStepIsNotCounted() {
        double before = count("supporto.cases.opened", "severity", "B", "plan_family", "ENTERPRISE");
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);

        transaction.executeWithoutResult(status -> {
            metrics.caseOpened("B", "ENTERPRISE");
            status.setRollbackOnly();
        });
        assertThat(count("supporto.cases.opened", "severity", "B", "plan_family", "ENTERPRISE")).isEqualTo(before);

        transaction.executeWithoutResult(status -> {
            metrics.caseOpened("B", "ENTERPRISE");
            assertThat(count("supporto.cases.opened", "severity", "B", "plan_family", "ENTERPRISE"))
                    .as("not before the commit").isEqualTo(before);
        });
        assertThat(count("supporto.cases.opened", "severity", "B", "plan_family", "ENTERPRISE")).isEqualTo(before + 1);
    }

    @Test
    void aFailedMailDeliveryIsCountedByNotification() throws IOException {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        String n = open(fixtures.adminOf(org), Fixtures.request(org).critical());
        ProcessInstance caseReceived = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(MailNotifier.DELIVERY_PROCESS)
                .processInstanceBusinessKey(n + "/" + NotificationType.CASE_RECEIVED).singleResult();
        Job delivery = engine.getManagementService().createJobQuery()
                .processInstanceId(caseReceived.getId()).singleResult();
        double before = count("supporto.mail.send.failures", "notification", "CASE_RECEIVED");
        int smtpPort = mailSender.getPort();
        try (ServerSocket unused = new ServerSocket(0)) {
            mailSender.setPort(unused.getLocalPort());
        }
        try {
            assertThatThrownBy(() -> engine.getManagementService().executeJob(delivery.getId()))
                    .hasMessageContaining(n);
        } finally {
            mailSender.setPort(smtpPort);
        }
        assertThat(count("supporto.mail.send.failures", "notification", "CASE_RECEIVED")).isEqualTo(before + 1);

        // SMTP is back: the retry delivers and counts no failure
        engine.getManagementService().executeJob(delivery.getId());
        assertThat(count("supporto.mail.send.failures", "notification", "CASE_RECEIVED")).isEqualTo(before + 1);
    }

    private void runTimer(String caseNumber, String activityId) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instanceOf(caseNumber).getId())
                .activityId(activityId).singleResult();
        assertThat(job).as("timer %s of %s", activityId, caseNumber).isNotNull();
        engine.getManagementService().executeJob(job.getId());
    }

    private static String lineWith(CapturedOutput output, String text) {
        List<String> lines = output.getOut().lines().filter(l -> l.contains(text)).toList();
        assertThat(lines).as("log lines containing '%s'", text).hasSize(1);
        return lines.get(0);
    }
}
