package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Camunda's REST API under /engine-rest: HTTP Basic against the same users, and the contract's decisions. */
@SupportoTest
class EngineRestSecurityTest extends ApiTestSupport {

    @Value("${camunda.bpm.admin-user.id}") String adminId;
    @Value("${camunda.bpm.admin-user.password}") String adminPassword;
    @Autowired RuntimeService runtimeService;

    ApiClient camundaAdmin() {
        return ApiClient.as(port, adminId, adminPassword);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition", "/engine-rest/process-instance",
            "/engine-rest/decision-definition", "/engine-rest/user", "/engine-rest/history/process-instance"})
    void withoutCredentialsIs401(String path) {
        ApiClient.Response response = anonymous().get(path).expect(401);
        assertThat(response.header("WWW-Authenticate")).hasValueSatisfying(c -> assertThat(c).startsWith("Basic"));
        assertThat(response.body()).doesNotContain("support-case");
    }

    @Test
    void evaluatingWithoutCredentialsIs401() {
        anonymous().post("/engine-rest/decision-definition/key/severity/evaluate",
                severityInputs("TECHNICAL", false, "ORGANIZATION", "CRITICAL", false)).expect(401);
    }

    @Test
    void wrongPasswordIs401() {
        SupportUser user = fixtures.user(Groups.SUPPORT_ENGINEERS);
        ApiClient.as(port, user.id(), "wrong").get("/engine-rest/task").expect(401);
        ApiClient.withAuthorization(port, "Basic !!!").get("/engine-rest/task").expect(401);
    }

    @Test
    void theEngineCanBeNamedAndNoOtherEngineIsServed() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        client(engineer).get("/engine-rest/engine/default/task").expect(200);
        assertThat(client(engineer).get("/engine-rest/engine/other/task").expect(404).body()).contains("not available");
        assertThat(anonymous().get("/engine-rest/engine/other/task").expect(404).body()).doesNotContain("support-case");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/engine-rest/task", "/engine-rest/process-definition"})
    void withValidCredentialsIs200(String path) {
        assertThat(camundaAdmin().get(path).expect(200).json().isArray()).isTrue();
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        client(engineer).get(path).expect(200);
    }

    @Test
    void theContractsModelsAreDeployed() {
        JsonNode definitions = camundaAdmin().get("/engine-rest/process-definition?key=support-case&latestVersion=true")
                .expect(200).json();
        assertThat(definitions).hasSize(1);
        for (String key : new String[] {"severity", "response-target"}) {
            assertThat(camundaAdmin().get("/engine-rest/decision-definition?key=" + key + "&latestVersion=true")
                    .expect(200).json()).as(key).hasSize(1);
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} {3} {4} -> {5}")
    @CsvSource(textBlock = """
            TECHNICAL, false, ORGANIZATION,   CRITICAL, false, A
            TECHNICAL, false, MULTIPLE_USERS, CRITICAL, false, A
            TECHNICAL, true,  SINGLE_USER,    MODERATE, false, B
            TECHNICAL, true,  SINGLE_USER,    MINIMAL,  true,  C
            BILLING,   true,  SINGLE_USER,    MINIMAL,  true,  C
            """)
    void severityDecisionEvaluatesThroughRest(String category, boolean serviceUsable, String scope,
                                              String businessImpact, boolean workaroundAvailable, String expected) {
        JsonNode result = camundaAdmin().post("/engine-rest/decision-definition/key/severity/evaluate",
                severityInputs(category, serviceUsable, scope, businessImpact, workaroundAvailable)).expect(200).json();
        assertThat(result).hasSize(1);
        assertThat(result.get(0).path("severity").path("value").asText()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} elevated={1} {2} {3} -> {4} {5} {6}")
    @CsvSource(nullValues = "NULL", textBlock = """
            BUSINESS_STANDARD, false, A, TECHNICAL, 24x7,           PT1H,  NULL
            BUSINESS_STANDARD, false, B, TECHNICAL, BUSINESS_HOURS, NULL,  PT8H
            BUSINESS_BASIC,    false, C, TECHNICAL, BUSINESS_HOURS, NULL,  PT16H
            ENTERPRISE,        false, A, TECHNICAL, 24x7,           PT1H,  NULL
            ENTERPRISE,        false, B, TECHNICAL, 24x7,           PT24H, NULL
            STANDALONE,        false, C, TECHNICAL, 24x7,           NULL,  PT24H
            BUSINESS_PREMIUM,  true,  B, TECHNICAL, 24x7,           PT2H,  NULL
            EDUCATION,         true,  C, TECHNICAL, 24x7,           PT4H,  NULL
            ENTERPRISE,        true,  A, BILLING,   BUSINESS_HOURS, NULL,  PT8H
            BUSINESS_STANDARD, false, B, PRE_SALES, BUSINESS_HOURS, NULL,  PT8H
            """)
    void responseTargetDecisionEvaluatesThroughRest(String plan, boolean elevatedSupport, String severity,
                                                    String category, String availability, String responseTarget,
                                                    String internalTarget) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("plan", typed(plan, "String"));
        variables.put("elevatedSupport", typed(elevatedSupport, "Boolean"));
        variables.put("severity", typed(severity, "String"));
        variables.put("category", typed(category, "String"));

        JsonNode result = camundaAdmin().post("/engine-rest/decision-definition/key/response-target/evaluate",
                Map.of("variables", variables)).expect(200).json();

        assertThat(result).hasSize(1);
        JsonNode row = result.get(0);
        assertThat(row.path("availability").path("value").asText()).isEqualTo(availability);
        assertOutput(row, "responseTarget", responseTarget);
        assertOutput(row, "internalTarget", internalTarget);
    }

    /**
     * /engine-rest authenticates but must not let a customer of one organization read or drive
     * another organization's case through the engine, nor give itself staff rights.
     */
    @Test
    void aCustomerAdminCannotReachAnotherOrganizationsCaseThroughTheEngine() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        Organization otherOrg = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser intruderUser = fixtures.adminOf(otherOrg);
        ApiClient intruder = client(intruderUser);
        String processInstanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .singleResult().getId();
        String taskId = taskService.createTaskQuery().processInstanceBusinessKey(n).singleResult().getId();

        JsonNode instances = intruder.get("/engine-rest/process-instance?businessKey=" + n).json();
        assertThat(instances.isArray() && !instances.isEmpty())
                .as("another organization's admin lists process instance of %s: %s", n, instances).isFalse();
        assertThat(intruder.get("/engine-rest/process-instance/" + processInstanceId + "/variables").status())
                .as("another organization's admin reads the variables of %s", n).isIn(401, 403, 404);
        assertThat(intruder.post("/engine-rest/task/" + taskId + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("Not from support", "String")))).status())
                .as("another organization's admin completes the first response of %s", n).isIn(401, 403, 404);
        assertThat(view(admin, n).path("firstRespondedAt").isNull()).isTrue();

        assertThat(intruder.send("PUT", "/engine-rest/group/" + Groups.SUPPORT_MANAGERS + "/members/"
                + intruderUser.id(), null, null).status())
                .as("a customer admin makes itself a support manager").isIn(401, 403, 404);
        intruder.get("/api/organizations/" + org.id()).expectProblem(403);
    }

    private static Map<String, Object> severityInputs(String category, boolean serviceUsable, String scope,
                                                      String businessImpact, boolean workaroundAvailable) {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("category", typed(category, "String"));
        variables.put("serviceUsable", typed(serviceUsable, "Boolean"));
        variables.put("scope", typed(scope, "String"));
        variables.put("businessImpact", typed(businessImpact, "String"));
        variables.put("workaroundAvailable", typed(workaroundAvailable, "Boolean"));
        return Map.of("variables", variables);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private static void assertOutput(JsonNode row, String name, String expected) {
        if (expected == null) {
            assertThat(row.has(name)).as("%s present (null = no commitment) in %s", name, row).isTrue();
            assertThat(row.path(name).path("value").isNull()).as("%s of %s", name, row).isTrue();
        } else {
            assertThat(row.path(name).path("value").asText()).as("%s of %s", name, row).isEqualTo(expected);
        }
    }
}
