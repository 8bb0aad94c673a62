package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

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
    void tasklistsEngineApiAnswers503InsteadOf500() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
        String base = "http://localhost:" + port + "/camunda/api/";
        // as Tasklist does: a first GET hands out the CSRF token, the login sends it back
        browser.send(HttpRequest.newBuilder(URI.create(base + "admin/auth/user/default")).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        String csrf = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> login = browser.send(HttpRequest.newBuilder(URI.create(base + "admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", csrf)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + adminId + "&password=" + adminPassword))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        HttpRequest tasks = HttpRequest.newBuilder(URI.create(base + "engine/engine/default/task"))
                .header("Accept", "application/json").GET().build();
        outage.beginBelow("org.camunda.bpm.engine.rest.impl.");

        HttpResponse<String> during = browser.send(tasks, HttpResponse.BodyHandlers.ofString());
        assertThat(during.statusCode()).as(during.body()).isEqualTo(503);
        assertThat(during.headers().firstValue("Retry-After")).hasValue(UnavailableFilter.RETRY_AFTER_SECONDS);

        outage.end();
        assertThat(browser.send(tasks, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
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
