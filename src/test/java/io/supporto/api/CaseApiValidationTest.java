package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.ApiClient.Response;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input answers 400 application/problem+json naming each bad field, and changes nothing.
 * One organization with one case in each interesting state serves all tests of the class.
 */
@SupportoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiValidationTest extends ApiTestSupport {

    Organization org;
    SupportUser admin;
    String selfServiceCase;
    String waitingCase;
    String closedCase;
    int casesBefore;

    @BeforeAll
    void world() {
        org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        admin = fixtures.adminOf(org);
        selfServiceCase = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        waitingCase = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        completeTask(waitingCase, "firstResponse", "responseMessage", "Looking.");
        completeTask(waitingCase, "workCase", "action", "REQUEST_INFO", "question", "Which user?");
        closedCase = closedCase(admin, org);
    }

    @BeforeEach
    void count() {
        casesBefore = countCases(admin, org);
        assertThat(casesBefore).isGreaterThanOrEqualTo(3);
    }

    /** POSTs a case whose body is the valid example changed by the edit. */
    Response openWith(Consumer<Map<String, Object>> edit) {
        Map<String, Object> body = ApiClient.caseBody(org.id());
        edit.accept(body);
        return client(admin).post("/api/cases", body);
    }

    void assertNothingCreated() {
        assertThat(countCases(admin, org)).as("cases of the organization").isEqualTo(casesBefore);
    }

    static Arguments bad(String field, Consumer<Map<String, Object>> edit) {
        return Arguments.of(field, edit);
    }

    static List<Arguments> badCaseBodies() {
        return List.of(
                bad("category", b -> b.put("category", "HARDWARE")),
                bad("category", b -> b.put("category", "technical")),
                bad("impact.scope", b -> ApiClient.impact(b).put("scope", "EVERYONE")),
                bad("impact.businessImpact", b -> ApiClient.impact(b).put("businessImpact", "HUGE")),
                bad("requestedSeverity", b -> b.put("requestedSeverity", "D")),
                bad("outOfScopeReason", b -> b.put("outOfScopeReason", "LAZINESS")),
                bad("organization", b -> b.remove("organization")),
                bad("category", b -> b.remove("category")),
                bad("service", b -> b.remove("service")),
                bad("service", b -> b.put("service", "exchange online")),
                bad("title", b -> b.remove("title")),
                bad("title", b -> b.put("title", "")),
                bad("title", b -> b.put("title", "   ")),
                bad("title", b -> b.put("title", "x".repeat(201))),
                bad("title", b -> b.put("title", "Bell \u0007 rings")),
                bad("title", b -> b.put("title", "Escape \u001b[31m red")),
                bad("title", b -> b.put("title", "NUL \u0000 byte")),
                bad("description", b -> b.put("description", "y".repeat(20_001))),
                bad("description", b -> b.put("description", "bell \u0007")),
                bad("impact", b -> b.remove("impact")),
                bad("impact", b -> b.put("impact", "bad")),
                bad("impact.serviceUsable", b -> ApiClient.impact(b).remove("serviceUsable")),
                bad("impact.scope", b -> ApiClient.impact(b).remove("scope")),
                bad("impact.workaroundAvailable", b -> ApiClient.impact(b).put("workaroundAvailable", "perhaps")),
                bad("contact", b -> b.remove("contact")),
                bad("contact.email", b -> ApiClient.contact(b).remove("email")),
                bad("contact.email", b -> ApiClient.contact(b).put("email", "not-an-email")),
                bad("contact.email", b -> ApiClient.contact(b).put("email", "anna@")),
                bad("contact.name", b -> ApiClient.contact(b).put("name", "n".repeat(4_001))),
                bad("contact.phone", b -> ApiClient.contact(b).put("phone", "call me")),
                bad("selfServiceTried", b -> b.put("selfServiceTried", "sometimes")),
                bad("priority", b -> b.put("priority", "urgent")),
                bad("impact.color", b -> ApiClient.impact(b).put("color", "red")));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("badCaseBodies")
    void badCaseBodyNamesTheFieldAndCreatesNothing(String field, Consumer<Map<String, Object>> edit) {
        openWith(edit).expectInvalid(field);
        assertNothingCreated();
    }

    @Test
    void missingFieldsAreAllNamedAtOnce() {
        JsonNode problem = openWith(b -> {
            b.remove("title");
            b.remove("impact");
            ApiClient.contact(b).remove("email");
        }).expectInvalid("title");
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText())
                .contains("title", "impact", "contact.email");
        assertThat(problem.path("detail").asText()).contains("title", "impact", "contact.email");
        assertNothingCreated();
    }

    @Test
    void limitsAreInclusive() {
        open(admin, edited(b -> {
            b.put("title", "t".repeat(200));
            b.put("description", "d".repeat(20_000));
            ApiClient.contact(b).put("name", "n".repeat(4_000));
        }));
        casesBefore++;
        assertNothingCreated();
    }

    @Test
    void titleLimitCountsCharacters() {
        open(admin, edited(b -> b.put("title", "\uD83D\uDE00".repeat(150))));
        casesBefore++;
        assertNothingCreated();
    }

    @Test
    void malformedJsonIsA400Problem() {
        client(admin).post("/api/cases", "{\"organization\": \"" + org.id() + "\", \"title\": ").expectProblem(400);
        client(admin).post("/api/cases", "not json at all").expectProblem(400);
        client(admin).post("/api/cases", "[]").expectProblem(400);
        assertNothingCreated();
    }

    @Test
    void emptyBodyIsA400Problem() {
        client(admin).send("POST", "/api/cases", null, "application/json").expectProblem(400);
        client(admin).post("/api/cases", "").expectProblem(400);
        client(admin).post("/api/cases", "null").expectProblem(400);
        client(admin).post("/api/cases", "{}").expectInvalid("title");
        assertNothingCreated();
    }

    @Test
    void otherContentTypesAreRefusedWithoutServerError() {
        Response response = client(admin).send("POST", "/api/cases", "title=x", "application/x-www-form-urlencoded");
        assertThat(response.status()).isEqualTo(415);
        client(admin).send("DELETE", "/api/cases/" + closedCase, null, null).expect(405);
        assertNothingCreated();
    }

    // --- the actions -------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"{\"outcome\": \"MAYBE\"}", "{\"outcome\": null}", "{}", "{\"outcome\": \"SOLVED\", \"x\": 1}"})
    void badSelfServiceOutcome(String body) {
        JsonNode problem = client(admin).post("/api/cases/" + selfServiceCase + "/self-service", body)
                .expectProblem(400);
        assertThat(problem.path("errors")).extracting(e -> e.path("field").asText()).isNotEmpty()
                .allMatch(f -> f.equals("outcome") || f.equals("x"));
        assertThat(view(admin, selfServiceCase).path("status").asText()).isEqualTo("SELF_SERVICE");
        assertNothingCreated();
    }

    @Test
    void badReplies() {
        int messages = messages(waitingCase);
        client(admin).post("/api/cases/" + waitingCase + "/replies", Map.of("message", "m".repeat(4_001)))
                .expectInvalid("message");
        client(admin).post("/api/cases/" + waitingCase + "/replies", Map.of("message", "bell \u0007"))
                .expectInvalid("message");
        client(admin).post("/api/cases/" + waitingCase + "/replies", Map.of("message", " ")).expectInvalid("message");
        client(admin).post("/api/cases/" + waitingCase + "/replies", "{}").expectInvalid("message");
        client(admin).post("/api/cases/" + waitingCase + "/replies", "{\"message\": ").expectProblem(400);
        client(admin).send("POST", "/api/cases/" + waitingCase + "/replies", null, "application/json")
                .expectProblem(400);
        assertThat(view(admin, waitingCase).path("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(messages(waitingCase)).isEqualTo(messages);
    }

    @Test
    void aReplyOfExactly4000CharactersWithNewlinesAndTabsIsAccepted() {
        // on a closed case: valid input passes validation and meets the state check (409), no change
        String message = "line\tone\n" + "m".repeat(3_991);
        assertThat(message).hasSize(4_000);
        client(admin).post("/api/cases/" + closedCase + "/replies", Map.of("message", message)).expectProblem(409);
    }

    @Test
    void badReopenReasons() {
        client(admin).post("/api/cases/" + closedCase + "/reopen", Map.of("reason", "r".repeat(4_001)))
                .expectInvalid("reason");
        client(admin).post("/api/cases/" + closedCase + "/reopen", "{}").expectInvalid("reason");
        client(admin).post("/api/cases/" + closedCase + "/reopen", "{\"reason\": 42, \"force\": true}")
                .expectProblem(400);
        JsonNode view = view(admin, closedCase);
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("reopenCount").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"rating\": 0}", "{\"rating\": 6}", "{\"rating\": 3.5}", "{\"rating\": -1}",
            "{\"rating\": null}", "{}", "{\"rating\": \"three\"}", "{\"rating\": 99999999999}"})
    void badSurveyRatings(String body) {
        client(admin).post("/api/cases/" + closedCase + "/survey", body).expectInvalid("rating");
        assertThat(view(admin, closedCase).path("survey").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void badSurveyComment() {
        client(admin).post("/api/cases/" + closedCase + "/survey", Map.of("rating", 3, "comment", "c".repeat(4_001)))
                .expectInvalid("comment");
        client(admin).post("/api/cases/" + closedCase + "/survey", Map.of("rating", 3, "comment", "bell \u0007"))
                .expectInvalid("comment");
        assertThat(view(admin, closedCase).path("survey").path("status").asText()).isEqualTo("PENDING");
    }

    // --- query parameters and case numbers ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"OPEN", "engaged", "", "CLOSED,FINAL", "%E2%9C%93"})
    void invalidStatusFilterNamesStatus(String status) {
        Response response = client(admin).get("/api/cases?organization=" + org.id() + "&status=" + status);
        if (status.isEmpty()) {
            // an empty value means no filter
            assertThat(response.expect(200).json()).hasSize(casesBefore);
        } else {
            response.expectInvalid("status");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"SR-2000-000001", "SR-9999-99999999", "SR-1", "sr-2026-000001", "nonsense",
            "%20", "SR-2026-000001%20",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void unknownOrMalformedCaseNumberIs404Problem(String caseNumber) {
        assertThat(client(admin).get("/api/cases/" + caseNumber).status()).isEqualTo(404);
        client(admin).get("/api/cases/" + caseNumber).expectProblem(404);
        client(admin).get("/api/cases/" + caseNumber + "/messages").expectProblem(404);
        client(admin).post("/api/cases/" + caseNumber + "/reopen", Map.of("reason", "x")).expectProblem(404);
        client(admin).post("/api/cases/" + caseNumber + "/survey", Map.of("rating", 3)).expectProblem(404);
        client(admin).post("/api/cases/" + caseNumber + "/replies", Map.of("message", "x")).expectProblem(404);
        client(admin).post("/api/cases/" + caseNumber + "/self-service", Map.of("outcome", "SOLVED"))
                .expectProblem(404);
        assertNothingCreated();
    }

    @ParameterizedTest
    @ValueSource(strings = {"SR-2026-00000%2F1", "SR-2026-000001%00", "..%2F..%2Fengine-rest", "%ff", "SR-2026-%5C1"})
    void hostileCaseNumbersAreRefusedWithoutServerError(String caseNumber) {
        assertThat(client(admin).get("/api/cases/" + caseNumber).status()).isIn(400, 404);
        assertThat(client(admin).post("/api/cases/" + caseNumber + "/reopen", Map.of("reason", "x")).status())
                .isIn(400, 404);
        assertNothingCreated();
    }

    private int messages(String caseNumber) {
        return client(admin).get("/api/cases/" + caseNumber + "/messages").expect(200).json().size();
    }

    private Map<String, Object> edited(Consumer<Map<String, Object>> edit) {
        Map<String, Object> body = new LinkedHashMap<>(ApiClient.caseBody(org.id()));
        edit.accept(body);
        return body;
    }
}
