package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.Category;
import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * Camunda authorizations seen through /engine-rest over real HTTP with HTTP Basic: each team
 * sees and works only its own cases, support managers see and work every case, process owners
 * read everything and change nothing, customers and users outside the staff groups get nothing.
 * Every test opens a TECHNICAL and a BILLING case of its own and looks only at those (the
 * database is shared with the other tests).
 */
@SupportoTest
class EngineRestAuthorizationTest extends ApiTestSupport {

    static final String FIRST_RESPONSE = "firstResponse";
    static final String WORK_CASE = "workCase";
    static final String HANDLE_BREACH = "handleBreach";
    /** Tags a test that needs no cases of its own, so none are opened for it. */
    static final String NO_CASES = "no-cases";

    @Value("${camunda.bpm.admin-user.id}") String adminId;
    @Value("${camunda.bpm.admin-user.password}") String adminPassword;
    @Autowired SupportCaseService cases;
    @Autowired RuntimeService runtimeService;
    @Autowired ManagementService managementService;
    @Autowired AuthorizationService authorizationService;
    @Autowired IdentityService identityService;
    @Autowired RepositoryService repositoryService;

    Organization org;
    SupportUser customerAdmin;
    /** Case numbers (= business keys) of this test's cases, by category. */
    final Map<Category, String> caseOf = new LinkedHashMap<>();

