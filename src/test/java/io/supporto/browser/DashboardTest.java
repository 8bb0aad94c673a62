package io.supporto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.reports.ReportService;
import io.supporto.reports.SlaReport;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/** The SLA dashboard behind Spring Security's login form: managers see the charts, customers get 403. */
class DashboardTest extends BrowserTestSupport {

    static final List<String> CANVASES = List.of("breachRate", "responseTime", "openCases", "surveyScores");

    @Autowired SupportCaseService cases;
    @Autowired ReportService reports;

    @Test
    void supportManagerSignsInAndSeesTheChartsAndTheCase() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);
        long before = enterpriseSeverityA().map(SlaReport.Row::cases).orElse(0L);
        String n = cases.open(Fixtures.request(org).critical().selfServiceTried().build(), admin)
                .supportCase().caseNumber();
        SupportUser manager = fixtures.user(Groups.SUPPORT_MANAGERS);

        driver.get(url("/dashboard"));
        until(d -> d.getCurrentUrl().equals(url("/login")));
        signIn(manager);

        until(d -> d.getCurrentUrl().equals(url("/dashboard")));
        visible(By.xpath("//h1[normalize-space(.)='Supporto · SLA dashboard']"));
        for (String canvas : CANVASES) {
            until(d -> "true".equals(d.findElement(By.id(canvas)).getDomAttribute("data-ready")));
        }
        assertThat(driver.findElement(By.id("error")).getText()).isEmpty();
        assertThat(pageText()).contains(manager.id());

        // the case opened above is counted in its row: Enterprise family, severity A
        WebElement row = visible(By.xpath("//table[@id='slaTable']/tbody/tr[td[1]='ENTERPRISE' and td[2]='A']"));
        List<String> cells = row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        SlaReport.Row expected = enterpriseSeverityA().orElseThrow();
        assertThat(expected.cases()).as("Enterprise A cases with %s", n).isEqualTo(before + 1);
        assertThat(cells.subList(0, 5)).containsExactly("ENTERPRISE", "A", String.valueOf(expected.cases()),
                String.valueOf(expected.responded()), String.valueOf(expected.breached()));
        // median and p90 minutes to first response: one decimal, or a dash while none was answered
        assertThat(cells.subList(5, 7)).allMatch(v -> v.matches("–|\\d+\\.\\d"));

        untilChartsAreStill();
    }

    @Test
    void customerAdminSigningInGetsForbidden() {
        Organization org = fixtures.organization(Plan.ENTERPRISE, false);
        SupportUser admin = fixtures.adminOf(org);

        driver.get(url("/dashboard"));
        until(d -> d.getCurrentUrl().equals(url("/login")));
        signIn(admin);

        until(d -> d.getCurrentUrl().equals(url("/dashboard")));
        String page = untilPageShows("\"status\":403");
        assertThat(page).contains("\"title\":\"Forbidden\"").doesNotContain("SLA dashboard");
        assertThat(driver.findElements(By.tagName("canvas"))).isEmpty();
        // the same session: the page and the report behind it are refused, not just hidden
        assertThat(status("/dashboard")).isEqualTo(403);
        assertThat(status("/api/reports/sla")).isEqualTo(403);
    }

    /** Spring Security's generated login page. */
    private void signIn(SupportUser user) {
        visible(By.id("username")).sendKeys(user.id());
        driver.findElement(By.id("password")).sendKeys(Fixtures.PASSWORD);
        driver.findElement(By.xpath("//button[@type='submit' and normalize-space(.)='Sign in']")).click();
    }

    /** The status of a GET from the page, with its session. */
    private long status(String path) {
        Object status = driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], { credentials: 'same-origin', headers: { Accept: 'application/json' } })"
                + ".then(r => done(r.status), e => done(-1));", path);
        return ((Number) status).longValue();
    }

    /** The row the dashboard shows by default (the last 30 UTC days), as the report service has it. */
    private Optional<SlaReport.Row> enterpriseSeverityA() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return reports.sla(today.minusDays(29), today).rows().stream()
                .filter(r -> r.planFamily().equals("ENTERPRISE") && r.severity().equals("A")).findFirst();
    }

    /** Waits for Chart.js's animations to end, so the final screenshot shows the charts drawn. */
    private void untilChartsAreStill() {
        until(d -> Boolean.TRUE.equals(script("""
                return arguments[0].every(id => {
                  const chart = window.Chart && Chart.getChart(id);
                  return !!chart && !(Chart.animator && Chart.animator.running(chart));
                });""", CANVASES)));
    }
}
