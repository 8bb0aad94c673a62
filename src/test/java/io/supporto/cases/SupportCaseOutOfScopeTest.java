package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import io.supporto.notify.NotificationType;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Requests that are not support cases: the admin is told where to go instead, and nobody at
 * support gets work for them.
 */
class SupportCaseOutOfScopeTest extends ProcessScenario {

    @ParameterizedTest(name = "{0} is referred to {2}")
    @CsvSource(delimiter = '|', textBlock = """
            CUSTOMER_NETWORK  | network team               | https://support.microsoft.com/gp/contactus81?Audience=Commercial
            THIRD_PARTY       | Microsoft Community        | https://answers.microsoft.com/
            SCRIPTING         | developer documentation    | https://learn.microsoft.com/office/dev/
            NON_MICROSOFT_365 | vendor of the product      | https://support.microsoft.com/
            """)
    void outOfScopeRequestIsReferredElsewhereAndEnds(OutOfScopeReason reason, String explanation, String url) {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);

        // even a critical-sounding request is not triaged once it is out of scope
        CaseDetails opened = cases.open(Fixtures.request(org).critical().outOfScope(reason).build(), admin);
        String n = opened.supportCase().caseNumber();

        SupportCase c = view(n, admin);
        assertThat(c.status()).isEqualTo(CaseStatus.OUT_OF_SCOPE);
        assertThat(c.outOfScopeReason()).isEqualTo(reason);
        assertThat(c.referral()).contains(explanation);
        assertThat(c.referralUrl()).isEqualTo(url);
        assertThat(c.closedAt()).isEqualTo(MONDAY_10_00);
        assertThat(c.severity()).isNull();
        assertThat(c.engagedAt()).isNull();
        assertThat(opened.survey()).isEmpty();

        HistoricProcessInstance history = engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(n).singleResult();
        assertThat(history.getEndActivityId()).isEqualTo("caseOutOfScope");
        assertThat(history.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(endedInstance(history)).isEnded()
                .hasPassed("findReferral", "closeOutOfScope", "sendOutOfScopeNotice", "caseOutOfScope")
                .hasNotPassed("assessSeverity", "acceptRequestedSeverity", "recordTriage", "engageSupport");
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
                .processInstanceId(history.getId()).count()).as("user tasks created").isZero();
        assertThat(notifier.sentFor(n)).containsExactly(NotificationType.OUT_OF_SCOPE);
    }

    /**
     * The instance ends inside {@code open(...)}, so the test never holds a runtime ProcessInstance;
     * camunda-bpm-assert only needs its id to look it up in the history.
     */
    private static ProcessInstance endedInstance(HistoricProcessInstance history) {
        ExecutionEntity instance = new ExecutionEntity();
        instance.setId(history.getId());
        instance.setProcessInstanceId(history.getId());
        instance.setProcessDefinitionId(history.getProcessDefinitionId());
        return instance;
    }
}
