package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;

/** GET /api/reports/sla: who may read it, what it counts, and bad ranges. */
@SupportoTest
class ReportApiTest extends ApiTestSupport {

    @Test
    void managersAndProcessOwnersReadTheSlaReport() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        open(admin, ApiClient.criticalCaseBody(org.id()));
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        JsonNode report = client(fixtures.user(Groups.SUPPORT_MANAGERS))
                .get("/api/reports/sla?from=" + today + "&to=" + today).expect(200).json();
        JsonNode row = null;
        for (JsonNode r : report.path("rows")) {
            if (r.path("planFamily").asText().equals("ENTERPRISE") && r.path("severity").asText().equals("A")) {
                row = r;
            }
        }
        assertThat(row).as("ENTERPRISE A row in %s", report).isNotNull();
        assertThat(row.path("cases").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(row.has("medianMinutesToFirstResponse")).isTrue();
        assertThat(row.has("p90MinutesToFirstResponse")).isTrue();
        assertThat(report.path("surveyScores").size()).isEqualTo(5);

        client(fixtures.user(Groups.PROCESS_OWNERS)).get("/api/reports/sla").expect(200);
        client(admin).get("/api/reports/sla").expectProblem(403);
        client(fixtures.user(Groups.SUPPORT_ENGINEERS)).get("/api/reports/sla").expectProblem(403);
        anonymous().get("/api/reports/sla").expectProblem(401);
    }

    @Test
    void badRangesNameTheField() {
        ApiClient manager = client(fixtures.user(Groups.SUPPORT_MANAGERS));
        manager.get("/api/reports/sla?from=2026-05-02&to=2026-05-01").expectInvalid("from");
        manager.get("/api/reports/sla?from=2024-01-01&to=2026-01-01").expectInvalid("to");
        manager.get("/api/reports/sla?from=yesterday").expectInvalid("from");
    }
}
