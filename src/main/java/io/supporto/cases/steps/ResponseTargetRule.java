package io.supporto.cases.steps;

import static io.supporto.cases.CaseVariables.AVAILABILITY;
import static io.supporto.cases.CaseVariables.INTERNAL_TARGET;
import static io.supporto.cases.CaseVariables.RESPONSE_TARGET;
import static io.supporto.cases.CaseVariables.TARGET_RULE;

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
        String responseTarget = (String) execution.getVariable(RESPONSE_TARGET);
        String internalTarget = (String) execution.getVariable(INTERNAL_TARGET);
        if ((responseTarget == null) == (internalTarget == null)) {
            // every engaged case has exactly one due moment: a commitment or an internal follow-up
            throw new ProcessEngineException("The response-target decision's rule '" + execution.getVariable(TARGET_RULE)
                    + "' gives " + (responseTarget == null ? "neither a responseTarget nor an internalTarget"
                    : "both a responseTarget and an internalTarget") + " for case " + execution.getProcessBusinessKey()
                    + "; every rule must give exactly one of them. Fix bpmn/response-target.dmn and deploy it again.");
        }
        return new ResponseTargetRule(availability, responseTarget, internalTarget);
    }
}
