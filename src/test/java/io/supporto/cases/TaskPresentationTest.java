package io.supporto.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Date;
import java.util.List;
import java.util.Map;

import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.ProcessScenario;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an agent sees in Tasklist: names, order, forms, the case summary and the team filters; and
 * that the engine refuses a completion without the contract's fields, naming the field.
 */
class TaskPresentationTest extends ProcessScenario {

    Organization org;
    SupportUser admin;

    @BeforeEach
    void organization() {
        org = fixtures.organization(Plan.ENTERPRISE, false);
        admin = fixtures.adminOf(org);
    }

    @Test
    void firstResponseTaskCarriesTheCaseNumberTitlePriorityDueTimeFormAndSummary() {
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        Task task = task("firstResponse", instance);

        assertThat(task.getName()).isEqualTo("Give first response: " + n + " Mail not delivered");
        assertThat(task.getPriority()).isEqualTo(90);
        assertThat(task.getDueDate()).isEqualTo(Date.from(view(n, admin).firstResponseDueAt()));
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef().getKey()).isEqualTo("first-response");
        Map<String, Object> local = engine.getTaskService().getVariablesLocal(task.getId());
        assertThat(local).containsEntry("organizationName", org.name())
                .containsEntry("description", "Since 9:00 no one receives external mail")
                .containsEntry("contactName", "Anna Rossi")
                .containsEntry("contactEmail", "anna@example.com");
        assertThat((String) local.get("conversation")).contains("DESCRIPTION", "Since 9:00 no one receives external mail");
        assertThat((String) local.get("dueAt")).endsWith("UTC");
    }

    @Test
    void lowerSeveritiesComeLaterInTheWorkOrder() {
        String b = open(admin, Fixtures.request(org).high().selfServiceTried());
        String c = open(admin, Fixtures.request(org).minor().selfServiceTried());
        assertThat(task("firstResponse", instanceOf(b)).getPriority()).isEqualTo(60);
        assertThat(task("firstResponse", instanceOf(c)).getPriority()).isEqualTo(30);
    }

    @Test
    void completingWithoutTheContractsFieldsIsRefusedAndNothingMoves() {
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        String first = task("firstResponse", instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(first, Map.of("responseMessage", "  ")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("responseMessage");
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));

        String work = task("workCase", instance).getId();
        assertThatThrownBy(() -> engine.getTaskService().complete(work, Map.of()))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("action");
        assertThatThrownBy(() -> engine.getTaskService().complete(work, Map.of("action", "CLOSE")))
                .isInstanceOf(FormFieldValidationException.class);
        assertThatThrownBy(() -> engine.getTaskService().complete(work, Map.of("action", "RESOLVE")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("resolution");
        assertThatThrownBy(() -> engine.getTaskService().complete(work, Map.of("action", "REQUEST_INFO")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("question");
        assertThatThrownBy(() -> engine.getTaskService().complete(work, Map.of("action", "RECLASSIFY", "severity", "D")))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("severity");
        assertThat(instance).isWaitingAt("workCase");
    }

    @Test
    void teamFiltersShowTheTeamsWorkAndNothingElse() {
        String technical = open(admin, Fixtures.request(org).critical());
        String billing = open(admin, Fixtures.request(org).critical().category(Category.BILLING));
        String engineersTask = task("firstResponse", instanceOf(technical)).getId();
        String billingTask = task("firstResponse", instanceOf(billing)).getId();

        assertThat(filterTaskIds("Support engineers: my team, by due time")).contains(engineersTask)
                .doesNotContain(billingTask);
        assertThat(filterTaskIds("Billing specialists: my team, by due time")).contains(billingTask)
                .doesNotContain(engineersTask);

        ProcessInstance instance = instanceOf(technical);
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        complete(task("workCase", instance), withVariables("action", "REQUEST_INFO", "question", "Which connector?"));
        String waiting = task("awaitCustomerReply", instance).getId();
        assertThat(filterTaskIds("Support engineers: waiting on the customer")).contains(waiting);
        assertThat(filterTaskIds("Support engineers: breached")).doesNotContain(waiting);
    }

    @Test
    void aReplyTakenByPhoneResumesWorkAndJoinsTheConversation() {
        String n = open(admin, Fixtures.request(org).critical());
        ProcessInstance instance = instanceOf(n);
        complete(task("firstResponse", instance), withVariables("responseMessage", "On it."));
        complete(task("workCase", instance), withVariables("action", "REQUEST_INFO", "question", "Which connector?"));

        complete(task("awaitCustomerReply", instance), withVariables("customerReply", "The outbound one, she said."));

        assertThat(instance).isWaitingAt("workCase");
        assertThat(view(n, admin).status()).isEqualTo(CaseStatus.ENGAGED);
        assertThat(cases.conversation(n, admin)).last()
                .satisfies(m -> {
                    assertThat(m.kind()).isEqualTo(MessageKind.CUSTOMER_REPLY);
                    assertThat(m.body()).isEqualTo("The outbound one, she said.");
                    assertThat(m.author()).endsWith("(taken by phone)");
                });
    }

    private List<String> filterTaskIds(String name) {
        Filter filter = engine.getFilterService().createFilterQuery().filterName(name).singleResult();
        assertThat(filter).as("filter " + name).isNotNull();
        List<Task> tasks = engine.getFilterService().list(filter.getId());
        return tasks.stream().map(Task::getId).toList();
    }
}
