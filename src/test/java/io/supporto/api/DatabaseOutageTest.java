package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.DatabaseOutage;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * When the pool has no connection to give (overload, or the database is down) every API
 * answers 503 with Retry-After and changes nothing: the Case API and Camunda's own
 * /engine-rest, whose catch-all would otherwise answer 500 (as it did under the benchmark's
 * timer storm on stock settings).
 */
@SupportoTest
class DatabaseOutageTest extends ApiTestSupport {

    @Autowired DatabaseOutage outage;
    @Value("${camunda.bpm.admin-user.id}") String adminId;
    @Value("${camunda.bpm.admin-user.password}") String adminPassword;

    @AfterEach
    void databaseBack() {
        outage.end();
    }

    @Test
    void engineRestAnswers503InsteadOf500() {
        ApiClient camundaAdmin = ApiClient.as(port, adminId, adminPassword);
        outage.beginBelow("org.camunda.bpm.engine.rest.impl.");

        ApiClient.Response response = camundaAdmin.duringOutage().get("/engine-rest/task");
        assertUnavailable(response);

        outage.end();
        assertThat(camundaAdmin.get("/engine-rest/task").expect(200).json().isArray()).isTrue();
    }

    @Test
    void caseApiAnswers503AndOpensNothing() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        outage.beginBelow(CaseController.class.getName());

        assertUnavailable(client(admin).duringOutage().post("/api/cases", ApiClient.criticalCaseBody(org.id())));

        outage.end();
        assertThat(countCases(admin, org)).isZero();
        open(admin, ApiClient.criticalCaseBody(org.id()));
        assertThat(countCases(admin, org)).isOne();
    }

    private static void assertUnavailable(ApiClient.Response response) {
        JsonNode problem = response.expectProblem(503);
        assertThat(problem.path("detail").asText()).contains("nothing was changed");
        assertThat(response.header("Retry-After")).hasValue(UnavailableFilter.RETRY_AFTER_SECONDS);
    }
}
