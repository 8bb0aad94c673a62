package io.supporto.api;

import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.web.servlet.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.WebRequest;

/**
 * A failure outside the controllers (a filter, a view) reaches Spring Boot's error page instead of
 * {@link ProblemHandler}; it gets an error id there too, logged with its stack trace.
 */
@Component
class ErrorIdAttributes extends DefaultErrorAttributes {

    private static final Logger log = LoggerFactory.getLogger(ErrorIdAttributes.class);

    @Override
    public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
        Map<String, Object> attributes = super.getErrorAttributes(request, options);
        Throwable error = getError(request);
        if (error != null && attributes.get("status") instanceof Integer status && status >= 500
                && !UnavailableFilter.noConnection(error)) {
            String errorId = ErrorIds.next();
            log.error("Error {}: {} failed", errorId, attributes.get("path"), error);
            attributes.put(ErrorIds.PROPERTY, errorId);
        }
        return attributes;
    }
}