    @BeforeEach
    void openOneCasePerTeam(TestInfo test) {
        if (test.getTags().contains(NO_CASES)) {
            return;
        }
        org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        customerAdmin = fixtures.adminOf(org);
        for (Category category : List.of(Category.TECHNICAL, Category.BILLING)) {
            // severity A, self-service already tried: straight to the team's first response
            String n = cases.open(Fixtures.request(org).critical().selfServiceTried().category(category).build(),
                    customerAdmin).supportCase().caseNumber();
            caseOf.put(category, n);
            assertThat(openTask(n, FIRST_RESPONSE)).as("firstResponse of the %s case %s", category, n).isNotNull();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    // ---------------------------------------------------------------- teams

    @ParameterizedTest(name = "{0} works its {1} case only")
    @CsvSource(textBlock = """
            support-engineers,   TECHNICAL, BILLING,   Support engineers:,   Billing specialists:
            billing-specialists, BILLING,   TECHNICAL, Billing specialists:, Support engineers:
            """)
    void aTeamSeesAndWorksItsOwnCasesOnly(String team, Category own, Category other, String ownFilters,
                                          String otherFilters) {
        SupportUser member = fixtures.user(team);
        ApiClient rest = client(member);
        String mine = caseOf.get(own);
        String theirs = caseOf.get(other);
        Task myFirstResponse = openTask(mine, FIRST_RESPONSE);
        Task theirFirstResponse = openTask(theirs, FIRST_RESPONSE);

        // tasks: its own case's first response, nothing of the other team's case
        JsonNode myTasks = rest.get("/engine-rest/task?processInstanceBusinessKey=" + mine).expect(200).json();
        assertThat(ids(myTasks)).as("%s's tasks of its case %s", team, mine).containsExactly(myFirstResponse.getId());
        assertThat(myTasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(FIRST_RESPONSE);
        assertThat(rest.get("/engine-rest/task?processInstanceBusinessKey=" + theirs).expect(200).json())
                .as("%s's tasks of the other team's case %s", team, theirs).isEmpty();
        assertThat(rest.get("/engine-rest/task/" + theirFirstResponse.getId()).status())
                .as("%s reads the other team's task", team).isIn(403, 404);

        // process instances: its own case only
        JsonNode myInstances = rest.get("/engine-rest/process-instance?businessKey=" + mine).expect(200).json();
        assertThat(ids(myInstances)).as("%s's instances of %s", team, mine).containsExactly(instanceId(mine));
        assertThat(rest.get("/engine-rest/process-instance?businessKey=" + theirs).expect(200).json())
                .as("%s's instances of the other team's case %s", team, theirs).isEmpty();
        assertThat(rest.get("/engine-rest/process-instance/" + instanceId(theirs)).status())
                .as("%s reads the other team's instance", team).isIn(403, 404);
        assertThat(rest.get("/engine-rest/process-instance/" + instanceId(theirs) + "/variables").status())
                .as("%s reads the other team's case variables", team).isIn(403, 404);
        assertThat(rest.get("/engine-rest/task/" + theirFirstResponse.getId() + "/variables").status())
                .as("%s reads the other team's task variables", team).isIn(403, 404);

        // a team member neither fabricates a case past the Case API nor deploys a model
        String fake = Fixtures.unique("SR-FAKE");
        rest.post("/engine-rest/process-definition/key/support-case/start", Map.of("businessKey", fake,
                "variables", Map.of("teamGroup", typed(team, "String")))).expect(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(fake).count()).isZero();
        String deploymentName = Fixtures.unique("team-deployment");
        String boundary = "----supporto" + System.nanoTime();
        rest.send("POST", "/engine-rest/deployment/create", multipartDeployment(boundary, deploymentName),
                "multipart/form-data; boundary=" + boundary).expect(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();

        // saved filters: the team's three, none of the other team's or the managers'
        JsonNode filters = rest.get("/engine-rest/filter").expect(200).json();
        List<String> names = names(filters);
        assertThat(names.stream().filter(name -> name.startsWith(ownFilters)))
                .as("%s's filters among %s", team, names)
                .containsExactlyInAnyOrder(ownFilters + " my team, by due time", ownFilters + " breached",
                        ownFilters + " waiting on the customer");
        assertThat(names).as("filters visible to %s", team)
                .noneMatch(name -> name.startsWith(otherFilters))
                .noneMatch(name -> name.startsWith("Support managers:"));

        // executing the team's work queue lists its case's task and not the other team's
        String queue = filterId(filters, ownFilters + " my team, by due time");
        List<String> queued = ids(rest.get("/engine-rest/filter/" + queue + "/list").expect(200).json());
        assertThat(queued).as("%s's work queue", team)
                .contains(myFirstResponse.getId()).doesNotContain(theirFirstResponse.getId());
        JsonNode narrowed = rest.post("/engine-rest/filter/" + queue + "/list",
                Map.of("processInstanceBusinessKey", mine)).expect(200).json();
        assertThat(ids(narrowed)).containsExactly(myFirstResponse.getId());

        // the other team's task can be neither claimed nor completed, and stays as it was
        assertThat(rest.post("/engine-rest/task/" + theirFirstResponse.getId() + "/claim",
                Map.of("userId", member.id())).status())
                .as("%s claims the other team's first response", team).isIn(403, 404);
        assertThat(rest.post("/engine-rest/task/" + theirFirstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("Not my case", "String")))).status())
                .as("%s completes the other team's first response", team).isIn(403, 404);
        Task untouched = openTask(theirs, FIRST_RESPONSE);
        assertThat(untouched).as("the other team's first response is still open").isNotNull();
        assertThat(untouched.getAssignee()).isNull();

        // its own first response: claim, then complete with the form's field
        rest.post("/engine-rest/task/" + myFirstResponse.getId() + "/claim", Map.of("userId", member.id()))
                .expect(204);
        assertThat(openTask(mine, FIRST_RESPONSE).getAssignee()).isEqualTo(member.id());
        rest.post("/engine-rest/task/" + myFirstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("We are looking into it.", "String"))))
                .expect(204);
        assertThat(openTask(mine, FIRST_RESPONSE)).as("first response done").isNull();
        assertThat(view(customerAdmin, mine).path("firstRespondedAt").isNull()).isFalse();

        // work case: the team sees it and resolves the case
        Task workCase = openTask(mine, WORK_CASE);
        assertThat(workCase).as("workCase of %s", mine).isNotNull();
        assertThat(ids(rest.get("/engine-rest/task?processInstanceBusinessKey=" + mine).expect(200).json()))
                .containsExactly(workCase.getId());
        rest.post("/engine-rest/task/" + workCase.getId() + "/complete", Map.of("variables", Map.of(
                "action", typed("RESOLVE", "String"), "resolution", typed("Connector fixed.", "String"))))
                .expect(204);
        assertThat(view(customerAdmin, mine).path("status").asText()).isEqualTo("CLOSED");
        assertThat(view(customerAdmin, theirs).path("firstRespondedAt").isNull())
                .as("the other team's case was not answered").isTrue();
    }

