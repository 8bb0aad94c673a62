package io.supporto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.supporto.cases.CaseStatus;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Support agents in Camunda Tasklist: the team's saved filter lists the case's "Give first
 * response" task, the Camunda Form answers it, and another team sees nothing of it.
 */
class TasklistTest extends BrowserTestSupport {

    static final String ENGINEERS_FILTER = "Support engineers: my team, by due time";
    static final String BILLING_FILTER = "Billing specialists: my team, by due time";
    static final String RESPONSE = "We are looking at your mail flow and will call you within the hour.";

    @Autowired SupportCaseService cases;
    @Autowired TaskService taskService;
    @Autowired RuntimeService runtimeService;

    @Test
    void supportEngineerGivesTheFirstResponseFromTheTeamFilter() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = openCriticalCase(admin, org);
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        String taskName = "Give first response: " + n + " Mail not delivered";

        camundaLogin("tasklist", engineer.id());
        untilSignedIn();
        filter(ENGINEERS_FILTER).click();
        untilListed(ENGINEERS_FILTER);
        // the team's list holds every open task of the team (other tests' too, due earlier): search
        // it for the case, as an agent would with the case number at hand
        searchFor("caseNumber", n);
        taskInList(taskName).click();
        untilPageShows(taskName);
        // the case's facts are text, the summary read-only fields (not disabled: readable and focusable)
        until(d -> d.findElements(By.xpath("//li[contains(normalize-space(.),'Case number: " + n + "')]")).size() == 1);
        assertThat(driver.findElements(By.cssSelector("input[id$='-Field_title']")))
                .singleElement().satisfies(title -> {
                    assertThat(title.getAttribute("readonly")).isNotNull();
                    assertThat(title.getAttribute("disabled")).isNull();
                    assertThat(title.getAttribute("value")).isEqualTo("Mail not delivered");
                });
        screenshot("supportEngineer-1-task");
        Map<String, Object> before = caseVariables(n);

        // the form stays read-only until the engineer claims the task; claiming re-renders it
        clickable(By.cssSelector("button.claim")).click();
        until(d -> taskService.createTaskQuery().processInstanceBusinessKey(n).taskDefinitionKey("firstResponse")
                .taskAssignee(engineer.id()).count() == 1);
        until(d -> d.findElements(By.cssSelector("button.claim")).isEmpty());
        untilCamundaIdle();
        By response = By.cssSelector("textarea[id$='-Field_responseMessage']");
        By complete = By.xpath("//button[normalize-space(.)='Complete']");
        // Complete is enabled once the form is valid (responseMessage is required)
        until(d -> typed(d.findElement(response), RESPONSE) && d.findElement(complete).isEnabled());
        screenshot("supportEngineer-2-answered");
        driver.findElement(complete).click();

        // Tasklist moves on: the task is gone from the list, the case's next task is there
        taskInList("Work case: " + n + " Mail not delivered");
        until(d -> taskService.createTaskQuery().processInstanceBusinessKey(n).taskDefinitionKey("firstResponse")
                .count() == 0);
        assertThat(driver.findElements(By.xpath(taskLink(taskName)))).isEmpty();

