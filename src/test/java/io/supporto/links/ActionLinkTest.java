package io.supporto.links;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.CaseMessage;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.ClosureReason;
import io.supporto.cases.MessageKind;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseService;
import io.supporto.cases.Survey;
import io.supporto.links.ActionPages.Page;
import io.supporto.notify.CaseMailbox;
import io.supporto.notify.CaseMailbox.LinkToken;
import io.supporto.notify.CaseSteps;
import io.supporto.notify.MailOutbox;
import io.supporto.notify.NotificationType;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The links in the mails, used as an admin would: taken from the real messages, opened (GET shows
 * a page and changes nothing) and confirmed (POST acts), over real HTTP. A link works once, until
 * it expires, only as issued, and never when its action no longer fits the case.
 */
@SupportoTest
class ActionLinkTest {

    /** 10:00 in Rome. */
    static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;
    @Autowired ActionLinks links;
    @Autowired RecordingNotifier notifier;

    CaseMailbox mailbox;
    CaseSteps steps;
    ActionPages pages;

    @BeforeEach
    void setUp() {
        at(MONDAY_10_00);
        mailbox = new CaseMailbox(testSmtpServer, engine, outbox);
        steps = new CaseSteps(engine, cases);
        pages = new ActionPages(port, links.baseUrl());
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- the links work

    @Test
    void selfServiceLinkShowsAPageOnGetAndClosesTheCaseOnSolved() {
        Admin it = admin("it");
        String n = steps.open(it.user(), Fixtures.request(it.org()).high());
        String link = selfServiceLink(n);

        Page page = pages.get(link).expect(200);
        assertThat(page.lang()).isEqualTo("it");
        assertThat(page.text()).contains("Richiesta " + n, "Il problema è stato risolto?");
        assertThat(page.h1s()).containsExactly("Il problema è stato risolto?");
        pages.get(link).expect(200);
        assertThat(steps.view(n, it.user()).status()).as("status after two GETs").isEqualTo(CaseStatus.SELF_SERVICE);

        Page done = pages.post(link, "outcome", "SOLVED").expect(200);

        assertThat(done.lang()).isEqualTo("it");
        assertThat(done.text()).contains("Richiesta " + n, "Grazie", "Siamo lieti che il problema sia stato risolto.");
        SupportCase closed = steps.view(n, it.user());
        assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.closureReason()).isEqualTo(ClosureReason.SOLVED_BY_SELF_SERVICE);

        Page again = pages.post(link, "outcome", "NEED_HELP").expect(410);
        assertThat(again.lang()).isEqualTo("it");
        assertThat(again.text()).contains("Richiesta " + n, "Questo link è già stato utilizzato.");
        assertThat(pages.get(link).expect(410).text()).contains("Questo link è già stato utilizzato.");
        assertThat(steps.view(n, it.user())).usingRecursiveComparison().isEqualTo(closed);
    }

    @Test
    void selfServiceLinkEngagesTheTeamOnNeedHelp() {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String link = selfServiceLink(n);

        Page done = pages.post(link, "outcome", "NEED_HELP").expect(200);

        assertThat(done.lang()).isEqualTo("en");
        assertThat(done.text()).contains("Case " + n, "Your case is now with our support team.");
        SupportCase engaged = steps.view(n, en.user());
        assertThat(engaged.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(engaged.clockStartedAt()).isEqualTo(MONDAY_10_00);
        assertThat(pages.post(link, "outcome", "SOLVED").expect(410).text()).contains("This link has already been used.");
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.ENGAGED);
    }

    @Test
    void surveyLinkRecordsTheRatingAndALowOneAsksForAReview() {
        Admin en = admin("en");
        String n = resolvedCase(en);
        String link = closureLink(n, "SURVEY");
        Page page = pages.get(link).expect(200);
        assertThat(page.lang()).isEqualTo("en");
        assertThat(page.text()).contains("Case " + n, "How satisfied are you with how case " + n + " was handled?");

        Page invalid = pages.post(link, "rating", "9", "comment", "Out of range").expect(400);
        assertThat(invalid.text()).contains("Some of the information you entered is not valid.");
        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s ->
                assertThat(s.status()).isEqualTo(Survey.Status.PENDING));

