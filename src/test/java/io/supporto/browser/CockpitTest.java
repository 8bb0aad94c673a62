package io.supporto.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.supporto.cases.SupportCaseService;
import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Process owners watch cases in Cockpit and change nothing; Cockpit shows them its editing
 * buttons, but every change it tries is refused by the engine (403) and reported on the page.
 * Customers have no webapp at all.
 */
class CockpitTest extends BrowserTestSupport {

    static final String LOGIN_FAILED = "Wrong credentials, locked user or missing access rights to application";

    @Autowired SupportCaseService cases;
    @Autowired RuntimeService runtimeService;

    Organization org;
    SupportUser admin;
    String caseNumber;
    ProcessInstance instance;

    @BeforeEach
    void openCase() {
        org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        admin = fixtures.adminOf(org);
        caseNumber = cases.open(Fixtures.request(org).critical().selfServiceTried().build(), admin)
                .supportCase().caseNumber();
        instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
    }

    @Test
    void processOwnerReadsTheCaseInCockpit() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);

        camundaLogin("cockpit", owner.id());
        untilSignedIn();
        driver.get(url("/camunda/app/cockpit/default/#/processes"));
        WebElement definition = visible(By.xpath("//tr[td[normalize-space(.)='support-case']]"));
        untilCamundaIdle();
        assertThat(definition.getText()).contains("Support case");
        screenshot("processOwner-1-processes");

        openInstance();
        assertThat(pageText()).contains("Business Key:", caseNumber, "Definition Key:", "support-case");
        assertThat(variableRow("caseNumber").getText()).contains("String", caseNumber);
        assertThat(variableRow("slaTimeline").getText()).contains("CLOCK_STARTED", "Response clock started",
                "First response due");
        assertThat(variableRow("severity").getText()).contains("A");
    }

    @Test
    void processOwnerCannotChangeTheCaseFromCockpit() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);
        Map<String, Object> before = runtimeService.getVariables(instance.getId());

        camundaLogin("cockpit", owner.id());
        untilSignedIn();

        // add a variable: the dialog reports the refusal
        openInstance();
        recordRequests();
        clickable(By.cssSelector("a[uib-tooltip='Add a new variable to Process Instance']")).click();
        visible(By.cssSelector(".modal input[ng-model='newVariable.name']")).sendKeys("caseOwner");
        driver.findElement(By.cssSelector(".modal textarea[ng-model='variable.value']")).sendKeys("someone else");
        clickable(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Add']")).click();
        assertThat(untilRequest("PUT", "/process-instance/" + instance.getId() + "/variables/caseOwner"))
                .containsEntry("status", 403L);
        String page = untilPageShows("The variable \"caseOwner\" could not be added to the process instance.");
        assertThat(page).contains("Could not add the new variable", "does not have one of the following permissions");
        screenshot("processOwner-2-add-variable-refused");
        clickable(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='OK']")).click();
        until(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".modal"), 0));

        // edit the case number in the variables table: a notification reports the refusal
        variableRow("caseNumber").findElement(By.cssSelector("button[uib-tooltip='Edit the variable']")).click();
        WebElement value = visible(By.xpath(variableRowXpath("caseNumber") + "//input[@ng-model='variable.value']"));
        value.clear();
        value.sendKeys("SR-0000-000000");
        clickable(By.xpath(variableRowXpath("caseNumber") + "//button[@uib-tooltip='Save the variable']")).click();
        assertThat(untilRequest("POST", "/execution/" + instance.getId() + "/localVariables"))
                .containsEntry("status", 403L);
        untilPageShows("Saving Variables was not successful");
        screenshot("processOwner-3-edit-variable-refused");

        // delete (cancel) the running instance: the dialog reports the refusal
        clickable(By.cssSelector("a[uib-tooltip='Delete running process instance']")).click();
        untilPageShows("Do you really want to delete this process instance?");
        clickable(By.xpath("//div[contains(@class,'modal')]//button[normalize-space(.)='Delete Process Instance']"))
                .click();
        assertThat(untilRequest("DELETE", "/process-instance/" + instance.getId())).containsEntry("status", 403L);
        untilPageShows("The deletion of the process instance failed.");
        assertThat(pageText()).contains("The process instance could not be deleted successfully.");

        // nothing changed
        ProcessInstance after = runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult();
        assertThat(after).as("the case's instance still runs").isNotNull();
        assertThat(after.isSuspended()).isFalse();
        assertThat(runtimeService.getVariables(instance.getId())).isEqualTo(before)
                .containsEntry("caseNumber", caseNumber).doesNotContainKey("caseOwner");
        assertThat(runtimeService.getActiveActivityIds(instance.getId())).contains("firstResponse");
    }

    @Test
    void processOwnerHasNoTasklist() {
        SupportUser owner = fixtures.user(Groups.PROCESS_OWNERS);

        // signed into Cockpit, Tasklist answers with an access denied page
        camundaLogin("cockpit", owner.id());
        untilSignedIn();
        driver.get(url("/camunda/app/tasklist/default/"));
        String page = untilPageShows("status=403");
        assertThat(page).contains("Forbidden").doesNotContain("Camunda Tasklist");

        // and Tasklist's own login refuses the process owner
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        camundaLogin("tasklist", owner.id());
        untilPageShows(LOGIN_FAILED);
        assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed()).isTrue();
    }

    @Test
    void customerAdminCannotSignIntoCockpitOrTasklist() {
        // the password is right (the Case API takes it), so the webapps refuse the access, not the login
        ApiClient.as(port, admin.id(), Fixtures.PASSWORD).get("/api/cases/" + caseNumber).expect(200);

        camundaLogin("cockpit", admin.id());
        untilPageShows(LOGIN_FAILED);
        assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed()).isTrue();
        screenshot("customerAdmin-1-cockpit");

        camundaLogin("tasklist", admin.id());
        untilPageShows(LOGIN_FAILED);
        assertThat(driver.findElement(By.cssSelector("input[ng-model='username']")).isDisplayed()).isTrue();
        assertThat(pageText()).doesNotContain(caseNumber);
    }

    /** Opens the case's instance in Cockpit and waits until its variables are listed. */
    private void openInstance() {
        driver.get(url("/camunda/app/cockpit/default/#/process-instance/" + instance.getId() + "/runtime"));
        variableRow("slaTimeline");
        untilCamundaIdle();
    }

    private static String variableRowXpath(String name) {
        return "//tr[td[1][normalize-space(.)='" + name + "']]";
    }

    /** The row of the variables table (tab "Variables") that shows the variable. */
    private WebElement variableRow(String name) {
        return visible(By.xpath(variableRowXpath(name)));
    }
}
