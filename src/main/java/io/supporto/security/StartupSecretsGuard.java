package io.supporto.security;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a missing or default admin password, or a link-signing secret of less than
 * 256 bits, outside the demo profile. Camunda's admin-user falls back to its id as password when
 * none is set, so an unset password would otherwise become "admin"/"admin".
 */
@Component
public class StartupSecretsGuard implements InitializingBean {

    static final Set<String> KNOWN_DEFAULTS = Set.of("admin", "demo", "password", "changeme", "secret", "camunda");
    static final int MIN_LENGTH = 12;
    /** HMAC-SHA256's own key size: 32 bytes, 256 bits. */
    static final int MIN_SECRET_BYTES = 32;
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");

    private final Environment environment;

    public StartupSecretsGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        requireKey("support.links.secret (SUPPORTO_LINKS_SECRET)", environment.getProperty("support.links.secret"));
        List<String> previous = Arrays.stream(environment.getProperty("support.links.previous-secrets", String[].class,
                new String[0])).filter(secret -> !secret.isBlank()).toList();
        for (int i = 0; i < previous.size(); i++) {
            requireKey("support.links.previous-secrets[" + i + "]", previous.get(i));
        }
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        if (adminId != null && !adminId.isBlank()) {
            requireStrong("camunda.bpm.admin-user.password (SUPPORTO_ADMIN_PASSWORD)",
                    environment.getProperty("camunda.bpm.admin-user.password"), adminId);
        }
    }

    /** At least 256 bits, as base64 (or base64url) of 32 random bytes or as 64 hex digits. */
    static void requireKey(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set. Set it (e.g. openssl rand -base64 32),"
                    + " or run with the demo profile.");
        }
        if (keyBytes(value.strip()) < MIN_SECRET_BYTES || value.chars().distinct().count() < 8) {
            throw new IllegalStateException(key + " carries less than 256 bits: use the base64 of "
                    + MIN_SECRET_BYTES + " random bytes (openssl rand -base64 32) or 64 hex digits."
                    + " Refusing to start outside the demo profile.");
        }
    }

    private static int keyBytes(String value) {
        try {
            if (HEX.matcher(value).matches() && value.length() % 2 == 0) {
                return HexFormat.of().parseHex(value).length;
            }
            if (BASE64.matcher(value).matches()) {
                String unpadded = value.replace("=", "");
                return (value.contains("-") || value.contains("_") ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(unpadded).length;
            }
        } catch (IllegalArgumentException e) {
            return 0;
        }
        return 0;
    }

    static void requireStrong(String key, String value, String... forbidden) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(key + " is not set. Set it, or run with the demo profile.");
        }
        if (value.length() < MIN_LENGTH || KNOWN_DEFAULTS.contains(value.toLowerCase())
                || Arrays.stream(forbidden).anyMatch(value::equalsIgnoreCase)) {
            throw new IllegalStateException(key + " is a default or too short (at least " + MIN_LENGTH
                    + " characters, not a well-known default). Refusing to start outside the demo profile.");
        }
    }
}
