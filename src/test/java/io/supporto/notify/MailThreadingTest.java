package io.supporto.notify;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.OutOfScopeReason;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.cases.SupportCaseService;
import io.supporto.notify.CaseMailbox.Received;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.RecordingNotifier;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * All mails of a case form one conversation in the reader's mail client: the first one is the
 * root of the thread and every later one answers it.
 */
@SupportoTest
class MailThreadingTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;

    CaseMailbox mailbox;
    CaseSteps steps;
    @Autowired RecordingNotifier notifier;

    @BeforeEach
    void setUp() {
        at(MONDAY_10_00);
        mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        steps = new CaseSteps(engine, cases);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyMailOfACaseAnswersItsFirstMail() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "it");
        SupportUser admin = fixtures.adminOf(org);
        // two cases of the same organization, their events interleaved
        String a = steps.open(admin, Fixtures.request(org).high());
        String b = steps.open(admin, Fixtures.request(org).critical());
        deliver(a, b);

        later(Duration.ofHours(1));
        cases.recordSelfServiceOutcome(a, SelfServiceOutcome.NEED_HELP, admin);
        steps.respond(b, "On it.");
        deliver(a, b);
        steps.fire(a, "Timer_ResponseWarning");
        deliver(a, b);
        later(Duration.ofMinutes(10));
        steps.respond(a, "We are looking at the connector.");
        steps.askForInformation(a, "Which connector did you change?");
        deliver(a, b);
        steps.fire(a, "Timer_ReplyReminder");
        deliver(a, b);
        later(Duration.ofHours(1));
        cases.reply(a, "The outbound one.", admin);
        steps.resolve(a, "Connector re-enabled.");
        steps.resolve(b, "Fixed.");
        deliver(a, b);
        later(Duration.ofHours(1));
        cases.answerSurvey(a, 1, "Too slow.", admin);
        cases.reopen(a, "Broken again.", admin);
        deliver(a, b);
        later(Duration.ofHours(1));
        steps.respond(a, "Looking again.");
        steps.resolve(a, "Connector replaced.");
        steps.fire(a, "Timer_ReopenWindowEnded");
        assertThat(steps.view(a, admin).status()).isEqualTo(CaseStatus.FINAL);
        deliver(a, b);

        assertThat(mailbox.received(a)).extracting(Received::kind).containsExactlyInAnyOrder(
                NotificationType.CASE_RECEIVED, NotificationType.SELF_SERVICE_SUGGESTIONS,
                NotificationType.TEAM_WARNING, NotificationType.FIRST_RESPONSE,
                NotificationType.INFORMATION_REQUESTED, NotificationType.REPLY_REMINDER,
                NotificationType.CASE_CLOSED, NotificationType.LOW_SURVEY, NotificationType.CASE_REOPENED,
                NotificationType.FIRST_RESPONSE, NotificationType.CASE_CLOSED, NotificationType.CASE_FINAL);
        assertThreaded(a);
        assertThreaded(b);
    }

    @Test
    void theOutOfScopeNoticeIsTheRootOfItsOwnThread() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "en");
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).outOfScope(OutOfScopeReason.SCRIPTING));
        mailbox.deliver(n);

        Received only = mailbox.one(n, NotificationType.OUT_OF_SCOPE);
        assertThat(only.messageId()).isEqualTo("<" + n + "@supporto.example>");
        assertThat(only.inReplyTo()).isNull();
        assertThat(only.references()).isNull();
    }

    /**
     * The case's first mail (the first notification its process sent) is the root; every other
     * one has its own Message-ID and answers the root.
     */
    private void assertThreaded(String n) {
        List<Received> mails = mailbox.received(n);
        assertThat(mails).as("mails of %s", n).hasSize(notifier.sentFor(n).size()).hasSizeGreaterThan(1);
        NotificationType firstKind = notifier.sentFor(n).get(0);
        String root = "<" + n + "@supporto.example>";

        Set<String> ids = new HashSet<>();
        List<Received> roots = new ArrayList<>();
        for (Received mail : mails) {
            assertThat(ids.add(mail.messageId())).as("distinct Message-ID of %s", mail).isTrue();
            if (mail.messageId().equals(root)) {
                roots.add(mail);
                assertThat(mail.inReplyTo()).as("In-Reply-To of the root %s", mail).isNull();
                assertThat(mail.references()).as("References of the root %s", mail).isNull();
            } else {
                assertThat(mail.messageId()).as("Message-ID of %s", mail)
                        .matches("<" + n + "\\.[0-9a-f-]{36}@supporto\\.example>");
                assertThat(mail.inReplyTo()).as("In-Reply-To of %s", mail).isEqualTo(root);
                assertThat(mail.references()).as("References of %s", mail).isEqualTo(root);
            }
        }
        assertThat(roots).as("root mails of %s", n).singleElement()
                .satisfies(r -> assertThat(r.kind()).as("kind of the root").isEqualTo(firstKind));
    }

    private void deliver(String a, String b) {
        mailbox.deliver(a);
        mailbox.deliver(b);
    }

    private static void later(Duration duration) {
        at(CaseSteps.now().plus(duration));
    }
}
