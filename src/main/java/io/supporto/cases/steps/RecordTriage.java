package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.INTERPRETER_REQUIRED;
import static io.supporto.cases.CaseVariables.LANGUAGE;
import static io.supporto.cases.CaseVariables.SEVERITY;

import io.supporto.SupportProperties;
import io.supporto.cases.CaseRepository;
import io.supporto.cases.Severity;
import io.supporto.observability.SupportoMetrics;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Record triage": the case gets its severity, its response target and, if needed, an interpreter. */
@Component("recordTriage")
public class RecordTriage implements JavaDelegate {

    private final CaseRepository cases;
    private final SupportProperties properties;
    private final SupportoMetrics metrics;

    public RecordTriage(CaseRepository cases, SupportProperties properties, SupportoMetrics metrics) {
        this.cases = cases;
        this.properties = properties;
        this.metrics = metrics;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ResponseTargetRule rule = ResponseTargetRule.of(execution);
        boolean interpreterRequired = !properties.agentLanguages().contains((String) execution.getVariable(LANGUAGE));
        execution.setVariable(INTERPRETER_REQUIRED, interpreterRequired);
        cases.recordTriage(execution.getProcessBusinessKey(),
                Severity.valueOf((String) execution.getVariable(SEVERITY)),
                rule.availability(), rule.responseTarget(), rule.internalTarget(), interpreterRequired);
        metrics.caseOpened(execution);
    }
}
