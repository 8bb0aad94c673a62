package io.supporto.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Camunda's REST API turns every exception it has no mapper for into a 500, so a missing
 * database connection never reaches {@link UnavailableFilter}. This mapper, more specific than
 * Camunda's catch-all, answers it with the same 503 and Retry-After as the rest of the app.
 */
@Component
class EngineRestUnavailable implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestUnavailable.class);

    @Override
    public void customize(ResourceConfig config) {
        config.register(new NoConnectionMapper());
    }

    static final class NoConnectionMapper implements ExceptionMapper<CannotCreateTransactionException> {

        @Override
        public Response toResponse(CannotCreateTransactionException exception) {
            log.warn("No database connection for an /engine-rest request: answered 503");
            return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                    .header("Retry-After", UnavailableFilter.RETRY_AFTER_SECONDS)
                    .type("application/problem+json")
                    .entity(UnavailableFilter.PROBLEM_JSON)
                    .build();
        }
    }
}