        Instant answeredAt = MONDAY_10_00.plus(Duration.ofDays(1));
        at(answeredAt);
        Page done = pages.post(link, "rating", "2", "comment", "Nobody called me back.").expect(200);

        assertThat(done.text()).contains("Thank you for your feedback");
        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s -> {
            assertThat(s.status()).isEqualTo(Survey.Status.ANSWERED);
            assertThat(s.rating()).isEqualTo(2);
            assertThat(s.comment()).isEqualTo("Nobody called me back.");
            assertThat(s.answeredAt()).isEqualTo(answeredAt);
        });
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKey(n)
                .taskDefinitionKey("reviewLowSurvey").count()).as("low survey reviews").isEqualTo(1);
        assertThat(notifier.sentFor(n)).endsWith(NotificationType.CASE_CLOSED, NotificationType.LOW_SURVEY);
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.CLOSED);

        assertThat(pages.post(link, "rating", "5").expect(410).text()).contains("This link has already been used.");
        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s -> assertThat(s.rating()).isEqualTo(2));
    }

    @Test
    void reopenLinkReopensTheCaseWithTheGivenReason() {
        Admin it = admin("it");
        String n = resolvedCase(it);
        String link = closureLink(n, "REOPEN");
        Page page = pages.get(link).expect(200);
        assertThat(page.lang()).isEqualTo("it");
        assertThat(page.h1s()).containsExactly("Riapri la richiesta " + n);

        Page invalid = pages.post(link, "reason", "   ").expect(400);
        assertThat(invalid.lang()).isEqualTo("it");
        assertThat(invalid.text()).contains("Alcune delle informazioni inserite non sono valide.");
        assertThat(steps.view(n, it.user()).status()).isEqualTo(CaseStatus.CLOSED);

        Instant reopenedAt = MONDAY_10_00.plus(Duration.ofDays(3));
        at(reopenedAt);
        Page done = pages.post(link, "reason", "Il problema si è ripresentato stamattina.").expect(200);

        assertThat(done.text()).contains("La richiesta è stata riaperta");
        SupportCase reopened = steps.view(n, it.user());
        assertThat(reopened.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(reopened.reopenCount()).isEqualTo(1);
        assertThat(reopened.clockStartedAt()).isEqualTo(reopenedAt);
        CaseMessage last = cases.conversation(n, it.user()).get(cases.conversation(n, it.user()).size() - 1);
        assertThat(last.kind()).isEqualTo(MessageKind.REOPEN_REASON);
        assertThat(last.body()).isEqualTo("Il problema si è ripresentato stamattina.");
        assertThat(last.at()).isEqualTo(reopenedAt);

        assertThat(pages.post(link, "reason", "Ancora").expect(410).text()).contains("Questo link è già stato utilizzato.");
        assertThat(steps.view(n, it.user()).reopenCount()).isEqualTo(1);
    }

    @Test
    void twoClicksAtOnceUseTheLinkOnce() throws Exception {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String link = selfServiceLink(n);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService browsers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Page>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(browsers.submit(() -> {
                    start.await();
                    return pages.post(link, "outcome", "SOLVED");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Page> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS).status());
            }

            assertThat(statuses).containsExactlyInAnyOrder(200, 410);
        } finally {
            browsers.shutdownNow();
        }
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(notifier.sentFor(n)).containsOnlyOnce(NotificationType.CASE_CLOSED);
    }

    // ---------------------------------------------------------------- links that do not work

    @Test
    void alteredLinkIsRefusedAndChangesNothing() {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String link = selfServiceLink(n);
        String altered = alter(link);

        Page shown = pages.get(altered).expect(400);
        assertThat(shown.text()).contains("This link has been altered and cannot be used.");
        assertThat(shown.h1s()).hasSize(1);
        assertThat(pages.post(altered, "outcome", "SOLVED").expect(400).text())
                .contains("This link has been altered and cannot be used.");

        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.SELF_SERVICE);
        pages.get(link).expect(200);
    }

    @Test
    void madeUpLinkWasNotIssued() {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String base = links.baseUrl() + "/actions/";

        for (String token : new String[] {"abc.def", "not-a-token", signedWithAnotherKey(n)}) {
            Page shown = pages.get(base + token).expect(404);
            assertThat(shown.text()).as("page of %s", token).contains("This link was not issued by Supporto.");
            assertThat(shown.lang()).isEqualTo("en");
            assertThat(pages.post(base + token, "outcome", "SOLVED").expect(404).text())
                    .contains("This link was not issued by Supporto.");
        }
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.SELF_SERVICE);
    }

    @Test
    void expiredLinkIsRefusedAndChangesNothing() {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String link = selfServiceLink(n);
        at(MONDAY_10_00.plus(Duration.ofDays(8)));

        Page shown = pages.get(link).expect(410);
        assertThat(shown.text()).contains("Case " + n, "This link has expired on Mar 9, 2026");
        assertThat(pages.post(link, "outcome", "SOLVED").expect(410).text()).contains("This link has expired");

        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.SELF_SERVICE);
    }

    @Test
    void expiredReopenLinkChangesNothing() {
        Admin it = admin("it");
        String n = resolvedCase(it);
        String link = closureLink(n, "REOPEN");
        SupportCase closed = steps.view(n, it.user());
        at(closed.reopenableUntil());

        assertThat(pages.post(link, "reason", "Di nuovo rotto.").expect(410).text()).contains("Questo link è scaduto");

        assertThat(steps.view(n, it.user())).usingRecursiveComparison().isEqualTo(closed);
    }

    @Test
    void linkWhoseActionNoLongerFitsTheCaseIsAConflictAndStaysUnused() {
        Admin en = admin("en");
        // the admin answered through the API before using the self-service link
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String selfService = selfServiceLink(n);
        cases.recordSelfServiceOutcome(n, SelfServiceOutcome.NEED_HELP, en.user());

        Page conflict = pages.post(selfService, "outcome", "SOLVED").expect(409);
        assertThat(conflict.lang()).isEqualTo("en");
        assertThat(conflict.text()).contains("Case " + n, "This action is no longer possible");
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(pages.post(selfService, "outcome", "SOLVED").status())
                .as("the refused link was not used up").isEqualTo(409);

        // the case was already reopened through the API before the reopen link was used
        String m = resolvedCase(en);
        String reopen = closureLink(m, "REOPEN");
        cases.reopen(m, "Broken again.", en.user());
        SupportCase reopened = steps.view(m, en.user());

        assertThat(pages.post(reopen, "reason", "Broken again!").expect(409).text())
                .contains("This action is no longer possible");
        assertThat(steps.view(m, en.user())).usingRecursiveComparison().isEqualTo(reopened);
        assertThat(reopened.reopenCount()).isEqualTo(1);
    }

    @Test
    void surveyAnsweredThroughTheApiCannotBeAnsweredAgainThroughItsLink() {
        Admin en = admin("en");
        String n = resolvedCase(en);
        String survey = closureLink(n, "SURVEY");
        cases.answerSurvey(n, 5, "Great.", en.user());

        assertThat(pages.post(survey, "rating", "1").expect(409).text()).contains("This action is no longer possible");

        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s -> {
            assertThat(s.rating()).isEqualTo(5);
            assertThat(s.comment()).isEqualTo("Great.");
        });
        assertThat(notifier.sentFor(n)).doesNotContain(NotificationType.LOW_SURVEY);
    }

    @Test
    void invalidInputLeavesTheLinkUsable() {
        Admin en = admin("en");
        String n = steps.open(en.user(), Fixtures.request(en.org()).high());
        String link = selfServiceLink(n);

        Page invalid = pages.post(link, "outcome", "MAYBE").expect(400);
        assertThat(invalid.text()).contains("Some of the information you entered is not valid.");
        assertThat(invalid.forms()).as("the page offers the form again").hasSize(1);
        assertThat(pages.post(link).status()).as("no outcome at all").isEqualTo(400);
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.SELF_SERVICE);

        pages.post(link, "outcome", "SOLVED").expect(200);
        assertThat(steps.view(n, en.user()).status()).isEqualTo(CaseStatus.CLOSED);
    }

    @Test
    void surveyLinkOfAnEarlierClosureDoesNotAnswerTheSurveyOfALaterOne() {
        Admin en = admin("en");
        String n = resolvedCase(en);
        String firstSurvey = closureLink(n, "SURVEY");
        at(MONDAY_10_00.plus(Duration.ofDays(1)));
        cases.reopen(n, "Broken again.", en.user());
        steps.respond(n, "Looking again.");
        steps.resolve(n, "Fixed for good.");
        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s -> assertThat(s.closureNo()).isEqualTo(2));

        Page page = pages.post(firstSurvey, "rating", "1", "comment", "About the first closure.");

        assertThat(page.status()).as("answer of %s", page.call()).isIn(409, 410);
        assertThat(cases.view(n, en.user()).survey()).hasValueSatisfying(s -> {
            assertThat(s.closureNo()).isEqualTo(2);
            assertThat(s.status()).isEqualTo(Survey.Status.PENDING);
        });
    }

    // ---------------------------------------------------------------- helpers

    record Admin(Organization org, SupportUser user) {
    }

    private Admin admin(String language) {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", language);
        return new Admin(org, fixtures.adminOf(org));
    }

    /** A severity A case, answered and resolved: CLOSED, with a reopen and a survey link in its mail. */
    private String resolvedCase(Admin admin) {
        String n = steps.open(admin.user(), Fixtures.request(admin.org()).critical());
        steps.respond(n, "On it.");
        steps.resolve(n, "Connector fixed.");
        assertThat(steps.view(n, admin.user()).status()).isEqualTo(CaseStatus.CLOSED);
        return n;
    }

    /** Delivers the case's mails and takes the self-service link out of the suggestions mail's HTML. */
    private String selfServiceLink(String n) {
        mailbox.deliver(n);
        return mailbox.one(n, NotificationType.SELF_SERVICE_SUGGESTIONS).actionLink("SELF_SERVICE").orElseThrow();
    }

    /** Delivers the case's mails and takes this link out of the (latest) closure mail's HTML. */
    private String closureLink(String n, String action) {
        mailbox.deliver(n);
        var closures = mailbox.received(n, NotificationType.CASE_CLOSED);
        assertThat(closures).isNotEmpty();
        return closures.get(closures.size() - 1).actionLink(action).orElseThrow();
    }

    /**
     * The link with one character of its payload changed, inside the expiry at its end, so that it
     * still names the link Supporto issued.
     */
    static String alter(String link) {
        LinkToken token = LinkToken.of(link);
        String payload = token.payload();
        int at = payload.length() - 4;
        for (char c : "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray()) {
            if (c == payload.charAt(at)) {
                continue;
            }
            String changed = payload.substring(0, at) + c + payload.substring(at + 1);
            String[] fields = new String(Base64.getUrlDecoder().decode(changed), java.nio.charset.StandardCharsets.UTF_8)
                    .split("\\|", -1);
            if (fields.length == 5 && fields[0].equals(token.id())) {
                return link.replace(token.token(), changed + "." + token.signature());
            }
        }
        throw new AssertionError("cannot alter " + link);
    }

    /** A well-formed token for the case, signed with a key that is not Supporto's. */
    static String signedWithAnotherKey(String caseNumber) {
        try {
            String payload = String.join("|", UUID.randomUUID().toString(), caseNumber, "SELF_SERVICE", "0",
                    Long.toString(MONDAY_10_00.plus(Duration.ofDays(7)).getEpochSecond()));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec("some-other-secret-key".getBytes(), "HmacSHA256"));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            byte[] bytes = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            return b64.encodeToString(bytes) + "." + b64.encodeToString(mac.doFinal(bytes));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
