package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/**
 * Triage: who sets the severity (the severity decision, or an elevated customer), which response
 * target the case gets, and whether it needs an interpreter. Each scenario opens one case and
 * looks at it right after opening, at its first wait state.
 */
class SupportCaseTriageTest extends ProcessScenario {

    @Test
    void mailDownForTheWholeOrganizationIsTriagedSeverityA() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).critical());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.A);
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isEqualTo("PT1H");
        assertThat(c.internalTarget()).isNull();
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("firstResponse")
                .hasPassed("assessSeverity", "determineResponseTarget", "recordTriage", "sendCaseReceived")
                .hasNotPassed("acceptRequestedSeverity", "offerSelfService");
        assertThat(instance).variables().containsEntry("severity", "A");
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.CASE_RECEIVED);
    }

    @Test
    void sendButtonMissingForOneUserOfABusinessPlanIsSeverityBInBusinessHoursWithoutCommitment() {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).high());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.availability()).isEqualTo("BUSINESS_HOURS");
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT8H");
        assertThat(c.status()).isEqualTo(CaseStatus.SELF_SERVICE);
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome")
                .hasPassed("assessSeverity", "determineResponseTarget", "recordTriage")
                .hasNotPassed("acceptRequestedSeverity");
        assertThat(instance).variables()
                .containsEntry("severity", "B")
                .containsEntry("availability", "BUSINESS_HOURS")
                .containsEntry("responseTarget", null)
                .containsEntry("internalTarget", "PT8H");
        assertThat(notifier.sentFor(n))
                .containsExactly(NotificationType.CASE_RECEIVED, NotificationType.SELF_SERVICE_SUGGESTIONS);
    }

    @Test
    void enterpriseSeverityBIsAnsweredNextDayAroundTheClock() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).high());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isEqualTo("PT24H");
        assertThat(c.internalTarget()).isNull();
        assertThat(instanceOf(n)).isWaitingAt("awaitSelfServiceOutcome").hasPassed("assessSeverity");
    }

    @Test
    void howToQuestionIsSeverityCWithOnlyAnInternalFollowUpOnEnterprisePlans() {
        Organization org = fixtures.organization(Plan.FRONTLINE, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).minor());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT24H");
        assertThat(instanceOf(n)).isWaitingAt("awaitSelfServiceOutcome").hasPassed("assessSeverity")
                .hasNotPassed("acceptRequestedSeverity");
    }

    @Test
    void elevatedCustomerSetsTheSeverityItself() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser admin = fixtures.adminOf(org);

        // the impact alone would make it an A; the customer says C, and C it is
        String n = open(admin, Fixtures.request(org).critical().requestedSeverity(Severity.C));

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.requestedSeverity()).isEqualTo(Severity.C);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isEqualTo("PT4H");
        assertThat(c.internalTarget()).isNull();
        assertThat(c.status()).isEqualTo(CaseStatus.SELF_SERVICE);
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome")
                .hasPassed("acceptRequestedSeverity", "determineResponseTarget", "recordTriage")
                .hasNotPassed("assessSeverity");
        assertThat(instance).variables().containsEntry("severity", "C").containsEntry("responseTarget", "PT4H");
    }

    @Test
    void elevatedCustomerAskingForSeverityBGetsTwoHoursAroundTheClock() {
        Organization org = fixtures.organization(Plan.BUSINESS_BASIC, true);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).minor().requestedSeverity(Severity.B));

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.availability()).isEqualTo("24x7");
        assertThat(c.responseTarget()).isEqualTo("PT2H");
        assertThat(instanceOf(n)).hasPassed("acceptRequestedSeverity").hasNotPassed("assessSeverity");
    }

    @Test
    void elevatedCustomerWhoSetsNoSeverityIsTriagedByTheDecision() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).minor());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.responseTarget()).isEqualTo("PT4H");
        assertThat(instanceOf(n)).hasPassed("assessSeverity").hasNotPassed("acceptRequestedSeverity");
    }

    @Test
    void severityRequestedWithoutElevatedSupportIsIgnored() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);

        // asks for A, but a how-to question of an ordinary customer is triaged C
        String n = open(admin, Fixtures.request(org).minor().requestedSeverity(Severity.A));

        SupportCase c = view(n, admin);
        assertThat(c.requestedSeverity()).isEqualTo(Severity.A);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT24H");
        assertThat(c.status()).isEqualTo(CaseStatus.SELF_SERVICE);
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome")
                .hasPassed("assessSeverity")
                .hasNotPassed("acceptRequestedSeverity");
        assertThat(instance).variables().containsEntry("severity", "C");
    }

    @Test
    void billingIsWorkedInBusinessHoursWithoutCommitmentWhateverThePlan() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).category(Category.BILLING).high());

        SupportCase c = view(n, admin);
        assertThat(c.category()).isEqualTo(Category.BILLING);
        assertThat(c.severity()).isEqualTo(Severity.B);
        assertThat(c.availability()).isEqualTo("BUSINESS_HOURS");
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT8H");
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome").hasPassed("assessSeverity");
        assertThat(instance).variables().containsEntry("teamGroup", "billing-specialists");
    }

    @Test
    void preSalesQuestionIsAlwaysSeverityC() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).category(Category.PRE_SALES).critical());

        SupportCase c = view(n, admin);
        assertThat(c.severity()).isEqualTo(Severity.C);
        assertThat(c.availability()).isEqualTo("BUSINESS_HOURS");
        assertThat(c.responseTarget()).isNull();
        assertThat(c.internalTarget()).isEqualTo("PT8H");
        assertThat(instanceOf(n)).isWaitingAt("awaitSelfServiceOutcome");
    }

    @Test
    void germanSpeakingOrganizationNeedsAnInterpreter() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "DE", "Europe/Berlin", "de");
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).high());

        assertThat(view(n, admin).interpreterRequired()).isTrue();
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome").hasPassed("recordTriage");
        assertThat(instance).variables().containsEntry("interpreterRequired", true);
    }

    @Test
    void italianSpeakingOrganizationNeedsNoInterpreter() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false, "IT", "Europe/Rome", "it");
        SupportUser admin = fixtures.adminOf(org);

        String n = open(admin, Fixtures.request(org).high());

        assertThat(view(n, admin).interpreterRequired()).isFalse();
        ProcessInstance instance = instanceOf(n);
        assertThat(instance).isWaitingAt("awaitSelfServiceOutcome").hasPassed("recordTriage");
        assertThat(instance).variables().containsEntry("interpreterRequired", false);
    }
}
