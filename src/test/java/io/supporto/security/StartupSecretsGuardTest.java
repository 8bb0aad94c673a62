package io.supporto.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile the app refuses default or missing secrets. */
class StartupSecretsGuardTest {

    static final String STRONG_SECRET = "a-long-random-link-secret-0123456789";

    MockEnvironment production(String adminPassword, String linkSecret) {
        MockEnvironment env = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin");
        if (adminPassword != null) {
            env.setProperty("camunda.bpm.admin-user.password", adminPassword);
        }
        if (linkSecret != null) {
            env.setProperty("support.links.secret", linkSecret);
        }
        return env;
    }

    @Test
    void strongSecretsStart() {
        assertThatCode(() -> new StartupSecretsGuard(production("Correct-Horse-Battery-9", STRONG_SECRET))
                .afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void missingAdminPasswordIsRefused() {
        assertThatThrownBy(() -> new StartupSecretsGuard(production(null, STRONG_SECRET)).afterPropertiesSet())
                .hasMessageContaining("SUPPORTO_ADMIN_PASSWORD");
    }

    @Test
    void defaultAdminPasswordsAreRefused() {
        for (String weak : new String[] {"admin", "demo", "short", "ADMIN"}) {
            assertThatThrownBy(() -> new StartupSecretsGuard(production(weak, STRONG_SECRET)).afterPropertiesSet())
                    .as(weak).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void missingOrShortLinkSecretIsRefused() {
        assertThatThrownBy(() -> new StartupSecretsGuard(production("Correct-Horse-Battery-9", null))
                .afterPropertiesSet()).hasMessageContaining("SUPPORTO_LINKS_SECRET");
        assertThatThrownBy(() -> new StartupSecretsGuard(production("Correct-Horse-Battery-9", "secret"))
                .afterPropertiesSet()).hasMessageContaining("support.links.secret");
    }

    @Test
    void theDemoProfileMayUseDemoPasswords() {
        MockEnvironment demo = production("demo", null);
        demo.setActiveProfiles("demo");
        assertThatCode(() -> new StartupSecretsGuard(demo).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
