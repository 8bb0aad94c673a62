package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.ApiClient.Response;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The happy path of each Case API endpoint, over real HTTP. */
@SupportoTest
class CaseApiTest extends ApiTestSupport {

    Organization org;
    SupportUser admin;

    @BeforeEach
    void organization() {
        org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        admin = fixtures.adminOf(org);
    }

    @Test
    void openingASeverityACaseAnswers201WithLocationAndTheEngagedView() {
        Response response = client(admin).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expect(201);
        JsonNode view = response.json();

        String n = view.path("caseNumber").asText();
        assertThat(n).matches(CASE_NUMBER);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.header("Location")).isPresent();
        assertThat(URI.create(response.header("Location").get()).getPath()).isEqualTo("/api/cases/" + n);

        assertThat(view.path("organization").asText()).isEqualTo(org.id());
        assertThat(view.path("status").asText()).isEqualTo("ENGAGED");
        assertThat(view.path("category").asText()).isEqualTo("TECHNICAL");
        assertThat(view.path("severity").asText()).isEqualTo("A");
        assertThat(view.path("plan").asText()).isEqualTo("BUSINESS_STANDARD");
        assertThat(view.path("elevatedSupport").asBoolean()).isFalse();
        assertThat(view.path("availability").asText()).isEqualTo("24x7");
        assertThat(view.path("responseTarget").asText()).isEqualTo("PT1H");
        assertThat(view.path("firstResponseDueAt").isNull()).as("firstResponseDueAt set").isFalse();
        assertThat(Instant.parse(view.path("firstResponseDueAt").asText()))
                .isEqualTo(Instant.parse(view.path("engagedAt").asText()).plus(Duration.ofHours(1)));
        assertThat(view.path("firstRespondedAt").isNull()).isTrue();
        assertThat(view.path("slaBreached").asBoolean()).isFalse();
        assertThat(view.path("closedAt").isNull()).isTrue();
        assertThat(view.path("reopenCount").asInt()).isZero();
        assertThat(view.path("survey").isNull()).isTrue();
        assertTimesInUtc(view);

