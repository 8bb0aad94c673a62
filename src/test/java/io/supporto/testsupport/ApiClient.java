package io.supporto.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * Real HTTP against the running app (java.net.http, HTTP/1.1), optionally with HTTP Basic
 * credentials. Every answer is checked for a server error: no request of the tests may make the
 * app answer 5xx, except 503 from a client made {@link #duringOutage()} and 500 from one made
 * {@link #expectingInternalError()}.
 */
public final class ApiClient {

    public static final String PROBLEM_JSON = "application/problem+json";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final String authorization;
    /** The one 5xx status this client lets through (0: none). */
    private final int allowedServerError;
    /** How long a request may take before it fails with an HttpTimeoutException. */
    private final Duration timeout;

    private ApiClient(int port, String authorization, int allowedServerError, Duration timeout) {
        this.port = port;
        this.authorization = authorization;
        this.allowedServerError = allowedServerError;
        this.timeout = timeout;
    }

    private ApiClient(int port, String authorization) {
        this(port, authorization, 0, DEFAULT_TIMEOUT);
    }

    /** The same client for a test that takes the database away: 503 is then the expected answer. */
    public ApiClient duringOutage() {
        return new ApiClient(port, authorization, 503, timeout);
    }

    /** The same client for a test that makes the app fail on purpose: 500 is then the expected answer. */
    public ApiClient expectingInternalError() {
        return new ApiClient(port, authorization, 500, timeout);
    }

    /** The same client with another bound on each request (30 s by default). */
    public ApiClient withTimeout(Duration timeout) {
        return new ApiClient(port, authorization, allowedServerError, timeout);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    public static ApiClient as(int port, String user, String password) {
        return new ApiClient(port, basic(user, password));
    }

    public static ApiClient withAuthorization(int port, String authorizationHeader) {
        return new ApiClient(port, authorizationHeader);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    /** POSTs the body: a String is sent as is, anything else is written as JSON. */
    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        String text = body == null ? null : body instanceof String s ? s : write(body);
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HTTP.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response response = new Response(method + " " + path, answer.statusCode(), answer.headers().map(),
                    answer.body());
            boolean serverError = response.status() >= 500 && response.status() != allowedServerError;
            assertThat(serverError)
                    .as("%s must never answer a server error, answered %d; body: %s",
                            response.call(), response.status(), response.body())
                    .isFalse();
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A mutable request body for POST /api/cases, the contract's example: severity B by default. */
    public static Map<String, Object> caseBody(String organization) {
        Map<String, Object> impact = new LinkedHashMap<>();
        impact.put("serviceUsable", true);
        impact.put("scope", "SINGLE_USER");
        impact.put("businessImpact", "MODERATE");
        impact.put("workaroundAvailable", false);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", "Anna Rossi");
        contact.put("email", "anna@contoso.example");
        contact.put("phone", "+39 02 0000");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organization", organization);
        body.put("category", "TECHNICAL");
        body.put("service", "EXCHANGE_ONLINE");
        body.put("title", "Mail not delivered");
        body.put("description", "Since 9:00 no one receives external mail");
        body.put("impact", impact);
        body.put("requestedSeverity", null);
        body.put("selfServiceTried", false);
        body.put("contact", contact);
        return body;
    }

    /** Mail flow broken for the whole organization: severity A. */
    public static Map<String, Object> criticalCaseBody(String organization) {
        Map<String, Object> body = caseBody(organization);
        impact(body).putAll(Map.of("serviceUsable", false, "scope", "ORGANIZATION",
                "businessImpact", "CRITICAL", "workaroundAvailable", false));
        return body;
    }

    /** A how-to question with minimal impact: severity C. */
    public static Map<String, Object> minorCaseBody(String organization) {
        Map<String, Object> body = caseBody(organization);
        impact(body).putAll(Map.of("serviceUsable", true, "scope", "SINGLE_USER",
                "businessImpact", "MINIMAL", "workaroundAvailable", true));
        return body;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> impact(Map<String, Object> caseBody) {
        return (Map<String, Object>) caseBody.get("impact");
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> contact(Map<String, Object> caseBody) {
        return (Map<String, Object>) caseBody.get("contact");
    }

    /** A mutable body for PUT /api/organizations/{id}, the contract's example. */
    public static Map<String, Object> organizationBody(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("plan", "BUSINESS_STANDARD");
        body.put("elevatedSupport", false);
        body.put("country", "IT");
        body.put("timeZone", "Europe/Rome");
        body.put("language", "it");
        body.put("adminEmails", new ArrayList<>(List.of("it-admin@contoso.example")));
        return body;
    }

    public record Response(String call, int status, Map<String, List<String>> headers, String body) {

        public Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError(call + " answered a body that is not JSON: " + body, e);
            }
        }

        /** Asserts the status, with the body in the failure message. */
        public Response expect(int expected) {
            assertThat(status).as("%s answered %s", call, body).isEqualTo(expected);
            return this;
        }

        /** Asserts an RFC 9457 problem with this status, title and detail. */
        public JsonNode expectProblem(int expected) {
            expect(expected);
            assertThat(contentType()).as("Content-Type of %s", call).startsWith(PROBLEM_JSON);
            JsonNode problem = json();
            assertThat(problem.path("status").asInt()).as("status of %s", body).isEqualTo(expected);
            assertThat(problem.path("title").asText()).as("title of %s", body).isNotBlank();
            assertThat(problem.path("detail").asText()).as("detail of %s", body).isNotBlank();
            return problem;
        }

        /** Asserts a 400 problem whose errors array names the field (and only well-formed entries). */
        public JsonNode expectInvalid(String field) {
            JsonNode problem = expectProblem(400);
            JsonNode errors = problem.path("errors");
            assertThat(errors.isArray()).as("errors array in %s", body).isTrue();
            assertThat(errors).as("errors of %s", body).isNotEmpty();
            List<String> fields = new ArrayList<>();
            for (JsonNode error : errors) {
                assertThat(error.path("field").asText()).as("field of %s", error).isNotBlank();
                assertThat(error.path("message").asText()).as("message of %s", error).isNotBlank();
                fields.add(error.path("field").asText());
            }
            assertThat(fields).as("bad fields named by %s", body).contains(field);
            return problem;
        }
    }
}
