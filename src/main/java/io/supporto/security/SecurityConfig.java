package io.supporto.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may call what. The Case API uses HTTP Basic against Camunda's users; /engine-rest is
 * guarded by Camunda's authentication filter (the REST starter leaves it open otherwise), checking
 * credentials the same way ({@link VerifiedCredentials});
 * the Camunda webapps keep their own login.
 */
@Configuration
public class SecurityConfig {

    private static final String REALM = "Supporto";
    private static final int ENGINE_REST_AUTH_ORDER = 100;

    /** The Case API's OpenAPI document and Swagger UI: for any signed-in user, like the API itself. */
    private static final String API_DOCS = "/v3/api-docs/**";
    private static final String SWAGGER_UI = "/swagger-ui/**";
    private static final String SWAGGER_UI_PAGE = "/swagger-ui.html";

    /**
     * The Case API (HTTP Basic, stateless) with its OpenAPI document, and the SLA dashboard (a
     * login form and a session, CSRF on). The dashboard's page reads /api/reports/sla with its session.
     */
    @Bean
    SecurityFilterChain caseApiAndDashboard(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint problem = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic as a user of Supporto.");
        };
        return http
                .securityMatcher("/api/**", API_DOCS, SWAGGER_UI, SWAGGER_UI_PAGE,
                        "/dashboard/**", "/dashboard", "/login", "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyAuthority(
                                "GROUP_" + Groups.SUPPORT_MANAGERS, "GROUP_" + Groups.PROCESS_OWNERS,
                                "GROUP_" + Groups.CAMUNDA_ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problem))
                .formLogin(form -> form.defaultSuccessUrl("/dashboard", true))
                .exceptionHandling(ex -> ex
                        .defaultAuthenticationEntryPointFor(problem, PathPatternRequestMatcher.withDefaults().matcher("/api/**"))
                        .defaultAuthenticationEntryPointFor(problem, apiDocs())
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/dashboard/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                PathPatternRequestMatcher.withDefaults().matcher("/dashboard"))
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(json, response, HttpStatus.FORBIDDEN, "You may not do this.")))
                // API clients authenticate every request with a header and carry no session cookie:
                // nothing to forge. Requests riding on a browser session (dashboard) keep CSRF protection.
                .csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null
                        || (request.getSession(false) == null && !"/login".equals(request.getServletPath()))))
                .build();
    }

    /**
     * Actuator: the health status is public (details only for the roles in
     * management.endpoint.health.roles); metrics, Prometheus and the rest need HTTP Basic as an
     * admin, support manager or process owner. Stateless and read-only, so no session and no CSRF.
     */
    @Bean
    SecurityFilterChain actuator(HttpSecurity http, ObjectMapper json) throws Exception {
        AuthenticationEntryPoint problem = (request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
            writeProblem(json, response, HttpStatus.UNAUTHORIZED, "Sign in with HTTP Basic as a user of Supporto.");
        };
        return http
                .securityMatcher("/actuator/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasAnyAuthority("GROUP_" + Groups.CAMUNDA_ADMIN,
                                "GROUP_" + Groups.SUPPORT_MANAGERS, "GROUP_" + Groups.PROCESS_OWNERS))
                .httpBasic(basic -> basic.realmName(REALM).authenticationEntryPoint(problem))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problem)
                        .accessDeniedHandler((request, response, e) ->
                                writeProblem(json, response, HttpStatus.FORBIDDEN, "You may not do this.")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * A browser asking for Swagger UI gets the HTTP Basic prompt, not the dashboard's login form:
     * its "Try it out" then sends credentials with every call, as any API client does.
     */
    private static RequestMatcher apiDocs() {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return new OrRequestMatcher(paths.matcher(API_DOCS), paths.matcher(SWAGGER_UI), paths.matcher(SWAGGER_UI_PAGE));
    }

    @Bean
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication(ProcessEngine engine,
                                                                                       VerifiedCredentials credentials) {
        FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new EngineRestAuthenticationFilter(engine, credentials));
        registration.setName("camunda-auth");
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(ENGINE_REST_AUTH_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<EngineRestStaffOnlyFilter> engineRestStaffOnly(IdentityService identityService) {
        FilterRegistrationBean<EngineRestStaffOnlyFilter> registration =
                new FilterRegistrationBean<>(new EngineRestStaffOnlyFilter(identityService));
        registration.addUrlPatterns("/engine-rest/*");
        registration.setOrder(ENGINE_REST_AUTH_ORDER + 1);
        return registration;
    }

    private static void writeProblem(ObjectMapper json, HttpServletResponse response, HttpStatus status,
                                     String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
