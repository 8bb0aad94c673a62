package io.supporto.links;

import static io.supporto.notify.CaseSteps.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import io.supporto.cases.SupportCaseService;
import io.supporto.links.ActionPages.Page;
import io.supporto.notify.CaseMailbox;
import io.supporto.notify.CaseSteps;
import io.supporto.notify.MailOutbox;
import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Accessibility basics of every action page (the three forms, an invalid input, the result, the
 * refusals): the page's language is declared, every form control has a label, the page has one
 * heading, and every text exists in the page's language.
 */
@SupportoTest
class ActionPageAccessibilityTest {

    static final Instant MONDAY_10_00 = Instant.parse("2026-03-02T09:00:00Z");

    @LocalServerPort int port;
    @Autowired ProcessEngine engine;
    @Autowired SupportCaseService cases;
    @Autowired Fixtures fixtures;
    @Autowired GreenMail testSmtpServer;
    @Autowired MailOutbox outbox;
    @Autowired ActionLinks links;

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

    @ParameterizedTest(name = "organization language {0}: pages in {1}")
    @CsvSource({"it, it", "en, en", "de, en"})
    void everyActionPageDeclaresItsLanguageLabelsItsControlsAndHasOneHeading(String orgLanguage, String pageLanguage) {
        Visited visited = pagesOfEveryKind(orgLanguage);
        List<Page> all = new ArrayList<>(visited.ofTheCase());
        all.addAll(visited.ofNoCase());

        for (Page page : all) {
            // a page that cannot tell the case follows the browser, which asks for English
            assertThat(page.lang()).as("lang of %s", page)
                    .isEqualTo(visited.ofTheCase().contains(page) ? pageLanguage : "en");
            assertThat(page.body()).as("unresolved texts (\"??key_locale??\") on %s", page).doesNotContain("??");
            assertThat(page.h1s()).as("h1 of %s", page).hasSize(1)
                    .allSatisfy(h1 -> assertThat(h1.strip()).isNotEmpty());
            List<String> labelled = page.labelTargets();
            for (String control : page.controls()) {
                String id = Page.attribute(control, "id");
                assertThat(id).as("id of %s on %s", control, page).isNotBlank();
                assertThat(labelled).as("<label for> of %s on %s", control, page).contains(id);
            }
            for (String target : labelled) {
                assertThat(page.body()).as("the control labelled %s on %s", target, page)
                        .containsPattern("<(input|textarea|select)\\b[^>]*\\sid=\"" + target + "\"");
            }
        }
        // the forms have what they need: the reopen reason, the comment and five ratings
        assertThat(all.stream().flatMap(p -> p.controls().stream()).map(c -> Page.attribute(c, "id")))
                .contains("reason", "comment", "rating-1", "rating-5");
    }

    record Visited(List<Page> ofTheCase, List<Page> ofNoCase) {
    }

    /** The three forms, an invalid input, a result page and refusals, of one organization's cases. */
    private Visited pagesOfEveryKind(String language) {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", language);
        SupportUser admin = fixtures.adminOf(org);
        String selfServiceCase = steps.open(admin, Fixtures.request(org).high());
        mailbox.deliver(selfServiceCase);
        String selfService = mailbox.one(selfServiceCase, NotificationType.SELF_SERVICE_SUGGESTIONS)
                .actionLink("SELF_SERVICE").orElseThrow();
        String closedCase = steps.open(admin, Fixtures.request(org).critical());
        steps.respond(closedCase, "On it.");
        steps.resolve(closedCase, "Fixed.");
        mailbox.deliver(closedCase);
        var closed = mailbox.one(closedCase, NotificationType.CASE_CLOSED);
        String survey = closed.actionLink("SURVEY").orElseThrow();
        String reopen = closed.actionLink("REOPEN").orElseThrow();

        List<Page> ofTheCase = new ArrayList<>();
        ofTheCase.add(pages.get(selfService).expect(200));
        ofTheCase.add(pages.get(reopen).expect(200));
        ofTheCase.add(pages.get(survey).expect(200));
        ofTheCase.add(pages.post(survey, "rating", "0").expect(400));
        ofTheCase.add(pages.post(reopen, "reason", "").expect(400));
        ofTheCase.add(pages.post(survey, "rating", "4").expect(200));
        ofTheCase.add(pages.get(survey).expect(410));
        cases.reopen(closedCase, "Again.", admin);
        ofTheCase.add(pages.post(reopen, "reason", "Again!").expect(409));
        List<Page> ofNoCase = List.of(
                pages.get(ActionLinkTest.alter(selfService)).expect(400),
                pages.get(links.baseUrl() + "/actions/made-up.token").expect(404));
        return new Visited(ofTheCase, ofNoCase);
    }
}
