package io.supporto.api;

import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.glassfish.jersey.internal.spi.AutoDiscoverable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Camunda's JAX-RS APIs (/engine-rest, and /camunda/api/… behind Tasklist and Cockpit) turn
 * every exception they have no mapper for into a 500, so a missing database connection never
 * reaches {@link UnavailableFilter}. This mapper, more specific than Camunda's catch-all,
 * answers it with the same 503 and Retry-After as the rest of the app. {@link Registration}
 * adds it to every Jersey application of the app, as Jersey's own modules add their providers.
 */
public class NoConnectionMapper implements ExceptionMapper<CannotCreateTransactionException> {

    private static final Logger log = LoggerFactory.getLogger(NoConnectionMapper.class);

    @Override
    public Response toResponse(CannotCreateTransactionException exception) {
        log.warn("No database connection for a request to Camunda's REST API: answered 503");
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header("Retry-After", UnavailableFilter.RETRY_AFTER_SECONDS)
                .type("application/problem+json")
                .entity(UnavailableFilter.PROBLEM_JSON)
                .build();
    }

    /**
     * Found by Jersey through META-INF/services: the webapps' APIs are JAX-RS applications the
     * webapp starter registers itself, with fixed class lists, so no Spring hook reaches them.
     */
    public static class Registration implements AutoDiscoverable {

        @Override
        public void configure(FeatureContext context) {
            if (!context.getConfiguration().isRegistered(NoConnectionMapper.class)) {
                context.register(NoConnectionMapper.class);
            }
        }
    }
}
