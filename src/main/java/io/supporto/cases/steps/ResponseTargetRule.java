package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.AVAILABILITY;
import static io.supporto.cases.CaseVariables.INTERNAL_TARGET;
import static io.supporto.cases.CaseVariables.RESPONSE_TARGET;

import io.supporto.sla.SlaClockKeeper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** What the response-target decision gave the case, as its business rule task mapped it. */
record ResponseTargetRule(String availability, String responseTarget, String internalTarget) {

    static ResponseTargetRule of(DelegateExecution execution) {
        String availability = (String) execution.getVariable(AVAILABILITY);
        if (availability == null) {
            // The table covers every plan, severity and category: no match means a broken table.
            throw new ProcessEngineException("The response-target decision matched no rule for case "
                    + execution.getProcessBusinessKey());
        }
        SlaClockKeeper.requireOneDueMoment(execution);
        return new ResponseTargetRule(availability, (String) execution.getVariable(RESPONSE_TARGET),
                (String) execution.getVariable(INTERNAL_TARGET));
    }
}
