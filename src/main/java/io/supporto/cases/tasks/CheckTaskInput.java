package io.supporto.cases.tasks;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * Completing a task needs the fields the contract names; a missing or wrong one is refused as a
 * form validation error (400 through Camunda's REST API) and nothing moves.
 */
@Component("checkTaskInput")
public class CheckTaskInput implements TaskListener {

    static final int TEXT_LIMIT = 4000;
    static final Set<String> ACTIONS = Set.of("RESOLVE", "REQUEST_INFO", "RECLASSIFY");
    static final Set<String> SEVERITIES = Set.of("A", "B", "C");

    @Override
    public void notify(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case "firstResponse" -> requireText(task, "responseMessage");
            case "workCase" -> {
                Object action = task.getVariable("action");
                if (!(action instanceof String a) || !ACTIONS.contains(a)) {
                    throw invalid("action", "action must be one of RESOLVE, REQUEST_INFO, RECLASSIFY");
                }
                switch (a) {
                    case "RESOLVE" -> requireText(task, "resolution");
                    case "REQUEST_INFO" -> requireText(task, "question");
                    default -> {
                        Object severity = task.getVariable("severity");
                        if (!(severity instanceof String s) || !SEVERITIES.contains(s)) {
                            throw invalid("severity", "severity must be A, B or C");
                        }
                    }
                }
            }
            case "handleBreach" -> requireText(task, "actionTaken");
            case "reviewLowSurvey" -> requireText(task, "followUp");
            case "awaitCustomerReply" -> requireText(task, "customerReply");
            default -> { }
        }
    }

    private static void requireText(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(name, name + " is required");
        }
        if (text.codePointCount(0, text.length()) > TEXT_LIMIT) {
            throw invalid(name, name + " is longer than " + TEXT_LIMIT + " characters");
        }
    }

    private static FormFieldValidationException invalid(String field, String message) {
        return new FormFieldValidationException(field, message);
    }
}
