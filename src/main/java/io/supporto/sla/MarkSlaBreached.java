package io.supporto.sla;

import static io.supporto.cases.CaseVariables.BREACH_RAISED;
import static io.supporto.cases.CaseVariables.SLA_BREACHED;

import io.supporto.cases.CaseRepository;
import io.supporto.observability.SupportoMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Mark SLA breached": the response target passed without a first response. A reclassification
 * later in the same clock does not raise a second breach.
 */
@Component("markSlaBreached")
public class MarkSlaBreached implements JavaDelegate {

    private final CaseRepository cases;
    private final SupportoMetrics metrics;

    public MarkSlaBreached(CaseRepository cases, SupportoMetrics metrics) {
        this.cases = cases;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.markBreached(execution.getProcessBusinessKey());
        execution.setVariable(SLA_BREACHED, true);
        execution.setVariable(BREACH_RAISED, true);
        metrics.slaBreached(execution);
    }
}
