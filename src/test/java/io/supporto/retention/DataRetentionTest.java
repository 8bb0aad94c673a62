package io.supporto.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.CaseStatus;
import io.supporto.notify.CaseMailbox;
import io.supporto.notify.MailOutbox;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data that ages well: a case goes all the way to the end of its process, then the clock moves past
 * each retention window. The working rows go (sent mails, used or expired links, Camunda's history
 * after the model's historyTimeToLive), the case's own record stays readable.
 */
class DataRetentionTest extends ProcessScenario {

    /** support-case.bpmn's historyTimeToLive */
    private static final Duration CASE_HISTORY = Duration.ofDays(400);

    @Autowired DataRetention retention;
    @Autowired RetentionProperties properties;
    @Autowired MailOutbox outbox;
    @Autowired GreenMail testSmtpServer;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngineConfigurationImpl engineConfiguration;

    @AfterEach
    void removeCleanupJobs() {
        HistoryService history = engine.getHistoryService();
        history.findHistoryCleanupJobs().forEach(job -> engine.getManagementService().deleteJob(job.getId()));
        engineConfiguration.setHistoryCleanupEnabled(false);
    }

    @Test
    void workingRowsGoAfterTheirWindowsAndTheCaseStays() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        CaseMailbox mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        complete(task("workCase", instance), withVariables("action", "RESOLVE", "resolution", "Fixed."));
        Instant reopenableUntil = view(n, admin).reopenableUntil();
        fire("Timer_ReopenWindowEnded", instance, reopenableUntil);
        mailbox.deliver(n);
        Instant lastMail = reopenableUntil;
        Instant ended = reopenableUntil.plus(Duration.ofDays(30));
        fire("Timer_SurveyWindowEnded", instance, ended);
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.FINAL);
        assertThat(sentMails(n)).as("sent mails of %s", n).isPositive();
        assertThat(links(n)).as("action links of %s", n).isPositive();
        assertThat(history(instance)).isEqualTo(1);

        // within the windows: nothing of the case goes
        setClock(lastMail.plus(properties.sentMail()).minus(Duration.ofMinutes(1)));
        retention.purge();
        assertThat(sentMails(n)).as("sent mails within %s", properties.sentMail()).isPositive();

        // past them: the working rows go, the case stays
        setClock(ended.plus(properties.sentMail()).plus(properties.links()).plus(Duration.ofDays(1)));
        DataRetention.Purged purged = retention.purge();
        assertThat(purged.sentMails()).isPositive();
        assertThat(sentMails(n)).isZero();
        assertThat(links(n)).isZero();
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.FINAL);
        assertThat(ownRecord(n)).as("messages, survey and SLA timeline of %s", n).isPositive();

        // Camunda's history of the case goes after the model's historyTimeToLive
        setClock(ended.plus(CASE_HISTORY).minus(Duration.ofDays(1)));
        cleanUpHistory();
        assertThat(history(instance)).as("history within the time to live").isEqualTo(1);
        setClock(ended.plus(CASE_HISTORY).plus(Duration.ofDays(1)));
        cleanUpHistory();
        assertThat(history(instance)).as("history after the time to live").isZero();
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.FINAL);
        assertThat(ownRecord(n)).as("messages, survey and SLA timeline of %s", n).isPositive();
    }

    /** What the nightly window does, at once (the tests' engine has the cleanup off: its job would linger). */
    private void cleanUpHistory() {
        engineConfiguration.setHistoryCleanupEnabled(true);
        Job job = engine.getHistoryService().cleanUpHistoryAsync(true);
        engine.getManagementService().executeJob(job.getId());
    }

    private long history(ProcessInstance instance) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceId(instance.getId()).count();
    }

    private long sentMails(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE case_number = ? AND sent_at IS NOT NULL")
                .param(caseNumber).query(Long.class).single();
    }

    /** The case's own record besides its row: what the customer's history is made of. */
    private long ownRecord(String caseNumber) {
        return jdbc.sql("""
                        SELECT (SELECT COUNT(*) FROM case_message WHERE case_number = :n)
                             * (SELECT COUNT(*) FROM case_survey WHERE case_number = :n)
                             * (SELECT COUNT(*) FROM sla_event WHERE case_number = :n)""")
                .param("n", caseNumber).query(Long.class).single();
    }

    private long links(String caseNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM action_link WHERE case_number = ?")
                .param(caseNumber).query(Long.class).single();
    }
}
