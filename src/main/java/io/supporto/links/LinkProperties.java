package io.supporto.links;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code support.links.*}: the HMAC-SHA256 key that signs the links in emails, the keys it
 * replaced (still accepted to verify the links mailed under them, never used to sign), and the
 * public address links start with (default: the app's own address).
 *
 * <p>A key is used as the bytes of its text, so a key rotated in keeps verifying what it signed.
 * Outside the demo profile it must carry at least 256 bits: the base64 of 32 random bytes (for
 * example {@code openssl rand -base64 32}) or 64 hex digits ({@code security.StartupSecretsGuard}).
 */
@ConfigurationProperties("support.links")
public record LinkProperties(String secret, @DefaultValue List<String> previousSecrets, String baseUrl) {
}
