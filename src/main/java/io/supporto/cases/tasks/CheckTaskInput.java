package io.supporto.cases.tasks;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * The engine-side guard: a task completed without the fields the contract names is refused and
 * nothing moves, whoever calls. (REST callers get a 400 earlier, from {@code TaskCompletionCheck}.)
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
