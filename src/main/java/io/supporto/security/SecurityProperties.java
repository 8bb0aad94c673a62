package io.supporto.security;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code support.security.*}: how long HTTP Basic credentials, once checked against Camunda's
 * identity service, are accepted without checking them again (see {@link VerifiedCredentials}).
 * {@code 0s} checks every request.
 */
@Validated
@ConfigurationProperties("support.security")
public record SecurityProperties(@DefaultValue("30s") @NotNull Duration credentialsCacheTtl) {
}
