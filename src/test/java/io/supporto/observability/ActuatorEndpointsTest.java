package io.supporto.observability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** /actuator over real HTTP: who sees the health details, who may scrape, and what the scrape shows. */
@SupportoTest
class ActuatorEndpointsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired SupportCaseService cases;

    ApiClient as(SupportUser user) {
        return ApiClient.as(port, user.id(), Fixtures.PASSWORD);
    }

    @Test
    void healthIsPublicButShowsOnlyTheStatus() {
        JsonNode health = ApiClient.anonymous(port).get("/actuator/health").expect(200).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as("components in %s", health).isFalse();
        assertThat(health.has("details")).isFalse();
    }

    @Test
    void customersSeeOnlyTheStatusToo() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        JsonNode health = as(fixtures.adminOf(org)).get("/actuator/health").expect(200).json();
        assertThat(health.path("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as("components in %s", health).isFalse();
    }

    @Test
    void staffSeeEngineDatabaseMailAndJobBacklog() {
        for (String group : new String[] {Groups.PROCESS_OWNERS, Groups.SUPPORT_MANAGERS}) {
            JsonNode health = as(fixtures.user(group)).get("/actuator/health").expect(200).json();
            JsonNode components = health.path("components");
            assertThat(components.has("db")).as("%s sees db in %s", group, health).isTrue();
            assertThat(components.has("mail")).as("%s sees mail in %s", group, health).isTrue();
            assertThat(components.has("processEngine")).as("%s sees processEngine in %s", group, health).isTrue();
            JsonNode backlog = components.path("jobBacklog");
            assertThat(backlog.path("status").asText()).isEqualTo("UP");
            assertThat(backlog.path("details").path("dueJobs").isNumber()).as("%s", backlog).isTrue();
            assertThat(backlog.path("details").path("failedJobs").isNumber()).as("%s", backlog).isTrue();
            assertThat(backlog.path("details").path("openIncidents").isNumber()).as("%s", backlog).isTrue();
            assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
            assertThat(components.path("mail").path("status").asText()).isEqualTo("UP");
        }
    }

    /** What a container health check and a load balancer ask (Dockerfile, compose.yaml). */
    @Test
    void theNodeGroupIsReadyOnlyWithEveryDefinitionLoadedAndTheNodeStarted() {
        assertThat(ApiClient.anonymous(port).get("/actuator/health/node").expect(200).json().path("status").asText())
                .isEqualTo("UP");
        JsonNode node = as(fixtures.user(Groups.PROCESS_OWNERS)).get("/actuator/health/node").expect(200).json();
        JsonNode components = node.path("components");
        assertThat(components.properties()).extracting(Map.Entry::getKey)
                .as("members of the node group in %s (jobExecutor exists only where the executor runs,"
                        + " not in the tests)", node)
                .containsExactlyInAnyOrder("db", "processEngine", "deployedDefinitions", "readinessState")
                .doesNotContain("mail");
        JsonNode definitions = components.path("deployedDefinitions");
        assertThat(definitions.path("status").asText()).isEqualTo("UP");
        assertThat(definitions.path("details").path("processDefinitions").asInt())
                .as("support-case, notification-delivery and phone-intake loaded: %s", definitions)
                .isGreaterThanOrEqualTo(3);
        assertThat(definitions.path("details").path("decisionDefinitions").asInt())
                .as("severity, response-target, self-service-suggestions, out-of-scope-referral: %s", definitions)
                .isGreaterThanOrEqualTo(4);
        assertThat(components.path("readinessState").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void prometheusNeedsCredentials() {
        Scrape anonymous = scrape(null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.wwwAuthenticate()).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        ApiClient.anonymous(port).get("/actuator/metrics").expect(401);
        ApiClient.as(port, fixtures.user(Groups.PROCESS_OWNERS).id(), "wrong").get("/actuator/metrics").expect(401);
    }

    @Test
    void customersAndTeamsMayNotScrape() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        assertThat(scrape(fixtures.adminOf(org)).status()).isEqualTo(403);
        assertThat(scrape(fixtures.user(Groups.SUPPORT_ENGINEERS)).status()).isEqualTo(403);
        as(fixtures.adminOf(org)).get("/actuator/metrics").expect(403);
    }

    @Test
    void onlyTheFourEndpointsAreExposed() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);
        as(owner).get("/actuator/info").expect(200);
        as(owner).get("/actuator/metrics/supporto.cases.opened").expect(200);
        for (String hidden : new String[] {"/actuator/env", "/actuator/beans", "/actuator/loggers",
                "/actuator/configprops", "/actuator/threaddump", "/actuator/heapdump"}) {
            assertThat(as(owner).get(hidden).status()).as(hidden).isEqualTo(404);
        }
    }

    @Test
    void openingACaseCountsItBySeverityAndPlanFamily() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);
        Map<String, String> labels = Map.of("severity", "A", "plan_family", "ENTERPRISE");
        double before = value(scrape(owner).expect200().body(), "supporto_cases_opened_total", labels);
        double otherBefore = value(scrape(owner).body(), "supporto_cases_opened_total",
                Map.of("severity", "A", "plan_family", "BUSINESS"));

        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        cases.open(Fixtures.request(org).critical().build(), fixtures.adminOf(org));

        String text = scrape(owner).expect200().body();
        assertThat(value(text, "supporto_cases_opened_total", labels)).isEqualTo(before + 1);
        assertThat(value(text, "supporto_cases_opened_total", Map.of("severity", "A", "plan_family", "BUSINESS")))
                .isEqualTo(otherBefore);
        // a severity A case goes straight to the engineers: their open task is in the gauge
        assertThat(value(text, "supporto_tasks_open", Map.of("team", "support-engineers"))).isGreaterThanOrEqualTo(1);
        for (String team : new String[] {"billing-specialists", "presales-advisors", "support-managers"}) {
            assertThat(value(text, "supporto_tasks_open", Map.of("team", team))).as(team).isGreaterThanOrEqualTo(0);
        }
        assertThat(value(text, "supporto_jobs_failed", Map.of())).isGreaterThanOrEqualTo(0);
        assertThat(value(text, "supporto_incidents_open", Map.of())).isGreaterThanOrEqualTo(0);
        for (String series : new String[] {"supporto_cases_closed_total", "supporto_sla_breaches_total",
                "supporto_sla_warnings_total", "supporto_sla_reminders_total"}) {
            assertThat(text).as(series).contains(series);
        }
    }

    @Test
    void requestsAreTimedWholeWithoutSpringSecuritysPerFilterObservations() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);
        as(owner).get("/actuator/info").expect(200);
        String text = scrape(owner).expect200().body();
        assertThat(text).contains("http_server_requests_seconds_count");
        assertThat(text).doesNotContain("spring_security_");
    }

    /** The sample of the metric with exactly these labels in Prometheus' text format. */
    static double value(String text, String metric, Map<String, String> labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(metric) + "(\\{(.*)})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(text);
        while (m.find()) {
            String labelText = m.group(2) == null ? "" : m.group(2);
            Map<String, String> found = new java.util.HashMap<>();
            Matcher pair = Pattern.compile("(\\w+)=\"([^\"]*)\"").matcher(labelText);
            while (pair.find()) {
                found.put(pair.group(1), pair.group(2));
            }
            if (found.equals(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError("No sample " + metric + labels + " in:\n" + text);
    }

    record Scrape(int status, String body, Optional<String> wwwAuthenticate) {
        Scrape expect200() {
            assertThat(status).as("scrape answered %s", body).isEqualTo(200);
            return this;
        }
    }

    /** GET /actuator/prometheus as Prometheus does (text format), as the user or anonymously. */
    Scrape scrape(SupportUser user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .timeout(Duration.ofSeconds(30)).header("Accept", "text/plain");
        if (user != null) {
            request.header("Authorization", ApiClient.basic(user.id(), Fixtures.PASSWORD));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() == 200) {
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/plain"));
            }
            return new Scrape(response.statusCode(), response.body(), response.headers().firstValue("WWW-Authenticate"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
