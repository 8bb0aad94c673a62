package io.supporto.sla;

import static io.supporto.cases.CaseVariables.BREACH_RAISED;
import static io.supporto.cases.CaseVariables.REOPEN_COUNT;
import static io.supporto.cases.CaseVariables.SEVERITY;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Objects;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.SupportCase;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCaseModel;
import io.supporto.cases.tasks.PrepareTask;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * "Move response timers": the severity changed before the first response. The new targets count
 * from the original clock start; the timers on "Give first response" and the task's due date move
 * to them, so the task keeps its id, its agent and its comments; its priority and the due time its
 * form shows follow the new severity. A due moment in the past fires at
 * once.
 *
 * <p>When the due-moment timer has already fired as a reminder (no commitment then) and the new
 * severity carries a commitment, no timer is left to breach it: the model waits for the new due
 * date itself ({@code Timer_NewTargetDue}) and breaches if the first response is still missing.
 * A timer that has already fired as a breach is not raised again.
 */
@Component("moveResponseTimers")
public class MoveResponseTimers implements JavaDelegate {

    /** Transient: read by the gateway right after this step. */
    static final String NEW_TARGET_WITHOUT_TIMER = "newTargetWithoutTimer";
    /** The clock a waiting late breach belongs to; a reopen starts another. */
    static final String CLOCK_OF_NEW_TARGET = "clockOfNewTarget";
    static final int BREACH_PRIORITY = 100;

    private final SlaClockKeeper keeper;
    private final CaseRepository cases;
    private final Clock clock;

    public MoveResponseTimers(SlaClockKeeper keeper, CaseRepository cases, Clock clock) {
        this.keeper = keeper;
        this.cases = cases;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var before = cases.find(execution.getProcessBusinessKey()).map(SupportCase::severity).orElse(null);
        SlaPlan plan = keeper.replan(execution, clock.instant(), before);
        Date dueMoment = date(plan.firstResponseDueAt() != null ? plan.firstResponseDueAt() : plan.internalFollowUpAt());
        Date warning = plan.warningAt() != null ? date(plan.warningAt()) : dueMoment;
        boolean committed = plan.firstResponseDueAt() != null;

        ManagementService management = execution.getProcessEngineServices().getManagementService();
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        String instance = execution.getProcessInstanceId();
        // the caller may be an agent without rights on the engine's jobs: this is the model's own step
        Context.getCommandContext().runWithoutAuthorization(() -> {
            Job due = timer(management, instance, SupportCaseModel.TIMER_RESPONSE_DUE);
            if (due != null) {
                management.setJobDuedate(due.getId(), dueMoment);
                management.setJobPriority(due.getId(), committed ? BREACH_PRIORITY : 0);
            }
            Job warn = timer(management, instance, SupportCaseModel.TIMER_RESPONSE_WARNING);
            if (warn != null) {
                management.setJobDuedate(warn.getId(), warning);
            }
            Task task = tasks.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(SupportCaseModel.TASK_FIRST_RESPONSE).singleResult();
            if (task != null) {
                task.setDueDate(dueMoment);
                task.setPriority(PrepareTask.priority(Severity.valueOf((String) execution.getVariable(SEVERITY))));
                tasks.saveTask(task);
                tasks.setVariableLocal(task.getId(), PrepareTask.DUE_AT, PrepareTask.dueAt(dueMoment));
            }
            boolean late = due == null && committed && !Boolean.TRUE.equals(execution.getVariable(BREACH_RAISED));
            execution.setVariableLocal(NEW_TARGET_WITHOUT_TIMER, Variables.booleanValue(late, true));
            if (late) {
                execution.setVariableLocal(CLOCK_OF_NEW_TARGET, execution.getVariable(REOPEN_COUNT));
            }
            return null;
        });
    }

    /** "Still unanswered?" after {@code Timer_NewTargetDue}: no first response in the same clock. */
    public boolean awaitingFirstResponse(DelegateExecution execution) {
        Object clockNo = execution.getVariableLocal(CLOCK_OF_NEW_TARGET);
        return cases.find(execution.getProcessBusinessKey())
                .filter(c -> c.firstRespondedAt() == null)
                .filter(c -> Objects.equals(c.reopenCount(), clockNo == null ? 0 : ((Number) clockNo).intValue()))
                .isPresent();
    }

    private static Job timer(ManagementService management, String instance, String activityId) {
        return management.createJobQuery().processInstanceId(instance).activityId(activityId).singleResult();
    }

    private static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }
}
