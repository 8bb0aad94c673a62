package io.supporto.cases.steps;

import java.util.Set;

import io.supporto.api.CaseRequests.Contact;
import io.supporto.api.CaseRequests.Impact;
import io.supporto.api.CaseRequests.OpenCaseRequest;
import io.supporto.cases.BusinessImpact;
import io.supporto.cases.Category;
import io.supporto.cases.ImpactScope;
import io.supporto.cases.NotPermittedException;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCaseService;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

/**
 * "Open case for the organization" of the phone-intake process: an agent opens a case on the
 * admin's behalf, checked by the same rules as the Case API (the same request record and its
 * Bean Validation), so a case taken by phone is like any other.
 */
@Component("openCaseByPhone")
public class OpenCaseByPhone implements JavaDelegate {

    private final SupportCaseService cases;
    private final Validator validator;

    public OpenCaseByPhone(SupportCaseService cases, Validator validator) {
        this.cases = cases;
        this.validator = validator;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OpenCaseRequest request = new OpenCaseRequest(
                text(execution, "organization"),
                enumOf(execution, "category", Category.class),
                text(execution, "service"),
                text(execution, "title"),
                text(execution, "description"),
                new Impact(bool(execution, "serviceUsable"), enumOf(execution, "scope", ImpactScope.class),
                        enumOf(execution, "businessImpact", BusinessImpact.class), bool(execution, "workaroundAvailable")),
                enumOf(execution, "requestedSeverity", Severity.class),
                bool(execution, "selfServiceTried"),
                new Contact(text(execution, "contactName"), text(execution, "contactEmail"),
                        text(execution, "contactPhone")),
                null);
        Set<ConstraintViolation<OpenCaseRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            ConstraintViolation<OpenCaseRequest> first = violations.iterator().next();
            String field = first.getPropertyPath().toString();
            throw new FormFieldValidationException(field, field + " " + first.getMessage());
        }
        String agent = StepAuthor.of(execution);
        try {
            String caseNumber = cases.openByAgent(request.toOpenCase(), agent).supportCase().caseNumber();
            execution.setVariable("caseNumber", caseNumber);
        } catch (NotPermittedException e) {
            throw new FormFieldValidationException("organization", e.getMessage());
        }
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    private static Boolean bool(DelegateExecution execution, String name) {
        return Boolean.TRUE.equals(execution.getVariable(name));
    }

    private static <E extends Enum<E>> E enumOf(DelegateExecution execution, String name, Class<E> type) {
        String value = text(execution, name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw new FormFieldValidationException(name, name + " '" + value + "' is not one of the allowed values");
        }
    }
}
