package io.supporto.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * /v3/api-docs describes every Case API operation that Spring MVC serves under /api, each with the
 * problem responses it may answer, and only a signed-in user reads it or Swagger UI.
 */
@SupportoTest
class OpenApiDocumentTest extends ApiTestSupport {

    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;

    /** "get /api/cases/{caseNumber}" for each method and path of each @RestController mapping under /api. */
    Map<String, HandlerMethod> servedOperations() {
        Map<String, HandlerMethod> operations = new TreeMap<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), RestController.class)) {
                return;
            }
            for (String path : info.getPatternValues()) {
                if (path.startsWith("/api/")) {
                    assertThat(info.getMethodsCondition().getMethods()).as("HTTP methods of %s", path).isNotEmpty();
                    info.getMethodsCondition().getMethods()
                            .forEach(method -> operations.put(method.name().toLowerCase() + " " + path, handler));
                }
            }
        });
        return operations;
    }

    JsonNode document() {
        SupportUser member = fixtures.user(null, fixtures.organization(Plan.BUSINESS_STANDARD, false).id());
        ApiClient.Response answer = client(member).get("/v3/api-docs").expect(200);
        assertThat(answer.contentType()).startsWith("application/json");
        return answer.json();
    }

    @Test
    void everyCaseApiOperationIsInTheDocumentAndNothingElse() {
        Set<String> served = servedOperations().keySet();
        assertThat(served).contains("post /api/cases", "get /api/cases/{caseNumber}", "put /api/organizations/{id}",
                "get /api/reports/sla");

        Set<String> documented = new TreeSet<>();
        document().path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> documented.add(method + " " + path.getKey())));

        assertThat(documented).isEqualTo(served);
    }

    @Test
    void eachOperationDocumentsItsProblemResponses() {
        JsonNode document = document();
        List<String> missing = new ArrayList<>();
        servedOperations().forEach((operation, handler) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            String path = operation.substring(operation.indexOf(' ') + 1);
            JsonNode op = document.path("paths").path(path).path(method);
            JsonNode responses = op.path("responses");

            Set<String> expected = new TreeSet<>(Set.of("401", "500", "503"));
            if (op.has("requestBody") || hasQueryParameter(op)) {
                expected.add("400");
            }
            if (path.contains("{") && !method.equals("put")) {
                expected.add("404");
            }
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                Arrays.stream(declared.value()).forEach(status -> expected.add(String.valueOf(status)));
            }
            List<String> statuses = new ArrayList<>();
            responses.fieldNames().forEachRemaining(statuses::add);
            if (statuses.stream().noneMatch(status -> status.startsWith("2"))) {
                missing.add(operation + " has no success response: " + statuses);
            }
            expected.stream().filter(status -> !responses.has(status))
                    .forEach(status -> missing.add(operation + " has no " + status));

            responses.fields().forEachRemaining(response -> {
                String status = response.getKey();
                if (status.startsWith("4") || status.startsWith("5")) {
                    String schema = response.getValue().path("content").path(ApiClient.PROBLEM_JSON)
                            .path("schema").path("$ref").asText();
                    String wanted = "#/components/schemas/"
                            + (status.equals("400") ? OpenApiConfig.INVALID_REQUEST
                            : status.equals("500") ? OpenApiConfig.INTERNAL_ERROR : OpenApiConfig.PROBLEM);
                    if (!schema.equals(wanted)) {
                        missing.add(operation + " " + status + " is not " + ApiClient.PROBLEM_JSON + " " + wanted);
                    }
                }
            });
        });
        assertThat(missing).isEmpty();

        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.path(OpenApiConfig.PROBLEM).path("properties").has("detail")).isTrue();
        assertThat(schemas.path(OpenApiConfig.INVALID_REQUEST).toString()).contains("\"errors\"", "\"field\"");
        JsonNode openCase = document.path("paths").path("/api/cases").path("post").path("responses");
        assertThat(openCase.path("201").path("content").path("application/json").path("schema").path("$ref").asText())
                .endsWith("/CaseView");
        assertThat(openCase.path("503").path("headers").has("Retry-After")).isTrue();
    }

    @Test
    void onlyASignedInUserReadsTheDocumentAndSwaggerUi() {
        anonymous().get("/v3/api-docs").expect(401);
        ApiClient.Response ui = anonymous().get("/swagger-ui/index.html").expect(401);
        assertThat(ui.header("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));

        SupportUser member = fixtures.user(null, fixtures.organization(Plan.BUSINESS_STANDARD, false).id());
        assertThat(client(member).get("/swagger-ui/index.html").expect(200).body()).contains("swagger-ui");
        assertThat(client(member).get("/v3/api-docs/swagger-config").expect(200).body()).contains("/v3/api-docs");
    }

    private static boolean hasQueryParameter(JsonNode operation) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("query")) {
                return true;
            }
        }
        return false;
    }
}
