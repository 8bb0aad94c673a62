package io.supporto.notify;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.SupportProperties;
import io.supporto.cases.CaseStatus;
import io.supporto.cases.ClosureReason;
import io.supporto.cases.OutOfScopeReason;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseService;
import io.supporto.links.ActionLinks;
import io.supporto.notify.CaseMailbox.LinkToken;
import io.supporto.notify.CaseMailbox.Received;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the mails say, read from the real messages the SMTP server received: subject, language,
 * recipients, the MIME structure (plain text with an HTML alternative) and the links they carry.
 */
@SupportoTest
class MailContentTest {

    /** 10:00 in Rome. */
    static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");
    static final String TITLE = "Mail not delivered";
    static final String CONTACT = "anna@example.com";

    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;
    @Autowired ActionLinks links;
    @Autowired SupportProperties support;
    @Autowired MailProperties mailProperties;

    CaseMailbox mailbox;
    CaseSteps steps;

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

    // ---------------------------------------------------------------- customer mails

    @ParameterizedTest(name = "organization language {0} reads {1}")
    @CsvSource(delimiter = '|', textBlock = """
            it | it | Abbiamo ricevuto la sua richiesta:  | Gentile Anna Rossi, | Abbiamo registrato la sua richiesta “Mail not delivered” con il numero
            en | en | We received your case:              | Hello Anna Rossi,   | We have registered your case “Mail not delivered” with the number
            de | en | We received your case:              | Hello Anna Rossi,   | We have registered your case “Mail not delivered” with the number
            """)
    void caseReceivedSpeaksTheOrganizationsLanguageOrEnglish(String orgLanguage, String mailLanguage,
                                                            String subjectText, String greeting, String intro) {
        Organization org = organization(orgLanguage);
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());

        assertThat(mailbox.deliver(n)).as("delivery jobs run").isEqualTo(1);

