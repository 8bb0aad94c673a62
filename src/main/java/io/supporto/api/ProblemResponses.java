package io.supporto.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem statuses a Case API operation answers beyond those {@link OpenApiConfig} gives
 * every operation by rule (400, 401, 404, 500, 503): 403 and 409, which depend on what the
 * operation checks. Read only for the OpenAPI document.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface ProblemResponses {

    int[] value();
}
