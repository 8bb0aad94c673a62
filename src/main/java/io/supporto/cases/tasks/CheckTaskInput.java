package io.supporto.cases.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * A task completed without the fields the contract names is refused and nothing moves, whoever
 * calls; {@link FormValidationUnwrapping} lets the refusal reach REST callers as a 400.
 */
@Component("checkTaskInput")
public class CheckTaskInput implements TaskListener {

    @Override
    public void notify(DelegateTask task) {
        TaskInputRules.check(task.getTaskDefinitionKey(), task::getVariable).ifPresent(violation -> {
            throw new FormFieldValidationException(violation.field(), violation.message());
        });
    }
}
