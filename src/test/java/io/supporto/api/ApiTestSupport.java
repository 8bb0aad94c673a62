package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the HTTP tests of the Case API share: the port, users as HTTP clients, engine steps. */
abstract class ApiTestSupport {

    static final Pattern CASE_NUMBER = Pattern.compile("SR-\\d{4}-\\d{6}");
    static final Pattern UTC_INSTANT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired TaskService taskService;

    ApiClient client(SupportUser user) {
        return ApiClient.as(port, user.id(), Fixtures.PASSWORD);
    }

    ApiClient anonymous() {
        return ApiClient.anonymous(port);
    }

    /** Opens a case over HTTP and returns its view. */
    JsonNode open(SupportUser admin, Map<String, Object> body) {
        return client(admin).post("/api/cases", body).expect(201).json();
    }

    JsonNode view(SupportUser user, String caseNumber) {
        return client(user).get("/api/cases/" + caseNumber).expect(200).json();
    }

    int countCases(SupportUser admin, Organization org) {
        JsonNode list = client(admin).get("/api/cases?organization=" + org.id()).expect(200).json();
        assertThat(list.isArray()).isTrue();
        return list.size();
    }

    /** An engineer of the case's team completes the case's open task with these variables. */
    void completeTask(String caseNumber, String taskKey, Object... keyValues) {
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s of %s", taskKey, caseNumber).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        taskService.complete(task.getId(), variables);
    }

    /** First response, then resolution: the case ends CLOSED with a survey offered. */
    void resolve(String caseNumber) {
        completeTask(caseNumber, "firstResponse", "responseMessage", "We are on it.");
        completeTask(caseNumber, "workCase", "action", "RESOLVE", "resolution", "Connector fixed.");
    }

    /** A severity A case opened over HTTP and resolved by an engineer: CLOSED. */
    String closedCase(SupportUser admin, Organization org) {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        resolve(n);
        assertThat(view(admin, n).path("status").asText()).isEqualTo("CLOSED");
        return n;
    }

    /** Every time of a case view is an ISO-8601 instant in UTC. */
    static void assertTimesInUtc(JsonNode view) {
        for (String field : new String[] {"openedAt", "engagedAt", "firstResponseDueAt", "internalFollowUpAt",
                "firstRespondedAt", "closedAt", "reopenableUntil"}) {
            assertThat(view.has(field)).as("view has %s", field).isTrue();
            JsonNode value = view.get(field);
            if (!value.isNull()) {
                assertThat(value.asText()).as(field).matches(UTC_INSTANT);
            }
        }
        JsonNode survey = view.path("survey");
        if (survey.isObject() && !survey.path("answeredAt").isNull()) {
            assertThat(survey.path("answeredAt").asText()).as("survey.answeredAt").matches(UTC_INSTANT);
        }
    }
}
