package io.supporto.cases.steps;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Who is behind a step: the user whose task completion drove the engine here, else the desk. */
final class StepAuthor {

    private StepAuthor() {
    }

    static String of(DelegateExecution execution) {
        var authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "support";
    }
}
