package io.supporto.security;

import java.util.Arrays;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Refuses to start with a missing or default admin password or link-signing secret outside the
 * demo profile. Camunda's
 * admin-user falls back to its id as password when none is set, so an unset password would
 * otherwise become "admin"/"admin".
 */
@Component
public class StartupSecretsGuard implements InitializingBean {

    static final Set<String> KNOWN_DEFAULTS = Set.of("admin", "demo", "password", "changeme", "secret", "camunda");
    static final int MIN_LENGTH = 12;

    private final Environment environment;

    public StartupSecretsGuard(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        if (environment.acceptsProfiles(Profiles.of("demo"))) {
            return;
        }
        requireStrong("support.links.secret (SUPPORTO_LINKS_SECRET)", environment.getProperty("support.links.secret"));
        String adminId = environment.getProperty("camunda.bpm.admin-user.id");
        if (adminId != null && !adminId.isBlank()) {
            requireStrong("camunda.bpm.admin-user.password (SUPPORTO_ADMIN_PASSWORD)",
                    environment.getProperty("camunda.bpm.admin-user.password"), adminId);
        }
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