        assertThat(view(admin, n)).isEqualTo(view);
    }

    @Test
    void aSeverityCCaseStartsInSelfService() {
        JsonNode view = open(admin, ApiClient.minorCaseBody(org.id()));
        assertThat(view.path("severity").asText()).isEqualTo("C");
        assertThat(view.path("status").asText()).isEqualTo("SELF_SERVICE");
        assertThat(view.path("engagedAt").isNull()).isTrue();
        assertTimesInUtc(view);
    }

    @Test
    void newlineAndTabAreAllowedInTheDescription() {
        Map<String, Object> body = ApiClient.minorCaseBody(org.id());
        body.put("description", "Line one\n\tindented line two\nline three");
        open(admin, body);
    }

    @Test
    void listFiltersByOrganizationAndStatus() {
        String a = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        String c = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        Organization other = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser otherAdmin = fixtures.adminOf(other);
        String o = open(otherAdmin, ApiClient.criticalCaseBody(other.id())).path("caseNumber").asText();
        SupportUser manager = fixtures.user(Groups.SUPPORT_MANAGERS);

        assertThat(caseNumbers(client(admin).get("/api/cases?organization=" + org.id())))
                .containsExactlyInAnyOrder(a, c);
        assertThat(caseNumbers(client(admin).get("/api/cases?organization=" + org.id() + "&status=SELF_SERVICE")))
                .containsExactly(c);
        assertThat(caseNumbers(client(admin).get("/api/cases?status=ENGAGED"))).containsExactly(a);
        assertThat(caseNumbers(client(manager).get("/api/cases?organization=" + other.id()))).containsExactly(o);
        assertThat(caseNumbers(client(manager).get("/api/cases?organization=" + org.id() + "&status=ENGAGED")))
                .containsExactly(a);
        client(admin).get("/api/cases").expect(200).json()
                .forEach(view -> assertTimesInUtc(view));
    }

    @Test
    void aCustomerAdminOnlyEverSeesTheirOwnOrganizationsCases() {
        String mine = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        Organization other = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        open(fixtures.adminOf(other), ApiClient.criticalCaseBody(other.id()));

        JsonNode all = client(admin).get("/api/cases").expect(200).json();
        assertThat(all).isNotEmpty();
        all.forEach(view -> assertThat(view.path("organization").asText()).isEqualTo(org.id()));
        assertThat(caseNumbers(client(admin).get("/api/cases"))).containsExactly(mine);
        assertThat(client(admin).get("/api/cases?organization=" + other.id()).expect(200).json()).isEmpty();
        assertThat(client(admin).get("/api/cases?organization=" + other.id() + "&status=ENGAGED").expect(200).json())
                .isEmpty();
    }

    @Test
    void selfServiceSolvedClosesTheCase() {
        String n = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        JsonNode view = client(admin).post("/api/cases/" + n + "/self-service", Map.of("outcome", "SOLVED"))
                .expect(200).json();
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("closedAt").isNull()).isFalse();
        assertTimesInUtc(view);

        client(admin).post("/api/cases/" + n + "/self-service", Map.of("outcome", "NEED_HELP")).expectProblem(409);
    }

    @Test
    void selfServiceNeedHelpEngagesSupport() {
        String n = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        JsonNode view = client(admin).post("/api/cases/" + n + "/self-service", Map.of("outcome", "NEED_HELP"))
                .expect(200).json();
        assertThat(view.path("status").asText()).isEqualTo("ENGAGED");
        assertThat(view.path("engagedAt").isNull()).isFalse();
        assertTimesInUtc(view);
    }

    @Test
    void selfServiceOutcomeOnAnEngagedCaseIs409() {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        client(admin).post("/api/cases/" + n + "/self-service", Map.of("outcome", "SOLVED")).expectProblem(409);
        assertThat(view(admin, n).path("status").asText()).isEqualTo("ENGAGED");
    }

    @Test
    void replyResumesACaseWaitingOnTheCustomer() {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        completeTask(n, "firstResponse", "responseMessage", "Looking into it.");
        completeTask(n, "workCase", "action", "REQUEST_INFO", "question", "Which connector?");
        assertThat(view(admin, n).path("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");

        JsonNode view = client(admin).post("/api/cases/" + n + "/replies", Map.of("message", "The outbound one."))
                .expect(200).json();
        assertThat(view.path("status").asText()).isEqualTo("ENGAGED");
        assertThat(view.path("firstRespondedAt").isNull()).isFalse();
        assertTimesInUtc(view);

        JsonNode messages = client(admin).get("/api/cases/" + n + "/messages").expect(200).json();
        assertThat(messages).extracting(m -> m.path("body").asText()).contains("The outbound one.");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(n).taskDefinitionKey("workCase").count())
                .isEqualTo(1);
    }

    @Test
    void reopenAClosedCase() {
        String n = closedCase(admin, org);
        JsonNode closed = view(admin, n);
        assertThat(closed.path("closedAt").isNull()).isFalse();
        assertThat(closed.path("reopenableUntil").isNull()).isFalse();
        assertTimesInUtc(closed);

        JsonNode view = client(admin).post("/api/cases/" + n + "/reopen", Map.of("reason", "Still broken."))
                .expect(200).json();
        assertThat(view.path("status").asText()).isEqualTo("ENGAGED");
        assertThat(view.path("reopenCount").asInt()).isEqualTo(1);
        assertThat(view.path("caseNumber").asText()).isEqualTo(n);
        assertThat(view.path("severity").asText()).isEqualTo("A");
        assertTimesInUtc(view);

        client(admin).post("/api/cases/" + n + "/reopen", Map.of("reason", "Again.")).expectProblem(409);
    }

    @Test
    void reopenOfACaseThatIsNotClosedIs409() {
        String engaged = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        String selfService = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        client(admin).post("/api/cases/" + engaged + "/reopen", Map.of("reason", "Why not")).expectProblem(409);
        client(admin).post("/api/cases/" + selfService + "/reopen", Map.of("reason", "Why not")).expectProblem(409);
        assertThat(view(admin, engaged).path("reopenCount").asInt()).isZero();
    }

    @Test
    void surveyOfAClosedCaseIsAnsweredOnce() {
        String n = closedCase(admin, org);
        assertThat(view(admin, n).path("survey").path("status").asText()).isEqualTo("PENDING");

        JsonNode view = client(admin).post("/api/cases/" + n + "/survey", Map.of("rating", 4, "comment", "Quick."))
                .expect(200).json();
        assertThat(view.path("survey").path("status").asText()).isEqualTo("ANSWERED");
        assertThat(view.path("survey").path("rating").asInt()).isEqualTo(4);
        assertThat(view.path("survey").path("comment").asText()).isEqualTo("Quick.");
        assertThat(view.path("survey").path("answeredAt").asText()).matches(UTC_INSTANT);
        assertTimesInUtc(view);

        client(admin).post("/api/cases/" + n + "/survey", Map.of("rating", 1)).expectProblem(409);
        assertThat(view(admin, n).path("survey").path("rating").asInt()).isEqualTo(4);
    }

    @Test
    void surveyOfACaseThatIsNotClosedIs409() {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        client(admin).post("/api/cases/" + n + "/survey", Map.of("rating", 5)).expectProblem(409);
    }

    @Test
    void requestedSeverityIsHonouredOnlyWithElevatedSupport() {
        Organization elevated = fixtures.organization(Plan.ENTERPRISE, true);
        SupportUser elevatedAdmin = fixtures.adminOf(elevated);
        Map<String, Object> body = ApiClient.minorCaseBody(elevated.id());
        body.put("requestedSeverity", "A");
        JsonNode view = open(elevatedAdmin, body);
        assertThat(view.path("severity").asText()).isEqualTo("A");
        assertThat(view.path("status").asText()).isEqualTo("ENGAGED");
        assertThat(view.path("elevatedSupport").asBoolean()).isTrue();

        Map<String, Object> ignored = ApiClient.minorCaseBody(org.id());
        ignored.put("requestedSeverity", "A");
        assertThat(open(admin, ignored).path("severity").asText()).isEqualTo("C");
    }

    @Test
    void anOutOfScopeRequestIsAnsweredWithAReferralAndTakesNoActions() {
        Map<String, Object> body = ApiClient.minorCaseBody(org.id());
        body.put("outOfScopeReason", "SCRIPTING");
        JsonNode view = open(admin, body);
        String n = view.path("caseNumber").asText();
        assertThat(view.path("status").asText()).isEqualTo("OUT_OF_SCOPE");
        assertThat(view.path("outOfScopeReason").asText()).isEqualTo("SCRIPTING");
        assertThat(view.path("referral").asText()).isNotBlank();
        assertTimesInUtc(view);

        client(admin).post("/api/cases/" + n + "/replies", Map.of("message", "But why?")).expectProblem(409);
        client(admin).post("/api/cases/" + n + "/reopen", Map.of("reason", "Please")).expectProblem(409);
        client(admin).post("/api/cases/" + n + "/self-service", Map.of("outcome", "NEED_HELP")).expectProblem(409);
        client(admin).post("/api/cases/" + n + "/survey", Map.of("rating", 3)).expectProblem(409);
    }

    @Test
    void emptyFilterValuesMeanNoFilter() {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        assertThat(caseNumbers(client(admin).get("/api/cases?organization=&status="))).containsExactly(n);
        assertThat(caseNumbers(client(admin).get("/api/cases?organization=&status=ENGAGED"))).containsExactly(n);
    }

    private static java.util.List<String> caseNumbers(Response response) {
        JsonNode list = response.expect(200).json();
        assertThat(list.isArray()).isTrue();
        return java.util.stream.StreamSupport.stream(list.spliterator(), false)
                .map(v -> v.path("caseNumber").asText()).toList();
    }
}
