package io.supporto.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.supporto.cases.CaseConflictException;
import io.supporto.cases.CaseNotFoundException;
import io.supporto.cases.NotPermittedException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the Case API as application/problem+json (RFC 9457); a 400 lists each bad
 * field under {@code errors} as {@code {field, message}}.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    public record FieldProblem(String field, String message) {
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(fieldName(error.getField()), error.getDefaultMessage()));
        }
        ex.getBindingResult().getGlobalErrors()
                .forEach(e -> errors.add(new FieldProblem(e.getObjectName(), e.getDefaultMessage())));
        return ResponseEntity.badRequest().body(invalid(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = ex.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldProblem(path(unknown), "is not a known field"))));
        }
        if (cause instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            String allowed = Arrays.stream(format.getTargetType().getEnumConstants())
                    .map(Object::toString).collect(Collectors.joining(", "));
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldProblem(path(format), "must be one of " + allowed))));
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return ResponseEntity.badRequest().body(invalid(List.of(
                    new FieldProblem(path(mapping), "has the wrong type"))));
        }
        String detail = cause instanceof JsonProcessingException
                ? "The body is not valid JSON." : "The request needs a JSON body.";
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "Unreadable request", detail));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
        String message = ex.getRequiredType() != null && ex.getRequiredType().isEnum()
                ? "must be one of " + Arrays.stream(ex.getRequiredType().getEnumConstants())
                        .map(Object::toString).collect(Collectors.joining(", "))
                : "has the wrong type";
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.getName(), message))));
    }

    @ExceptionHandler(InvalidFieldException.class)
    ResponseEntity<Object> invalidField(InvalidFieldException ex) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(ex.field(), ex.getMessage()))));
    }

    @ExceptionHandler({CaseNotFoundException.class, NotFoundException.class})
    ResponseEntity<Object> notFound(RuntimeException ex) {
        return respond(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
    }

    @ExceptionHandler(NotPermittedException.class)
    ResponseEntity<Object> forbidden(NotPermittedException ex) {
        return respond(HttpStatus.FORBIDDEN, "Not permitted", ex.getMessage());
    }

    @ExceptionHandler(CaseConflictException.class)
    ResponseEntity<Object> conflict(CaseConflictException ex) {
        return respond(HttpStatus.CONFLICT, "Not possible in the case's current state", ex.getMessage());
    }

    @ExceptionHandler(OptimisticLockingException.class)
    ResponseEntity<Object> concurrentChange(OptimisticLockingException ex) {
        return respond(HttpStatus.CONFLICT, "Changed concurrently",
                "The case changed while your request was handled; read it again and retry.");
    }

    /**
     * The last line. No database connection (overload or an outage, {@link UnavailableFilter#noConnection})
     * is not a bug: the same 503 as {@link UnavailableFilter}, without a stack trace. Anything else is
     * a bug: 500 with an error id that is also on the log line with the stack trace, so a report can
     * be matched with its cause; nothing of the internals in the body. Whether anything was changed
     * is not known here, so the body does not claim either.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, HttpServletRequest request) {
        String call = request.getMethod() + " " + request.getRequestURI();
        if (UnavailableFilter.noConnection(ex)) {
            return unavailable(call);
        }
        String errorId = ErrorIds.next();
        log.error("Error {}: {} failed", errorId, call, ex);
        ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR, ErrorIds.TITLE, ErrorIds.detail(errorId));
        problem.setProperty(ErrorIds.PROPERTY, errorId);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    private static ResponseEntity<Object> unavailable(String call) {
        log.warn("No database connection for {}: answered 503", call);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, UnavailableFilter.RETRY_AFTER_SECONDS)
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, UnavailableFilter.TITLE, UnavailableFilter.DETAIL));
    }

    private static ResponseEntity<Object> respond(HttpStatus status, String title, String detail) {
        return ResponseEntity.status(status).body(problem(status, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String title, @Nullable String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static ProblemDetail invalid(List<FieldProblem> errors) {
        String fields = errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", fields);
        problem.setProperties(Map.of("errors", errors));
        return problem;
    }

    private static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "body" : sb.toString();
    }

    /** Bean Validation reports record accessors such as "country" for isCountry(): keep the JSON name. */
    private static String fieldName(String field) {
        if (field.startsWith("is") && field.length() > 2 && Character.isUpperCase(field.charAt(2))) {
            return Character.toLowerCase(field.charAt(2)) + field.substring(3);
        }
        return field;
    }
}
