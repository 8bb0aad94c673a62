package io.supporto.engine;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.supporto.cases.tasks.PrepareTask;
import io.supporto.notify.MailNotifier;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * History level {@value #NAME}: what an auditor of a support desk reads, without what only the
 * engine's own bookkeeping needed. Compared with {@code full} it keeps process, activity, task,
 * variable, identity-link, decision, incident, batch and user-operation history and the job log
 * of the cases' timers (which node ran which SLA timer when), and leaves out:
 * <ul>
 *   <li>variable details ({@code ACT_HI_DETAIL}): one row per change of every variable; the
 *       variable's last value stays in {@code ACT_HI_VARINST}, and the case's own tables keep
 *       its conversation and SLA timeline;</li>
 *   <li>the summary each support task gets for its form ({@link PrepareTask#SUMMARY}: contact,
 *       description, conversation, due time): a copy of the case's record, written again for every
 *       task (seven rows per task);</li>
 *   <li>the history of {@code notification-delivery} instances except their failures and
 *       incidents: two or more per case step, each a process instance with activities, variables
 *       and job log rows and, at its end, an update of the removal time in every history table.
 *       The mail itself, with its attempts, last error and time sent, is in the outbox.</li>
 * </ul>
 */
public class SupportoHistoryLevel implements HistoryLevel {

    public static final String NAME = "supporto";
    static final int ID = 30;

    private static final Set<HistoryEventTypes> LEFT_OUT = EnumSet.of(
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.FORM_PROPERTY_UPDATE);

    /** Kept for every process, deliveries included: what went wrong. */
    private static final Set<HistoryEventTypes> TROUBLE = EnumSet.of(
            HistoryEventTypes.INCIDENT_CREATE, HistoryEventTypes.INCIDENT_UPDATE, HistoryEventTypes.INCIDENT_RESOLVE,
            HistoryEventTypes.INCIDENT_DELETE, HistoryEventTypes.INCIDENT_MIGRATE, HistoryEventTypes.JOB_FAIL,
            HistoryEventTypes.USER_OPERATION_LOG);

    private final Map<String, Boolean> deliveryDefinitions = new ConcurrentHashMap<>();

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType type, Object entity) {
        if (type instanceof HistoryEventTypes known) {
            if (LEFT_OUT.contains(known)) {
                return false;
            }
            if (TROUBLE.contains(known)) {
                return true;
            }
        }
        if (entity instanceof VariableInstanceEntity variable && isTaskSummary(variable)) {
            return false;
        }
        // asked without an entity (e.g. while parsing models): "is this kind of history kept at all?"
        return entity == null || !isDelivery(entity);
    }

    private static boolean isTaskSummary(VariableInstanceEntity variable) {
        return variable.getTaskId() != null && PrepareTask.SUMMARY.contains(variable.getName());
    }

    private boolean isDelivery(Object entity) {
        if (entity instanceof JobEntity job) {
            return MailNotifier.DELIVERY_PROCESS.equals(job.getProcessDefinitionKey());
        }
        String definitionId = entity instanceof ExecutionEntity execution ? execution.getProcessDefinitionId()
                : entity instanceof VariableInstanceEntity variable ? variable.getProcessDefinitionId()
                : null;
        if (definitionId == null) {
            return false;
        }
        return deliveryDefinitions.computeIfAbsent(definitionId, id -> MailNotifier.DELIVERY_PROCESS.equals(
                Context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id).getKey()));
    }
}
