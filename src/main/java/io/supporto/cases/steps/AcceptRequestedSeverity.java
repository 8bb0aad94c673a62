package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.REQUESTED_SEVERITY;
import static io.supporto.cases.CaseVariables.SEVERITY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Accept requested severity": customers with elevated support set the severity themselves. */
@Component("acceptRequestedSeverity")
public class AcceptRequestedSeverity implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable(SEVERITY, execution.getVariable(REQUESTED_SEVERITY));
    }
}
