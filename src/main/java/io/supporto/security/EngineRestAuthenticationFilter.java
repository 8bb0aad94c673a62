package io.supporto.security;

import java.util.List;

import jakarta.servlet.FilterConfig;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;

/**
 * Camunda's authentication filter for /engine-rest (HTTP Basic, then the engine's authorizations
 * apply to the user, its groups and tenants), with two differences: credentials are checked by
 * {@link VerifiedCredentials}, like the Case API's, which also hands over the groups and tenants
 * (Camunda's filter queries them again on every request); and the engine is this application's,
 * not one looked up through a {@code ServiceLoader} scan of the class path on every request.
 */
class EngineRestAuthenticationFilter extends ProcessEngineAuthenticationFilter {

    private final ProcessEngine engine;

    EngineRestAuthenticationFilter(ProcessEngine engine, VerifiedCredentials credentials) {
        this.engine = engine;
        this.authenticationProvider = new VerifiedBasicAuthentication(credentials);
    }

    @Override
    public void init(FilterConfig config) {
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
    }

    /** Only this application's engine is served; another name gets Camunda's 404 "not available". */
    @Override
    protected ProcessEngine getAddressedEngine(String engineName) {
        return engine.getName().equals(engineName) ? engine : null;
    }

    /** Camunda's HTTP Basic provider (same challenge), checking credentials through {@link VerifiedCredentials}. */
    static final class VerifiedBasicAuthentication extends HttpBasicAuthenticationProvider {

        private final BasicAuthenticationConverter header = new BasicAuthenticationConverter();
        private final VerifiedCredentials credentials;

        VerifiedBasicAuthentication(VerifiedCredentials credentials) {
            this.credentials = credentials;
        }

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            UsernamePasswordAuthenticationToken basic = decode(request);
            if (basic == null) {
                return AuthenticationResult.unsuccessful();
            }
            String userId = basic.getName();
            return credentials.verify(userId, String.valueOf(basic.getCredentials()))
                    .map(user -> {
                        AuthenticationResult result = AuthenticationResult.successful(user.id());
                        result.setGroups(List.copyOf(user.groups()));
                        result.setTenants(List.copyOf(user.tenants()));
                        return result;
                    })
                    .orElseGet(() -> AuthenticationResult.unsuccessful(userId));
        }

        private UsernamePasswordAuthenticationToken decode(HttpServletRequest request) {
            try {
                return header.convert(request);
            } catch (AuthenticationException malformed) {
                return null;
            }
        }
    }
}
