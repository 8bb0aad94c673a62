package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Who may read and act on a case, over real HTTP with HTTP Basic. */
@SupportoTest
class CaseApiAccessTest extends ApiTestSupport {

    Organization org;
    SupportUser admin;
    Organization otherOrg;
    SupportUser otherAdmin;

    @BeforeEach
    void organizations() {
        org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        admin = fixtures.adminOf(org);
        otherOrg = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        otherAdmin = fixtures.adminOf(otherOrg);
    }

    @Test
    void anotherOrganizationsAdminGets404OnReadingAndActingOnTheCase() {
        String selfService = open(admin, ApiClient.minorCaseBody(org.id())).path("caseNumber").asText();
        String closed = closedCase(admin, org);
        ApiClient intruder = client(otherAdmin);

        intruder.get("/api/cases/" + closed).expectProblem(404);
        intruder.get("/api/cases/" + closed + "/messages").expectProblem(404);
        intruder.post("/api/cases/" + selfService + "/self-service", Map.of("outcome", "SOLVED")).expectProblem(404);
        intruder.post("/api/cases/" + closed + "/replies", Map.of("message", "Hi")).expectProblem(404);
        intruder.post("/api/cases/" + closed + "/reopen", Map.of("reason", "Mine now")).expectProblem(404);
        intruder.post("/api/cases/" + closed + "/survey", Map.of("rating", 1)).expectProblem(404);

        // the 404 for a case that exists reads like the 404 for one that does not
        JsonNode hidden = intruder.get("/api/cases/" + closed).expectProblem(404);
        JsonNode missing = intruder.get("/api/cases/SR-2000-999999").expectProblem(404);
        assertThat(hidden.path("title")).isEqualTo(missing.path("title"));
        assertThat(hidden.path("detail").asText().replace(closed, "N"))
                .isEqualTo(missing.path("detail").asText().replace("SR-2000-999999", "N"));

        assertThat(view(admin, selfService).path("status").asText()).isEqualTo("SELF_SERVICE");
        JsonNode closedView = view(admin, closed);
        assertThat(closedView.path("status").asText()).isEqualTo("CLOSED");
        assertThat(closedView.path("survey").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void anotherOrganizationsAdminMayNotOpenCasesForIt() {
        int before = countCases(admin, org);
        client(otherAdmin).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expectProblem(403);
        client(otherAdmin).post("/api/cases", ApiClient.criticalCaseBody(Fixtures.unique("unknown-org")))
                .expectProblem(403);
        assertThat(countCases(admin, org)).isEqualTo(before);
    }

    @Test
    void aDelegatedPartnerOpensAndActsForTheOrganization() {
        SupportUser partner = fixtures.user(Groups.PARTNERS, org.id(), otherOrg.id());

        JsonNode opened = open(partner, ApiClient.minorCaseBody(org.id()));
        String n = opened.path("caseNumber").asText();
        assertThat(view(admin, n).path("status").asText()).isEqualTo("SELF_SERVICE");
        client(partner).post("/api/cases/" + n + "/self-service", Map.of("outcome", "NEED_HELP")).expect(200);

        String closed = closedCase(admin, org);
        assertThat(view(partner, closed).path("status").asText()).isEqualTo("CLOSED");
        client(partner).post("/api/cases/" + closed + "/survey", Map.of("rating", 5)).expect(200);
        client(partner).post("/api/cases/" + closed + "/reopen", Map.of("reason", "Back again")).expect(200);
        client(partner).post("/api/cases/" + closed + "/replies", Map.of("message", "More detail")).expect(200);

        assertThat(client(partner).get("/api/cases?organization=" + org.id()).expect(200).json())
                .extracting(v -> v.path("caseNumber").asText()).contains(n, closed);
    }

    @Test
    void aPartnerNotDelegatedByTheOrganizationIsAStranger() {
        SupportUser partner = fixtures.user(Groups.PARTNERS, otherOrg.id());
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        client(partner).get("/api/cases/" + n).expectProblem(404);
        client(partner).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expectProblem(403);
        assertThat(client(partner).get("/api/cases?organization=" + org.id()).expect(200).json()).isEmpty();
    }

    @Test
    void aTenantMemberWhoIsNotAnAdminMayNeitherReadNorOpen() {
        SupportUser member = fixtures.user(null, org.id());
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        int before = countCases(admin, org);

        client(member).get("/api/cases/" + n).expectProblem(404);
        client(member).post("/api/cases/" + n + "/replies", Map.of("message", "Me too")).expectProblem(404);
        client(member).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expectProblem(403);
        assertThat(client(member).get("/api/cases?organization=" + org.id()).expect(200).json()).isEmpty();
        assertThat(client(member).get("/api/cases").expect(200).json()).isEmpty();
        assertThat(countCases(admin, org)).isEqualTo(before);
    }

    @Test
    void noCredentialsIs401WithChallengeAndProblem() {
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        for (ApiClient.Response response : new ApiClient.Response[] {
                anonymous().get("/api/cases/" + n),
                anonymous().get("/api/cases"),
                anonymous().post("/api/cases", ApiClient.criticalCaseBody(org.id())),
                anonymous().post("/api/cases/" + n + "/replies", Map.of("message", "hi")),
                anonymous().get("/api/organizations/" + org.id())}) {
            response.expectProblem(401);
            assertThat(response.header("WWW-Authenticate")).as(response.call()).hasValueSatisfying(
                    challenge -> assertThat(challenge).startsWith("Basic realm="));
        }
        assertThat(countCases(admin, org)).isEqualTo(1);
    }

    @Test
    void wrongPasswordOrUnknownUserIs401() {
        // a user of its own: Camunda delays further logins of a user after a failed attempt
        SupportUser victim = fixtures.adminOf(org);
        ApiClient.as(port, victim.id(), "not-the-password").get("/api/cases").expectProblem(401);
        ApiClient.as(port, Fixtures.unique("ghost"), Fixtures.PASSWORD).get("/api/cases").expectProblem(401);
        ApiClient.as(port, "", "").get("/api/cases").expectProblem(401);
        ApiClient.withAuthorization(port, "Basic not-base64!").get("/api/cases").expectProblem(401);
        ApiClient.as(port, victim.id(), "not-the-password")
                .post("/api/cases", ApiClient.criticalCaseBody(org.id())).expectProblem(401);
        assertThat(countCases(admin, org)).isZero();
    }

    @Test
    void aSupportEngineerReadsATechnicalCaseButMayNotActOnIt() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        String n = closedCase(admin, org);

        assertThat(view(engineer, n).path("caseNumber").asText()).isEqualTo(n);
        assertThat(client(engineer).get("/api/cases?organization=" + org.id()).expect(200).json())
                .extracting(v -> v.path("caseNumber").asText()).contains(n);
        client(engineer).post("/api/cases/" + n + "/reopen", Map.of("reason", "I say so")).expectProblem(403);
        client(engineer).post("/api/cases/" + n + "/survey", Map.of("rating", 5)).expectProblem(403);
        client(engineer).post("/api/cases", ApiClient.criticalCaseBody(org.id())).expectProblem(403);

        JsonNode view = view(admin, n);
        assertThat(view.path("status").asText()).isEqualTo("CLOSED");
        assertThat(view.path("survey").path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void anotherTeamDoesNotSeeATechnicalCase() {
        SupportUser billing = fixtures.user(Groups.BILLING_SPECIALISTS);
        String n = open(admin, ApiClient.criticalCaseBody(org.id())).path("caseNumber").asText();
        client(billing).get("/api/cases/" + n).expectProblem(404);
        assertThat(client(billing).get("/api/cases?organization=" + org.id()).expect(200).json()).isEmpty();
    }

    @Test
    void managersAndProcessOwnersReadEveryCaseButDoNotAct() {
        String n = closedCase(admin, org);
        for (String group : new String[] {Groups.SUPPORT_MANAGERS, Groups.PROCESS_OWNERS}) {
            SupportUser user = fixtures.user(group);
            assertThat(view(user, n).path("caseNumber").asText()).as(group).isEqualTo(n);
            client(user).post("/api/cases/" + n + "/reopen", Map.of("reason", "x")).expectProblem(403);
        }
    }

    @Test
    void aCustomerAdminMayNotManageOrganizations() {
        client(admin).put("/api/organizations/" + org.id(), ApiClient.organizationBody("Mine")).expectProblem(403);
        client(admin).put("/api/organizations/" + Fixtures.unique("new"), ApiClient.organizationBody("New"))
                .expectProblem(403);
    }
}