        Received mail = mailbox.one(n, NotificationType.CASE_RECEIVED);
        assertCustomerMail(mail, n, org, mailLanguage);
        assertThat(mail.subject()).isEqualTo("[" + n + "] " + subjectText + " " + TITLE);
        assertThat(mail.text()).contains(greeting, intro + " " + n);
        assertThat(mail.html()).contains(greeting, intro + " " + n);
        assertThat(mail.actionLinks()).isEmpty();
    }

    @Test
    void selfServiceSuggestionsLinkTheArticlesAndTheOutcomePage() {
        Organization org = organization("en");
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).high());
        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.SELF_SERVICE_SUGGESTIONS);
        assertCustomerMail(mail, n, org, "en");
        assertThat(mail.subject()).isEqualTo("[" + n + "] Help articles for your case: " + TITLE);
        String article = "https://learn.microsoft.com/exchange/troubleshoot/mail-delivery/email-delivery-issues";
        assertThat(mail.hrefs()).contains(article);
        assertThat(mail.html()).contains("Find and fix email delivery issues as a Microsoft 365 admin");
        assertThat(mail.text()).contains(article, "These articles may help:");

        assertThat(mail.actionLinks()).hasSize(1);
        String link = mail.actionLinks().get(0);
        assertThat(link).startsWith(links.baseUrl() + "/actions/");
        assertThat(mail.text()).as("the plain-text part offers the same link").contains(link);
        LinkToken token = LinkToken.of(link);
        assertThat(token.caseNumber()).isEqualTo(n);
        assertThat(token.action()).isEqualTo("SELF_SERVICE");
        assertThat(Instant.ofEpochSecond(token.expiresAt())).isEqualTo(MONDAY_10_00.plus(support.selfServiceWindow()));
    }

    @Test
    void caseReceivedOfASelfServiceCaseSaysThatArticlesComeFirst() {
        Organization org = organization("en");
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).high());
        assertThat(steps.view(n, admin).status()).isEqualTo(CaseStatus.SELF_SERVICE);
        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.CASE_RECEIVED);
        assertCustomerMail(mail, n, org, "en");
        assertThat(mail.text())
                .contains("We will shortly send you some help articles that may solve the problem right away."
                        + " The response time starts when you tell us that you still need help.")
                .doesNotContain("you will receive a first response from our support team within");
    }

    @Test
    void everyMailIsMultipartAlternativeAtItsTopLevel() {
        Organization org = organization("en");
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.CASE_RECEIVED);
        assertThat(mail.structure()).isEqualTo("multipart/alternative[text/plain,text/html]");
    }

    @Test
    void firstResponseAndInformationRequestCarryTheAgentsWords() {
        Organization org = organization("it");
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).critical());
        at(MONDAY_10_00.plus(Duration.ofMinutes(20)));
        String response = "Abbiamo verificato il connettore in uscita: è stato disattivato ieri sera."
                + " Regola <b>Blocca & inoltra</b> rimossa.";
        steps.respond(n, response);
        at(MONDAY_10_00.plus(Duration.ofMinutes(40)));
        String question = "Può indicarci l’indirizzo di un mittente esterno\ncoinvolto?";
        steps.askForInformation(n, question);
        assertThat(steps.view(n, admin).status()).isEqualTo(CaseStatus.WAITING_ON_CUSTOMER);

        assertThat(mailbox.deliver(n)).isEqualTo(3);

        Received first = mailbox.one(n, NotificationType.FIRST_RESPONSE);
        assertCustomerMail(first, n, org, "it");
        assertThat(first.subject()).isEqualTo("[" + n + "] Prima risposta alla sua richiesta: " + TITLE);
        assertThat(first.text()).contains("ha esaminato la richiesta " + n + " e le scrive:", response);
        assertThat(first.html()).as("the agent's text is escaped in the HTML part")
                .contains("Regola &lt;b&gt;Blocca &amp; inoltra&lt;/b&gt; rimossa.")
                .doesNotContain("<b>Blocca");

        Received info = mailbox.one(n, NotificationType.INFORMATION_REQUESTED);
        assertCustomerMail(info, n, org, "it");
        assertThat(info.subject()).isEqualTo("[" + n + "] Ci servono ulteriori informazioni: " + TITLE);
        assertThat(info.text()).contains("ha bisogno di una sua risposta alla seguente domanda:", question);
        assertThat(info.html()).contains("Può indicarci l’indirizzo di un mittente esterno");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | We have resolved case {n} and closed it. This is the resolution: | you can reopen the case until Mar 16, 2026, 12:00 | How did we do?
            it | Abbiamo risolto la richiesta {n} e l’abbiamo chiusa. Ecco la soluzione: | può riaprire la richiesta fino al 16 mar 2026, 12:00 | Come siamo andati?
            """)
    void closedAsResolvedGivesTheResolutionTheReopenWindowAndTwoLinks(String language, String resolved,
                                                                      String reopenUntil, String survey) {
        Organization org = organization(language);
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).critical());
        steps.respond(n, "On it.");
        Instant resolvedAt = MONDAY_10_00.plus(Duration.ofHours(2)); // 12:00 in Rome
        at(resolvedAt);
        String resolution = "The outbound connector was re-enabled; mail flows again.";
        steps.resolve(n, resolution);
        SupportCase closed = steps.view(n, admin);
        assertThat(closed.reopenableUntil()).isEqualTo(resolvedAt.plus(support.reopenWindow()));

        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.CASE_CLOSED);
        assertCustomerMail(mail, n, org, language);
        assertThat(mail.text()).contains(resolved.replace("{n}", n), resolution, reopenUntil, survey);
        assertThat(mail.html()).contains(resolution, reopenUntil);

        assertThat(mail.actionLinks()).hasSize(2).allMatch(l -> l.startsWith(links.baseUrl() + "/actions/"));
        String reopen = mail.actionLink("REOPEN").orElseThrow();
        String surveyLink = mail.actionLink("SURVEY").orElseThrow();
        assertThat(mail.text()).contains(reopen, surveyLink);
        assertThat(Instant.ofEpochSecond(LinkToken.of(reopen).expiresAt())).isEqualTo(closed.reopenableUntil());
        assertThat(Instant.ofEpochSecond(LinkToken.of(surveyLink).expiresAt()))
                .isEqualTo(closed.reopenableUntil().plus(support.surveyWindowAfterFinal()));
        assertThat(LinkToken.of(reopen).closureNo()).isEqualTo(1);
    }

    @Test
    void closedAsUnansweredOffersAReopenLinkButNoSurvey() {
        Organization org = organization("en");
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).high());
        Instant closedAt = steps.fire(n, "Timer_SelfServiceExpired");
        SupportCase closed = steps.view(n, admin);
        assertThat(closed.closureReason()).isEqualTo(ClosureReason.UNANSWERED);

        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.CASE_CLOSED);
        assertCustomerMail(mail, n, org, "en");
        assertThat(mail.subject()).isEqualTo("[" + n + "] Your case has been closed: " + TITLE);
        assertThat(mail.text())
                .contains("We have closed case " + n + " because we did not receive an answer from you.",
                        "If you still need help, you can reopen the case until Mar 23, 2026")
                .doesNotContain("How did we do?");
        assertThat(closed.reopenableUntil()).isEqualTo(closedAt.plus(support.reopenWindow()));
        assertThat(mail.actionLinks()).hasSize(1);
        assertThat(LinkToken.of(mail.actionLinks().get(0)).action()).isEqualTo("REOPEN");
        assertThat(mail.actionLink("SURVEY")).as("survey link").isEmpty();
    }

    @Test
    void reopenedAndFinalMailsTellWhatHappened() {
        Organization org = organization("en");
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).critical());
        steps.respond(n, "On it.");
        steps.resolve(n, "Fixed.");
        at(MONDAY_10_00.plus(Duration.ofDays(2)));
        cases.reopen(n, "It is broken again.", admin);
        steps.respond(n, "Looking again.");
        steps.resolve(n, "Fixed for good.");
        steps.fire(n, "Timer_ReopenWindowEnded");
        assertThat(steps.view(n, admin).status()).isEqualTo(CaseStatus.FINAL);

        mailbox.deliver(n);

        Received reopened = mailbox.one(n, NotificationType.CASE_REOPENED);
        assertCustomerMail(reopened, n, org, "en");
        assertThat(reopened.subject()).isEqualTo("[" + n + "] Your case has been reopened: " + TITLE);
        assertThat(reopened.text()).contains("We have reopened case " + n + " as you asked.");

        Received fin = mailbox.one(n, NotificationType.CASE_FINAL);
        assertCustomerMail(fin, n, org, "en");
        assertThat(fin.subject()).isEqualTo("[" + n + "] Your case is now closed for good: " + TITLE);
        assertThat(fin.text()).contains("The period in which case " + n + " could be reopened has ended.",
                "please open a new case and mention case " + n);
        assertThat(fin.actionLinks()).isEmpty();

        List<Received> closures = mailbox.received(n, NotificationType.CASE_CLOSED);
        assertThat(closures).hasSize(2);
        assertThat(closures).extracting(m -> LinkToken.of(m.actionLink("REOPEN").orElseThrow()).closureNo())
                .containsExactlyInAnyOrder(1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            en | Your request is outside the scope of support:      | Why:   | Where to get help:
            it | La sua richiesta non rientra nell’ambito del supporto: | Motivo: | Dove trovare assistenza:
            """)
    void outOfScopeMailSaysWhyAndWhereToGo(String language, String subject, String why, String where) {
        Organization org = organization(language);
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).outOfScope(OutOfScopeReason.THIRD_PARTY));
        SupportCase c = steps.view(n, admin);
        assertThat(c.status()).isEqualTo(CaseStatus.OUT_OF_SCOPE);

        assertThat(mailbox.deliver(n)).isEqualTo(1);

        Received mail = mailbox.one(n, NotificationType.OUT_OF_SCOPE);
        assertCustomerMail(mail, n, org, language);
        assertThat(mail.subject()).isEqualTo("[" + n + "] " + subject + " " + TITLE);
        assertThat(c.referral()).contains("Microsoft Community");
        assertThat(mail.text()).contains(why, c.referral(), where, "https://answers.microsoft.com/");
        assertThat(mail.hrefs()).contains("https://answers.microsoft.com/");
        assertThat(mail.html()).contains("Microsoft Community");
    }

    // ---------------------------------------------------------------- internal mails

    @Test
    void teamWarningAndBreachAlertGoToTheTeamAndTheEscalationMailbox() {
        Organization org = organization("it");
        String n = steps.open(fixtures.adminOf(org), Fixtures.request(org).critical());
        steps.fire(n, "Timer_ResponseWarning");
        steps.fireBreach(n);

        assertThat(mailbox.deliver(n)).isEqualTo(3);

        Received warning = mailbox.one(n, NotificationType.TEAM_WARNING);
        assertWellFormed(warning, n);
        assertThat(warning.to()).containsExactly(mailProperties.teamMailboxes().get("support-engineers"))
                .containsExactly("engineers@supporto.example");
        assertThat(warning.subject()).isEqualTo("[" + n + "] First response due soon: " + TITLE);
        assertThat(warning.text()).contains("Case " + n + " is still waiting for its first response");
        assertThat(warning.contentLanguage()).as("internal mails are English").isEqualTo("en");
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(n)
                .processDefinitionKey("support-case").singleResult().getId();
        String inCockpit = links.baseUrl() + "/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime";
        assertThat(warning.hrefs()).contains(inCockpit);

        Received breach = mailbox.one(n, NotificationType.BREACH_ALERT);
        assertWellFormed(breach, n);
        assertThat(breach.to()).containsExactly(support.escalation().email())
                .containsExactly("escalations@supporto.example");
        assertThat(breach.subject()).isEqualTo("[" + n + "] Response target breached: " + TITLE);
        assertThat(breach.text()).contains("Case " + n + " did not receive its first response within the"
                + " contractual response target.");
        assertThat(breach.hrefs()).contains(inCockpit);
    }

    @Test
    void lowSurveyScoreGoesToTheSupportManagers() {
        Organization org = organization("it");
        SupportUser admin = fixtures.adminOf(org);
        String n = steps.open(admin, Fixtures.request(org).critical());
        steps.respond(n, "On it.");
        steps.resolve(n, "Connector fixed.");
        cases.answerSurvey(n, 2, "Nobody called me back.", admin);

        mailbox.deliver(n);

        Received mail = mailbox.one(n, NotificationType.LOW_SURVEY);
        assertWellFormed(mail, n);
        assertThat(mail.to()).containsExactly(mailProperties.managersEmail())
                .containsExactly("support-managers@supporto.example");
        assertThat(mail.subject()).isEqualTo("[" + n + "] Low satisfaction rating: " + TITLE);
        assertThat(mail.text()).contains("The customer rated the handling of case " + n + " 2 out of 5.",
                "Nobody called me back.", "Connector fixed.");
    }

    // ---------------------------------------------------------------- helpers

    private Organization organization(String language) {
        return fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", language);
    }

    /** What every customer mail must be: to the contact and the admins, in the expected language. */
    private void assertCustomerMail(Received mail, String n, Organization org, String language) {
        assertWellFormed(mail, n);
        assertThat(mail.to()).as("recipients of %s", mail)
                .containsExactlyElementsOf(concat(CONTACT, org.adminEmails()));
        assertThat(mail.contentLanguage()).as("Content-Language of %s", mail).isEqualTo(language);
        assertThat(mail.htmlLang()).as("lang of the HTML part of %s", mail).isEqualTo(language);
    }

    /** Every mail: subject "[SR-…] … title", plain text with an HTML alternative, nothing left unrendered. */
    static void assertWellFormed(Received mail, String n) {
        assertThat(mail.subject()).as("subject of %s", mail).startsWith("[" + n + "] ").endsWith(": " + TITLE);
        assertThat(mail.structure()).as("MIME structure of %s", mail)
                .contains("multipart/alternative[text/plain,text/html]");
        assertThat(mail.header("From")).isEqualTo("Supporto <support@supporto.example>");
        assertThat(mail.text()).as("plain text of %s", mail).isNotBlank().contains(n)
                .doesNotContain("??", "[(", "${", "#{", "<p", "&amp;");
        assertThat(mail.html()).as("HTML of %s", mail).isNotBlank().contains(n)
                .doesNotContain("??", "[(", "${", "#{", " th:");
    }

    private static List<String> concat(String first, List<String> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
