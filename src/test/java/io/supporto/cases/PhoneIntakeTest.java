package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An agent takes a case by phone: the same rules as the Case API, the agent on record. */
class PhoneIntakeTest extends ProcessScenario {

    Organization org;
    SupportUser engineer;
    SupportUser manager;

    @BeforeEach
    void agentOnThePhone() {
        org = fixtures.organization(Plan.ENTERPRISE, false);
        engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        manager = fixtures.user(Groups.SUPPORT_MANAGERS);
        engine.getIdentityService().setAuthentication(engineer.id(), java.util.List.of(Groups.SUPPORT_ENGINEERS));
    }

    @AfterEach
    void hangUp() {
        engine.getIdentityService().clearAuthentication();
    }

    Map<String, Object> call() {
        Map<String, Object> form = new HashMap<>();
        form.put("organization", org.id());
        form.put("category", "TECHNICAL");
        form.put("service", "TEAMS");
        form.put("title", "Nobody can join meetings");
        form.put("description", "Called at 9:12; all meetings fail to start.");
        form.put("serviceUsable", false);
        form.put("scope", "ORGANIZATION");
        form.put("businessImpact", "CRITICAL");
        form.put("workaroundAvailable", false);
        form.put("selfServiceTried", false);
        form.put("contactName", "Anna Rossi");
        form.put("contactEmail", "anna@example.com");
        form.put("contactPhone", "+39 02 0000");
        return form;
    }

    @Test
    void aCaseTakenByPhoneIsOpenedForTheOrganizationLikeAnyOther() {
        ProcessInstance intake = engine.getRuntimeService().startProcessInstanceByKey("phone-intake", call());
        engine.getIdentityService().clearAuthentication();

        String n = (String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(intake.getId()).variableName("caseNumber").singleResult().getValue();
        SupportCase opened = view(n, manager);
        assertThat(opened.organization()).isEqualTo(org.id());
        assertThat(opened.openedBy()).isEqualTo(engineer.id());
        assertThat(opened.severity()).isEqualTo(Severity.A);
        assertThat(opened.status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(instanceOf(n)).isNotNull();
    }

    @Test
    void badInputIsRefusedByFieldAndOpensNothing() {
        int before = cases.list(org.id(), null, manager).size();
        Map<String, Object> noTitle = call();
        noTitle.remove("title");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("phone-intake", noTitle))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("title");
        Map<String, Object> badScope = call();
        badScope.put("scope", "EVERYONE");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("phone-intake", badScope))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("scope");
        Map<String, Object> unknownOrg = call();
        unknownOrg.put("organization", "no-such-org");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("phone-intake", unknownOrg))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("no-such-org");
        assertThat(cases.list(org.id(), null, manager)).hasSize(before);
    }
}