    /**
     * A completion without the contract's fields (or with a non-text value for a text field) is
     * refused as a form validation error, 400 through /engine-rest (CheckTaskInput's promise), and
     * changes nothing.
     */
    @Test
    void anIncompleteCompletionIsRefusedWith400() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        ApiClient rest = client(engineer);
        String technical = caseOf.get(Category.TECHNICAL);
        Task firstResponse = openTask(technical, FIRST_RESPONSE);

        fireResponseBreach(technical);
        Task handleBreach = openTask(technical, HANDLE_BREACH);
        client(fixtures.user(Groups.SUPPORT_MANAGERS)).post("/engine-rest/task/" + handleBreach.getId()
                + "/complete", Map.of("variables", Map.of())).expect(400);
        assertThat(openTask(technical, HANDLE_BREACH)).as("handleBreach still open").isNotNull();

        rest.post("/engine-rest/task/" + firstResponse.getId() + "/complete", Map.of("variables", Map.of()))
                .expect(400);
        rest.post("/engine-rest/task/" + firstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("   ", "String")))).expect(400);
        rest.post("/engine-rest/task/" + firstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed(42, "Integer")))).expect(400);
        assertThat(openTask(technical, FIRST_RESPONSE)).as("first response still open").isNotNull();
        rest.post("/engine-rest/task/" + firstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("We are on it.", "String")))).expect(204);

        Task workCase = openTask(technical, WORK_CASE);
        rest.post("/engine-rest/task/" + workCase.getId() + "/complete",
                Map.of("variables", Map.of("resolution", typed("Fixed.", "String")))).expect(400);
        rest.post("/engine-rest/task/" + workCase.getId() + "/complete",
                Map.of("variables", Map.of("action", typed("RESOLVE", "String")))).expect(400);
        rest.post("/engine-rest/task/" + workCase.getId() + "/complete",
                Map.of("variables", Map.of("action", typed("CLOSE", "String")))).expect(400);
        assertThat(openTask(technical, WORK_CASE)).as("workCase still open after the refused completions")
                .isNotNull();
        assertThat(runtimeService.getVariable(instanceId(technical), "resolution")).isNull();
        assertThat(view(customerAdmin, technical).path("status").asText()).isEqualTo("ENGAGED");
    }

    // ---------------------------------------------------------------- managers

    @Test
    void supportManagersSeeEveryCaseAndHandleTheBreach() {
        SupportUser manager = fixtures.user(Groups.SUPPORT_MANAGERS);
        ApiClient rest = client(manager);
        String technical = caseOf.get(Category.TECHNICAL);

        for (String n : caseOf.values()) {
            assertThat(ids(rest.get("/engine-rest/process-instance?businessKey=" + n).expect(200).json()))
                    .as("manager's instances of %s", n).containsExactly(instanceId(n));
            assertThat(ids(rest.get("/engine-rest/task?processInstanceBusinessKey=" + n).expect(200).json()))
                    .as("manager's tasks of %s", n).containsExactly(openTask(n, FIRST_RESPONSE).getId());
        }

        fireResponseBreach(technical);

        Task handleBreach = openTask(technical, HANDLE_BREACH);
        assertThat(handleBreach).as("handleBreach of %s", technical).isNotNull();
        JsonNode breachTasks = rest.get("/engine-rest/task?processInstanceBusinessKey=" + technical
                + "&taskDefinitionKey=" + HANDLE_BREACH).expect(200).json();
        assertThat(ids(breachTasks)).containsExactly(handleBreach.getId());

        // the engineers see their first response, not the managers' breach task
        JsonNode engineersView = client(fixtures.user(Groups.SUPPORT_ENGINEERS))
                .get("/engine-rest/task?processInstanceBusinessKey=" + technical).expect(200).json();
        assertThat(ids(engineersView)).containsExactly(openTask(technical, FIRST_RESPONSE).getId());

        rest.post("/engine-rest/task/" + handleBreach.getId() + "/complete", Map.of("variables",
                Map.of("actionTaken", typed("Called the engineer on duty.", "String")))).expect(204);
        assertThat(openTask(technical, HANDLE_BREACH)).as("handleBreach done").isNull();
        assertThat(openTask(technical, FIRST_RESPONSE)).as("the first response outlives the breach task").isNotNull();
        assertThat(view(customerAdmin, technical).path("slaBreached").asBoolean()).isTrue();
    }

    // ---------------------------------------------------------------- process owners

    @Test
    void processOwnersReadEverything() {
        ApiClient rest = client(fixtures.user(Groups.PROCESS_OWNERS));
        String technical = caseOf.get(Category.TECHNICAL);
        String waiting = runtimeService.createExecutionQuery().processInstanceId(instanceId(technical))
                .activityId(FIRST_RESPONSE).singleResult().getId();
        Incident incident = runtimeService.createIncident("supporto-test", waiting, "test",
                "an incident for the process owners to see");
        try {
            assertThat(rest.get("/engine-rest/process-definition?key=support-case").expect(200).json())
                    .isNotEmpty();
            assertThat(rest.get("/engine-rest/decision-definition?key=severity").expect(200).json()).isNotEmpty();
            assertThat(rest.get("/engine-rest/decision-definition?key=response-target").expect(200).json())
                    .isNotEmpty();
            for (Map.Entry<Category, String> c : caseOf.entrySet()) {
                String n = c.getValue();
                String id = instanceId(n);
                assertThat(ids(rest.get("/engine-rest/process-instance?businessKey=" + n).expect(200).json()))
                        .as("process owner's instances of %s", n).containsExactly(id);
                JsonNode variables = rest.get("/engine-rest/process-instance/" + id + "/variables").expect(200).json();
                assertThat(variables.path("caseNumber").path("value").asText()).isEqualTo(n);
                assertThat(variables.path("teamGroup").path("value").asText()).isEqualTo(c.getKey().team());
                assertThat(ids(rest.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + n)
                        .expect(200).json())).as("history of %s", n).containsExactly(id);
                assertThat(ids(rest.get("/engine-rest/task?processInstanceBusinessKey=" + n).expect(200).json()))
                        .as("process owner's tasks of %s", n).containsExactly(openTask(n, FIRST_RESPONSE).getId());
            }
            JsonNode incidents = rest.get("/engine-rest/incident?processInstanceId=" + instanceId(technical))
                    .expect(200).json();
            assertThat(ids(incidents)).containsExactly(incident.getId());
        } finally {
            runtimeService.resolveIncident(incident.getId());
        }
    }

    @Test
    void processOwnersChangeNothing() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);
        ApiClient rest = client(owner);
        String technical = caseOf.get(Category.TECHNICAL);
        String instance = instanceId(technical);
        Task firstResponse = openTask(technical, FIRST_RESPONSE);

        rest.post("/engine-rest/task/" + firstResponse.getId() + "/claim", Map.of("userId", owner.id())).expect(403);
        rest.post("/engine-rest/task/" + firstResponse.getId() + "/complete",
                Map.of("variables", Map.of("responseMessage", typed("From the process owner", "String"))))
                .expect(403);
        Task still = openTask(technical, FIRST_RESPONSE);
        assertThat(still).isNotNull();
        assertThat(still.getAssignee()).isNull();

        rest.put("/engine-rest/process-instance/" + instance + "/variables/x", typed("changed", "String"))
                .expect(403);
        rest.put("/engine-rest/process-instance/" + instance + "/variables/slaBreached", typed(true, "Boolean"))
                .expect(403);
        assertThat(runtimeService.getVariable(instance, "x")).isNull();
        assertThat(runtimeService.getVariable(instance, "slaBreached")).isEqualTo(false);

        rest.send("DELETE", "/engine-rest/process-instance/" + instance, null, null).expect(403);
        assertThat(instanceId(technical)).as("instance of %s still running", technical).isEqualTo(instance);

        String deploymentName = Fixtures.unique("owner-deployment");
        String boundary = "----supporto" + System.nanoTime();
        rest.send("POST", "/engine-rest/deployment/create", multipartDeployment(boundary, deploymentName),
                "multipart/form-data; boundary=" + boundary).expect(403);
        assertThat(repositoryService.createDeploymentQuery().deploymentName(deploymentName).count()).isZero();

        String userId = Fixtures.unique("ownermade");
        rest.post("/engine-rest/user/create", Map.of(
                "profile", Map.of("id", userId, "firstName", "Made", "lastName", "ByOwner",
                        "email", userId + "@users.example"),
                "credentials", Map.of("password", "Another-Password-1"))).expect(403);
        assertThat(identityService.createUserQuery().userId(userId).count()).isZero();
    }

    // ---------------------------------------------------------------- outsiders

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"customer-admin", "partner", "no group", "no group, tenant member"})
    void outsidersGet403OnEveryEngineCall(String who) {
        SupportUser outsider = switch (who) {
            case "customer-admin" -> customerAdmin;
            case "partner" -> fixtures.user(Groups.PARTNERS, org.id());
            case "no group" -> fixtures.user(null);
            default -> fixtures.user(null, org.id());
        };
        ApiClient rest = client(outsider);
        String technical = caseOf.get(Category.TECHNICAL);

        List<ApiClient.Response> answers = new ArrayList<>();
        answers.add(rest.get("/engine-rest/task"));
        answers.add(rest.get("/engine-rest/task?processInstanceBusinessKey=" + technical));
        answers.add(rest.get("/engine-rest/process-instance"));
        answers.add(rest.get("/engine-rest/process-instance?businessKey=" + technical));
        answers.add(rest.get("/engine-rest/user"));
        answers.add(rest.post("/engine-rest/decision-definition/key/severity/evaluate", Map.of("variables", Map.of(
                "category", typed("TECHNICAL", "String"), "serviceUsable", typed(false, "Boolean"),
                "scope", typed("ORGANIZATION", "String"), "businessImpact", typed("CRITICAL", "String"),
                "workaroundAvailable", typed(false, "Boolean")))));
        for (ApiClient.Response answer : answers) {
            answer.expect(403);
            assertThat(answer.body()).as(answer.call()).doesNotContain(technical).doesNotContain("support-case");
        }
        if (outsider.isCustomerSide()) {
            // the credentials are good: the same user reads the case through the Case API
            view(outsider, technical);
        }
    }

    // ---------------------------------------------------------------- camunda-admin

    @Test
    void theCamundaAdminSeesEverything() {
        ApiClient rest = ApiClient.as(port, adminId, adminPassword);
        for (String n : caseOf.values()) {
            assertThat(ids(rest.get("/engine-rest/process-instance?businessKey=" + n).expect(200).json()))
                    .as("admin's instances of %s", n).containsExactly(instanceId(n));
            assertThat(ids(rest.get("/engine-rest/task?processInstanceBusinessKey=" + n).expect(200).json()))
                    .as("admin's tasks of %s", n).containsExactly(openTask(n, FIRST_RESPONSE).getId());
            assertThat(ids(rest.get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + n)
                    .expect(200).json())).containsExactly(instanceId(n));
        }
        assertThat(ids(rest.get("/engine-rest/user?id=" + customerAdmin.id()).expect(200).json()))
                .containsExactly(customerAdmin.id());
        List<String> filters = names(rest.get("/engine-rest/filter").expect(200).json());
        assertThat(filters).anyMatch(name -> name.startsWith("Support engineers:"))
                .anyMatch(name -> name.startsWith("Billing specialists:"))
                .anyMatch(name -> name.startsWith("Support managers:"));
    }

    // ---------------------------------------------------------------- webapps

    @Tag(NO_CASES)
    @ParameterizedTest(name = "{0}: tasklist={1} cockpit={2} admin={3}")
    @CsvSource(textBlock = """
            support-engineers,   true,  false, false
            billing-specialists, true,  false, false
            presales-advisors,   true,  false, false
            support-managers,    true,  true,  false
            process-owners,      false, true,  false
            customer-admins,     false, false, false
            partners,            false, false, false
            camunda-admin,       true,  true,  true
            """)
    void webappAccessFollowsTheGroup(String group, boolean tasklist, boolean cockpit, boolean admin) {
        SupportUser user = fixtures.user(group);
        List<String> groups = List.of(group);
        Map<String, Boolean> expected = Map.of("tasklist", tasklist, "cockpit", cockpit, "admin", admin);
        expected.forEach((app, allowed) -> assertThat(authorizationService.isUserAuthorized(user.id(), groups,
                Permissions.ACCESS, Resources.APPLICATION, app)).as("%s ACCESS to %s", group, app).isEqualTo(allowed));

        // the same grants as Camunda's REST API lists them to the admin (resourceType 0 = APPLICATION)
        if (!Groups.CAMUNDA_ADMIN.equals(group)) {
            JsonNode grants = ApiClient.as(port, adminId, adminPassword)
                    .get("/engine-rest/authorization?resourceType=0&groupIdIn=" + group).expect(200).json();
            List<String> apps = new ArrayList<>();
            for (JsonNode grant : grants) {
                if (grant.path("type").asInt() == 1 && hasAccess(grant.path("permissions"))) {
                    apps.add(grant.path("resourceId").asText());
                }
            }
            List<String> expectedApps = expected.entrySet().stream().filter(Map.Entry::getValue)
                    .map(Map.Entry::getKey).toList();
            assertThat(apps).as("APPLICATION grants of %s", group).containsExactlyInAnyOrderElementsOf(expectedApps);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The case's open task with this key, looked up without authorization (the test thread has no user). */
    Task openTask(String caseNumber, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
                .singleResult();
    }

    String instanceId(String caseNumber) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult()
                .getId();
    }

    /** Moves Camunda's clock to the breach timer's due date, fires it and sends its alert. */
    void fireResponseBreach(String caseNumber) {
        Job breach = managementService.createJobQuery().processInstanceId(instanceId(caseNumber))
                .activityId(SupportCaseModel.TIMER_RESPONSE_DUE).singleResult();
        assertThat(breach).as("breach timer of %s", caseNumber).isNotNull();
        ClockUtil.setCurrentTime(breach.getDuedate());
        managementService.executeJob(breach.getId());
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instanceId(caseNumber))
                .activityId("sendBreachAlert").singleResult().getId());
    }

    static List<String> ids(JsonNode array) {
        assertThat(array.isArray()).as("JSON array: %s", array).isTrue();
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.path("id").asText()));
        return ids;
    }

    static List<String> names(JsonNode array) {
        assertThat(array.isArray()).as("JSON array: %s", array).isTrue();
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.path("name").asText()));
        return names;
    }

    static String filterId(JsonNode filters, String name) {
        for (JsonNode filter : filters) {
            if (name.equals(filter.path("name").asText())) {
                return filter.path("id").asText();
            }
        }
        throw new AssertionError("no filter named " + name + " in " + filters);
    }

    static boolean hasAccess(JsonNode permissions) {
        for (JsonNode permission : permissions) {
            if ("ACCESS".equals(permission.asText()) || "ALL".equals(permission.asText())) {
                return true;
            }
        }
        return false;
    }

    static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    static String multipartDeployment(String boundary, String deploymentName) {
        String processKey = deploymentName.replace("-", "");
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://supporto.io/test">
                  <process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <startEvent id="start"/>
                  </process>
                </definitions>
                """.formatted(processKey);
        String crlf = "\r\n";
        return "--" + boundary + crlf
                + "Content-Disposition: form-data; name=\"deployment-name\"" + crlf + crlf
                + deploymentName + crlf
                + "--" + boundary + crlf
                + "Content-Disposition: form-data; name=\"data\"; filename=\"" + processKey + ".bpmn\"" + crlf
                + "Content-Type: application/octet-stream" + crlf + crlf
                + bpmn + crlf
                + "--" + boundary + "--" + crlf;
    }
}
