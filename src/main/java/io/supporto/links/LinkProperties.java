package io.supporto.links;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code support.links.*}: the HMAC-SHA256 key that signs the links in emails, and the public
 * address they start with (default: the app's own address).
 */
@ConfigurationProperties("support.links")
public record LinkProperties(String secret, String baseUrl) {
}
