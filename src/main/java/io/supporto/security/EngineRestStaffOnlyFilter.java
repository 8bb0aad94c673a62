package io.supporto.security;

import java.io.IOException;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs after Camunda's authentication filter on /engine-rest: customers (admins, partners) and
 * users outside every staff group talk to support through the Case API only, never to the engine.
 */
public class EngineRestStaffOnlyFilter extends OncePerRequestFilter {

    static final Set<String> STAFF = Set.of(Groups.SUPPORT_ENGINEERS, Groups.BILLING_SPECIALISTS,
            Groups.PRESALES_ADVISORS, Groups.SUPPORT_MANAGERS, Groups.PROCESS_OWNERS, Groups.CAMUNDA_ADMIN);

    private final IdentityService identityService;

    public EngineRestStaffOnlyFilter(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = identityService.getCurrentAuthentication();
        List<String> groups = authentication == null || authentication.getGroupIds() == null
                ? List.of() : authentication.getGroupIds();
        // Camunda's filter lets a few paths through unauthenticated (e.g. /engine); leave those to it
        if (authentication != null && groups.stream().noneMatch(STAFF::contains)) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,"
                    + "\"detail\":\"The engine API is for support staff. Customers use /api.\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
