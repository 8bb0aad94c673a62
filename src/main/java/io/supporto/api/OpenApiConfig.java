package io.supporto.api;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PutMapping;

/**
 * The Case API's OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html). Each operation's
 * problem responses are added here by rule instead of on every method: 401, 500 and 503 on all,
 * 400 where a body or a query parameter can be wrong, 404 where the path names a resource (PUT
 * creates it instead), and 403 and 409 where the method says so ({@link ProblemResponses}).
 * Every one is application/problem+json.
 */
@Configuration
public class OpenApiConfig {

    static final String PROBLEM = "Problem";
    static final String INVALID_REQUEST = "InvalidRequestProblem";
    static final String INTERNAL_ERROR = "InternalErrorProblem";
    private static final String BASIC = "basicAuth";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Invalid request: each bad field is listed in `errors`; nothing was changed",
            401, "Not signed in: use HTTP Basic as a user of Supporto",
            403, "Not permitted to the caller's groups or organizations",
            404, "No such resource, or one the caller may not see (its existence does not leak)",
            409, "Not possible in the case's current state, or the case changed meanwhile; nothing was changed",
            500, "A bug: the body names no internals, only `errorId`, which is also on the log line with the"
                    + " stack trace; whether something was changed is not known",
            503, "Overloaded or no database connection; nothing was changed, retry after Retry-After seconds");

    @Bean
    OpenAPI caseApi() {
        return new OpenAPI()
                .info(new Info().title("Supporto Case API").version("1")
                        .description("Support cases of customer organizations. Errors are application/problem+json"
                                + " (RFC 9457); a 400 lists each bad field in `errors`."))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("A user of Supporto (Camunda's users)"))
                        .addSchemas(PROBLEM, problemSchema())
                        .addSchemas(INVALID_REQUEST, invalidRequestSchema())
                        .addSchemas(INTERNAL_ERROR, internalErrorSchema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }

    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            ApiResponses responses = operation.getResponses();
            if (operation.getRequestBody() != null || hasParameterIn(operation, "query")) {
                add(responses, HttpStatus.BAD_REQUEST);
            }
            add(responses, HttpStatus.UNAUTHORIZED);
            if (hasParameterIn(operation, "path") && !handler.hasMethodAnnotation(PutMapping.class)) {
                add(responses, HttpStatus.NOT_FOUND);
            }
            ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
            if (declared != null) {
                for (int status : declared.value()) {
                    add(responses, HttpStatus.valueOf(status));
                }
            }
            add(responses, HttpStatus.INTERNAL_SERVER_ERROR);
            add(responses, HttpStatus.SERVICE_UNAVAILABLE).addHeaderObject("Retry-After",
                    new Header().description("Seconds to wait before retrying").schema(new IntegerSchema()));
            return operation;
        };
    }

    private static ApiResponse add(ApiResponses responses, HttpStatus status) {
        String schema = status == HttpStatus.BAD_REQUEST ? INVALID_REQUEST
                : status == HttpStatus.INTERNAL_SERVER_ERROR ? INTERNAL_ERROR : PROBLEM;
        ApiResponse response = new ApiResponse().description(DESCRIPTIONS.get(status.value()))
                .content(new Content().addMediaType(PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + schema))));
        responses.addApiResponse(String.valueOf(status.value()), response);
        return response;
    }

    private static boolean hasParameterIn(Operation operation, String in) {
        List<Parameter> parameters = operation.getParameters();
        return parameters != null && parameters.stream().anyMatch(p -> in.equals(p.getIn()));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"));
    }

    private static Schema<?> internalErrorSchema() {
        return new Schema<>().description("A bug's problem: `errorId` leads to the log line with the stack trace")
                .allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                        new ObjectSchema().addProperty(ErrorIds.PROPERTY, new StringSchema().example("k7m2qd9xwp"))
                                .required(List.of(ErrorIds.PROPERTY))));
    }

    private static Schema<?> invalidRequestSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty("field", new StringSchema().example("impact.scope"))
                .addProperty("message", new StringSchema()
                        .example("must be one of SINGLE_USER, MULTIPLE_USERS, ORGANIZATION"))
                .required(List.of("field", "message"));
        return new Schema<>().description("A problem whose `errors` names each bad field")
                .allOf(List.of(new Schema<>().$ref("#/components/schemas/" + PROBLEM),
                        new ObjectSchema().addProperty("errors", new ArraySchema().items(fieldProblem))
                                .required(List.of("errors"))));
    }
}
