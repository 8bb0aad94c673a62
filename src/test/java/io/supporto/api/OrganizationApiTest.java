package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** PUT and GET /api/organizations/{id}: support managers and Camunda admins only. */
@SupportoTest
class OrganizationApiTest extends ApiTestSupport {

    @Autowired IdentityService identityService;
    @Value("${camunda.bpm.admin-user.id}") String adminId;
    @Value("${camunda.bpm.admin-user.password}") String adminPassword;

    SupportUser manager;

    @BeforeEach
    void manager() {
        manager = fixtures.user(Groups.SUPPORT_MANAGERS);
    }

    @Test
    void supportManagerCreatesThenUpdatesAnOrganizationAndReadsItBack() {
        String id = Fixtures.unique("contoso");
        Map<String, Object> body = ApiClient.organizationBody("Contoso S.p.A.");

        JsonNode created = client(manager).put("/api/organizations/" + id, body).expect(201).json();
        assertThat(created.path("id").asText()).isEqualTo(id);
        assertThat(created.path("name").asText()).isEqualTo("Contoso S.p.A.");
        assertThat(created.path("plan").asText()).isEqualTo("BUSINESS_STANDARD");
        assertThat(identityService.createTenantQuery().tenantId(id).count()).as("tenant of %s", id).isEqualTo(1);

        body.put("name", "Contoso Italia S.p.A.");
        body.put("plan", "ENTERPRISE");
        body.put("elevatedSupport", true);
        body.put("country", "DE");
        body.put("timeZone", "Europe/Berlin");
        body.put("language", "de");
        body.put("adminEmails", List.of("a@contoso.example", "b@contoso.example"));
        client(manager).put("/api/organizations/" + id, body).expect(200);

        JsonNode read = client(manager).get("/api/organizations/" + id).expect(200).json();
        assertThat(read.path("id").asText()).isEqualTo(id);
        assertThat(read.path("name").asText()).isEqualTo("Contoso Italia S.p.A.");
        assertThat(read.path("plan").asText()).isEqualTo("ENTERPRISE");
        assertThat(read.path("elevatedSupport").asBoolean()).isTrue();
        assertThat(read.path("country").asText()).isEqualTo("DE");
        assertThat(read.path("timeZone").asText()).isEqualTo("Europe/Berlin");
        assertThat(read.path("language").asText()).isEqualTo("de");
        assertThat(read.path("adminEmails")).extracting(JsonNode::asText)
                .containsExactly("a@contoso.example", "b@contoso.example");
        assertThat(identityService.createTenantQuery().tenantId(id).singleResult().getName())
                .isEqualTo("Contoso Italia S.p.A.");
    }

    @Test
    void camundaAdminManagesOrganizationsToo() {
        String id = Fixtures.unique("fabrikam");
        ApiClient admin = ApiClient.as(port, adminId, adminPassword);
        admin.put("/api/organizations/" + id, ApiClient.organizationBody("Fabrikam")).expect(201);
        assertThat(admin.get("/api/organizations/" + id).expect(200).json().path("name").asText())
                .isEqualTo("Fabrikam");
    }

    @Test
    void customerAdminMayNeitherWriteNorReadOrganizations() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser customerAdmin = fixtures.adminOf(org);

        client(customerAdmin).put("/api/organizations/" + org.id(), ApiClient.organizationBody("Hijacked"))
                .expectProblem(403);
        String newId = Fixtures.unique("rogue");
        client(customerAdmin).put("/api/organizations/" + newId, ApiClient.organizationBody("Rogue"))
                .expectProblem(403);
        client(customerAdmin).get("/api/organizations/" + org.id()).expectProblem(403);

        assertThat(client(manager).get("/api/organizations/" + org.id()).expect(200).json().path("name").asText())
                .isEqualTo(org.name());
        client(manager).get("/api/organizations/" + newId).expectProblem(404);
    }

    @Test
    void supportEngineerMayNotManageOrganizations() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        client(engineer).put("/api/organizations/" + Fixtures.unique("eng"), ApiClient.organizationBody("X"))
                .expectProblem(403);
    }

    @Test
    void withoutCredentialsIsUnauthorized() {
        anonymous().put("/api/organizations/" + Fixtures.unique("anon"), ApiClient.organizationBody("X"))
                .expectProblem(401);
    }

    @Test
    void unknownOrganizationIsAProblem404() {
        client(manager).get("/api/organizations/" + Fixtures.unique("nobody")).expectProblem(404);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            plan        | GOLD
            plan        | NULL
            country     | XX
            country     | it
            country     | NULL
            timeZone    | Mars/Base
            timeZone    | +02:00
            language    | xx
            language    | NULL
            name        | NULL
            name        | ''
            adminEmails | NULL
            elevatedSupport | NULL
            """)
    void invalidFieldIsNamedAndNothingIsSaved(String field, String value) {
        String id = Fixtures.unique("invalid");
        Map<String, Object> body = ApiClient.organizationBody("Invalid");
        body.put(field, value);

        client(manager).put("/api/organizations/" + id, body).expectInvalid(field);

        client(manager).get("/api/organizations/" + id).expectProblem(404);
        assertThat(identityService.createTenantQuery().tenantId(id).count()).isZero();
    }

    @Test
    void emptyOrInvalidAdminEmailsAreRefused() {
        String id = Fixtures.unique("emails");
        Map<String, Object> body = ApiClient.organizationBody("Emails");
        body.put("adminEmails", List.of());
        client(manager).put("/api/organizations/" + id, body).expectInvalid("adminEmails");
        body.put("adminEmails", List.of("ok@contoso.example", "not-an-email"));
        client(manager).put("/api/organizations/" + id, body).expectInvalid("adminEmails[1]");
        client(manager).get("/api/organizations/" + id).expectProblem(404);
    }

    @Test
    void invalidUpdateLeavesTheOrganizationAsItWas() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        Map<String, Object> body = ApiClient.organizationBody("Changed");
        body.put("plan", "GOLD");

        client(manager).put("/api/organizations/" + org.id(), body).expectInvalid("plan");

        JsonNode read = client(manager).get("/api/organizations/" + org.id()).expect(200).json();
        assertThat(read.path("name").asText()).isEqualTo(org.name());
        assertThat(read.path("plan").asText()).isEqualTo("BUSINESS_STANDARD");
    }

    @Test
    void unknownFieldAndBadIdAreRefused() {
        Map<String, Object> body = ApiClient.organizationBody("Extra");
        body.put("discount", 50);
        client(manager).put("/api/organizations/" + Fixtures.unique("extra"), body).expectInvalid("discount");

        client(manager).put("/api/organizations/bad_id", ApiClient.organizationBody("Bad id")).expectInvalid("id");
        client(manager).put("/api/organizations/" + "a".repeat(65), ApiClient.organizationBody("Long id"))
                .expectInvalid("id");
        client(manager).get("/api/organizations/bad_id").expectProblem(404);
    }

    @Test
    void malformedAndEmptyBodiesAreProblems400() {
        String id = Fixtures.unique("malformed");
        client(manager).put("/api/organizations/" + id, "{\"name\": ").expectProblem(400);
        client(manager).send("PUT", "/api/organizations/" + id, null, "application/json").expectProblem(400);
        client(manager).get("/api/organizations/" + id).expectProblem(404);
    }
}