        SupportCase c = cases.view(n, admin).supportCase();
        assertThat(c.firstRespondedAt()).as("firstRespondedAt of %s", n).isNotNull();
        assertThat(c.status()).isEqualTo(CaseStatus.ENGAGED);
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(n)
                .singleResult();
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).containsExactly("workCase");
        assertThat(runtimeService.getVariable(instance.getId(), "responseMessage"))
                .isEqualTo(RESPONSE);
        Map<String, Object> after = caseVariables(n);
        after.remove("responseMessage");
        before.remove("responseMessage");
        assertThat(after).as("the case's variables after Tasklist submitted the form (read-only fields included)")
                .containsAllEntriesOf(before);
    }

    private Map<String, Object> caseVariables(String caseNumber) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
                .singleResult();
        Map<String, Object> variables = new java.util.HashMap<>(runtimeService.getVariables(instance.getId()));
        // the response clock's own bookkeeping moves on with the step
        variables.keySet().removeIf(name -> name.startsWith("sla"));
        return variables;
    }

    @Test
    void billingSpecialistSeesNothingOfAnEngineersTask() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        String n = openCriticalCase(admin, org);
        Task task = openTask(n, "firstResponse");
        SupportUser billing = fixtures.user(Groups.BILLING_SPECIALISTS);

        camundaLogin("tasklist", billing.id());
        untilSignedIn();
        filter(BILLING_FILTER).click();
        List<String> filters = driver.findElements(By.cssSelector(".task-filter h4.name a")).stream()
                .map(WebElement::getText).toList();
        assertThat(filters).isNotEmpty().allMatch(f -> f.startsWith("Billing specialists:"));
        for (String name : List.of(BILLING_FILTER, "Billing specialists: breached",
                "Billing specialists: waiting on the customer")) {
            filter(name).click();
            untilListed(name);
            assertThat(tasksInList()).as("tasks in %s", name).noneMatch(t -> t.contains(n));
        }

        // searching the team filter for the case number finds nothing either
        filter(BILLING_FILTER).click();
        untilListed(BILLING_FILTER);
        searchFor("caseNumber", n);
        untilPageShows("No task matching filters found.");
        assertThat(tasksInList()).isEmpty();

        // and the task's own address shows an error instead of the task
        driver.get(url("/camunda/app/tasklist/default/#/?task=" + task.getId()));
        String page = untilPageShows("No matching task with id " + task.getId());
        assertThat(page).contains("The task does not exist anymore").doesNotContain("Give first response: " + n);
        assertThat(driver.findElements(By.cssSelector("textarea[id$='-Field_responseMessage']"))).isEmpty();
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();
    }

    /**
     * The filter's saved order (due date, then priority) is the work order. Tasklist's sorting
     * header says "Created" and Tasklist does send {@code sorting=[created desc]} with the filter's
     * list request, but the engine applies the filter's own ordering first and Tasklist's after it;
     * this test pins that down, with the task due first opened first (so "newest first" would fail).
     */
    @Test
    void teamFilterListsTheMostUrgentTaskFirst() {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, true);
        SupportUser admin = fixtures.adminOf(org);
        // opened first, due first: severity A, one hour
        String dueFirst = openCriticalCase(admin, org);
        // opened second, due later: elevated support, severity B, two hours around the clock
        String dueLater = cases.open(Fixtures.request(org).high().selfServiceTried().build(), admin)
                .supportCase().caseNumber();
        assertThat(openTask(dueFirst, "firstResponse").getDueDate())
                .isBefore(openTask(dueLater, "firstResponse").getDueDate());
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);

        camundaLogin("tasklist", engineer.id());
        untilSignedIn();
        filter(ENGINEERS_FILTER).click();
        untilListed(ENGINEERS_FILTER);
        // narrowed to this test's organization (the database is shared with other tests): a search
        // narrows the list, it does not change its order
        searchFor("organization", org.id());
        taskInList("Give first response: " + dueFirst);
        taskInList("Give first response: " + dueLater);

        List<String> order = tasksInList().stream().filter(t -> t.contains(dueFirst) || t.contains(dueLater)).toList();
        assertThat(order).hasSize(2);
        assertThat(order.get(0)).as("the first of the two in the list").contains(dueFirst);
    }

    private String openCriticalCase(SupportUser admin, Organization org) {
        // severity A with self-service already tried: straight to the team's first response
        String n = cases.open(Fixtures.request(org).critical().selfServiceTried().build(), admin)
                .supportCase().caseNumber();
        assertThat(openTask(n, "firstResponse")).as("firstResponse of %s", n).isNotNull();
        return n;
    }

    private Task openTask(String caseNumber, String key) {
        return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(key)
                .singleResult();
    }

    /** A saved filter in the list on the left, by its name. */
    private WebElement filter(String name) {
        return clickable(By.xpath("//div[contains(@class,'task-filter')]//h4//a[contains(normalize-space(.),'"
                + name + "')]"));
    }

    /** Waits until the filter is the chosen one and its list has loaded (tasks or "no task"). */
    private void untilListed(String filterName) {
        until(d -> {
            List<WebElement> active = d.findElements(By.cssSelector(".task-filter.active h4 a"));
            return !active.isEmpty() && active.get(0).getText().contains(filterName)
                    && d.findElements(By.cssSelector(".loader")).stream()
                    .noneMatch(WebElement::isDisplayed)
                    && (pageText().contains("No task matching filters found.") || !tasksInList().isEmpty());
        });
    }

    /**
     * Narrows the chosen filter's list to the tasks whose process variable {@code name} equals
     * {@code value}: Tasklist's search, set through its address (what its "link" button shares),
     * and waits until Tasklist has listed the result.
     */
    private void searchFor(String name, String value) {
        String filterId = filterId();
        recordRequests();
        driver.get(url("/camunda/app/tasklist/default/#/?filter=" + filterId + "&searchQuery=" + urlEncode(
                "[{\"type\":\"processVariables\",\"operator\":\"eq\",\"value\":\"" + value
                        + "\",\"name\":\"" + name + "\"}]")));
        assertThat(untilRequest("POST", "/filter/" + filterId + "/list", value)).containsEntry("status", 200L);
        untilCamundaIdle();
    }

    /** The id of the filter shown, from Tasklist's address. */
    private String filterId() {
        String address = until(d -> d.getCurrentUrl().contains("filter=") ? d.getCurrentUrl() : null);
        return address.replaceAll(".*[?&]filter=([^&]+).*", "$1");
    }

    private static String taskLink(String name) {
        return "//ol[contains(@class,'tasks-list')]//h4//a[contains(normalize-space(.),'" + name + "')]";
    }

    /** Waits until the list in the middle shows a task whose name contains {@code name}. */
    private WebElement taskInList(String name) {
        return clickable(By.xpath(taskLink(name)));
    }

    private List<String> tasksInList() {
        return driver.findElements(By.cssSelector("ol.tasks-list li.task h4 a")).stream()
                .map(WebElement::getText).toList();
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
