package io.supporto.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.SupportCase;
import io.supporto.cases.SupportCaseService;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.Fixtures;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * Drives cases for the mail and link tests: opens them as the admin, completes the team's tasks
 * and fires timers against the engine's clock.
 */
public final class CaseSteps {

    private final ProcessEngine engine;
    private final SupportCaseService cases;

    public CaseSteps(ProcessEngine engine, SupportCaseService cases) {
        this.engine = engine;
        this.cases = cases;
    }

    public static void at(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    public String open(SupportUser admin, Fixtures.CaseRequest request) {
        return cases.open(request.build(), admin).supportCase().caseNumber();
    }

    public SupportCase view(String caseNumber, SupportUser admin) {
        return cases.view(caseNumber, admin).supportCase();
    }

    public ProcessInstance instance(String caseNumber) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SupportCaseService.PROCESS_KEY)
                .processInstanceBusinessKey(caseNumber).singleResult();
    }

    /** Completes the case's open task with these variables (key, value, key, value …). */
    public void complete(String caseNumber, String taskKey, Object... keyValues) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(caseNumber)
                .processDefinitionKey(SupportCaseService.PROCESS_KEY)
                .taskDefinitionKey(taskKey).singleResult();
        assertThat(task).as("open task %s of %s", taskKey, caseNumber).isNotNull();
        Map<String, Object> variables = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            variables.put((String) keyValues[i], keyValues[i + 1]);
        }
        engine.getTaskService().complete(task.getId(), variables);
    }

    public void respond(String caseNumber, String message) {
        complete(caseNumber, "firstResponse", "responseMessage", message);
    }

    public void resolve(String caseNumber, String resolution) {
        complete(caseNumber, "workCase", "action", "RESOLVE", "resolution", resolution);
    }

    public void askForInformation(String caseNumber, String question) {
        complete(caseNumber, "workCase", "action", "REQUEST_INFO", "question", question);
    }

    public Job timer(String caseNumber, String activityId) {
        Job job = engine.getManagementService().createJobQuery()
                .processInstanceId(instance(caseNumber).getId()).activityId(activityId).singleResult();
        assertThat(job).as("timer %s of %s", activityId, caseNumber).isNotNull();
        return job;
    }

    /** Fires the case's due-moment timer as a breach, then sends its alert (a job of its own). */
    public Instant fireBreach(String caseNumber) {
        Instant due = fire(caseNumber, SupportCaseModel.TIMER_RESPONSE_DUE);
        engine.getManagementService().executeJob(timer(caseNumber, "sendBreachAlert").getId());
        return due;
    }

    /** Moves the clock to the timer's due date and fires it; answers the due date. */
    public Instant fire(String caseNumber, String activityId) {
        Job job = timer(caseNumber, activityId);
        Instant due = job.getDuedate().toInstant();
        at(due);
        engine.getManagementService().executeJob(job.getId());
        return due;
    }
}
