package io.supporto.cases.tasks;

import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import io.supporto.cases.SupportCaseModel;

/** What completing each user task needs, as the contract names it. */
public final class TaskInputRules {

    static final int TEXT_LIMIT = 4000;
    static final Set<String> ACTIONS = Set.of("RESOLVE", "REQUEST_INFO", "RECLASSIFY");
    static final Set<String> SEVERITIES = Set.of("A", "B", "C");

    /** A field that is missing or wrong. */
    public record Violation(String field, String message) {
    }

    private TaskInputRules() {
    }

    /** The first violation of the completion of task {@code taskKey}, reading values through {@code variable}. */
    public static Optional<Violation> check(String taskKey, Function<String, Object> variable) {
        return switch (taskKey) {
            case SupportCaseModel.TASK_FIRST_RESPONSE -> text(variable, "responseMessage");
            case SupportCaseModel.TASK_WORK_CASE -> workCase(variable);
            case SupportCaseModel.TASK_HANDLE_BREACH -> text(variable, "actionTaken");
            case SupportCaseModel.TASK_REVIEW_LOW_SURVEY -> text(variable, "followUp");
            case SupportCaseModel.TASK_AWAIT_CUSTOMER_REPLY -> text(variable, "customerReply");
            default -> Optional.empty();
        };
    }

    private static Optional<Violation> workCase(Function<String, Object> variable) {
        Object action = variable.apply("action");
        if (!(action instanceof String a) || !ACTIONS.contains(a)) {
            return Optional.of(new Violation("action", "action must be one of RESOLVE, REQUEST_INFO, RECLASSIFY"));
        }
        return switch (a) {
            case "RESOLVE" -> text(variable, "resolution");
            case "REQUEST_INFO" -> text(variable, "question");
            default -> variable.apply("severity") instanceof String s && SEVERITIES.contains(s)
                    ? Optional.empty() : Optional.of(new Violation("severity", "severity must be A, B or C"));
        };
    }

    private static Optional<Violation> text(Function<String, Object> variable, String name) {
        Object value = variable.apply(name);
        if (!(value instanceof String text) || text.isBlank()) {
            return Optional.of(new Violation(name, name + " is required"));
        }
        if (text.codePointCount(0, text.length()) > TEXT_LIMIT) {
            return Optional.of(new Violation(name, name + " is longer than " + TEXT_LIMIT + " characters"));
        }
        return Optional.empty();
    }
}
