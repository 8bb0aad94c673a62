package io.supporto.sla;

import io.supporto.cases.CaseRepository;
import io.supporto.cases.CaseVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Mark SLA breached": the response target passed without a first response. */
@Component("markSlaBreached")
public class MarkSlaBreached implements JavaDelegate {

    private final CaseRepository cases;

    public MarkSlaBreached(CaseRepository cases) {
        this.cases = cases;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cases.markBreached(execution.getProcessBusinessKey());
        execution.setVariable(CaseVariables.SLA_BREACHED, true);
    }
}
