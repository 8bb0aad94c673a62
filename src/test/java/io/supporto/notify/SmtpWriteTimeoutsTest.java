package io.supporto.notify;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Deliveries share one thread for their SMTP write time-outs instead of starting one each. */
@SupportoTest
class SmtpWriteTimeoutsTest {

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyDeliveryUsesTheSharedWriteTimeoutThread() {
        at(Instant.parse("2026-03-02T09:00:00Z"));
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        CaseSteps steps = new CaseSteps(engine, cases);
        CaseMailbox mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        String first = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        String second = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());

        assertThat(mailbox.deliver(first) + mailbox.deliver(second)).isEqualTo(2);

        // the library's own pools would be gone again (it shuts them down with the connection);
        // ours is started by the first write it watches and stays
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(thread -> thread.getName().equals("smtp-write-timeouts"))
                .hasSize(1);
    }
}
