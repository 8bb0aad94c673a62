package io.supporto.observability;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Counts of what is waiting in the engine, for the health details and the gauges. The counts are
 * taken without a Camunda authentication, so they cover every case whoever asks: the endpoints
 * that show them are for staff only.
 */
@Component
public class EngineBacklog {

    private final ManagementService managementService;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final IdentityService identityService;

    public EngineBacklog(ManagementService managementService, RuntimeService runtimeService, TaskService taskService,
                         IdentityService identityService) {
        this.managementService = managementService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** Active jobs that are due now and still have retries: what the job executor should be working on. */
    public long dueJobs() {
        return unauthenticated(() -> managementService.createJobQuery().executable().active().count());
    }

    /** Jobs that failed with no retries left (each one also raised an incident). */
    public long failedJobs() {
        return unauthenticated(() -> managementService.createJobQuery().noRetriesLeft().count());
    }

    /** Open incidents of every type. */
    public long openIncidents() {
        return unauthenticated(() -> runtimeService.createIncidentQuery().count());
    }

    /** Open user tasks offered to the group, claimed or not. */
    public long openTasks(String candidateGroup) {
        return unauthenticated(() -> taskService.createTaskQuery().taskCandidateGroup(candidateGroup)
                .includeAssignedTasks().count());
    }

    private long unauthenticated(Supplier<Long> count) {
        Authentication current = identityService.getCurrentAuthentication();
        if (current == null) {
            return count.get();
        }
        identityService.clearAuthentication();
        try {
            return count.get();
        } finally {
            identityService.setAuthentication(current);
        }
    }
}
