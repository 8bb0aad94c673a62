package io.supporto.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Outside the demo profile the app refuses default or missing secrets. */
class StartupSecretsGuardTest {

    /** openssl rand -base64 32 */
    static final String STRONG_SECRET = "q3Jm0r9Zl8W1vYb2cT6xN4eH7sK5dP0aUfGiLoQwRtE=";

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
    void aLinkSecretCarriesAtLeast256Bits() {
        String admin = "Correct-Horse-Battery-9";
        for (String strong : new String[] {STRONG_SECRET, STRONG_SECRET.replace("=", ""),
                "q3Jm0r9Zl8W1vYb2cT6xN4eH7sK5dP0aUfGiLoQwRtE", "3f9a1c7e5b2d8f4061a9c3e7b5d2f8a04c6e9b1d7f3a5c8e2b4d6f9a1c3e5b70"}) {
            assertThatCode(() -> new StartupSecretsGuard(production(admin, strong)).afterPropertiesSet())
                    .as(strong).doesNotThrowAnyException();
        }
        for (String weak : new String[] {
                // 12+ characters, accepted before: 24 bytes as base64, a phrase, hex of 31 bytes, one repeated letter
                "a-long-random-link-secret-0123456789", "correct horse battery staple and more words here",
                "3f9a1c7e5b2d8f4061a9c3e7b5d2f8a04c6e9b1d7f3a5c8e2b4d6f9a1c3e5b", "A".repeat(64),
                "q3Jm0r9Zl8W1vYb2cT6xN4eH7sK5dP0a"}) {
            assertThatThrownBy(() -> new StartupSecretsGuard(production(admin, weak)).afterPropertiesSet())
                    .as(weak).hasMessageContaining("256 bits");
        }
    }

    @Test
    void previousLinkSecretsMustBeStrongToo() {
        MockEnvironment env = production("Correct-Horse-Battery-9", STRONG_SECRET);
        env.setProperty("support.links.previous-secrets", "nM8qT2vX9cL4bR7kW1zF6hJ3pS0dG5aYeUiOoQwErTy=,short-old-secret");
        assertThatThrownBy(() -> new StartupSecretsGuard(env).afterPropertiesSet())
                .hasMessageContaining("support.links.previous-secrets[1]");
        env.setProperty("support.links.previous-secrets", "nM8qT2vX9cL4bR7kW1zF6hJ3pS0dG5aYeUiOoQwErTy=");
        assertThatCode(() -> new StartupSecretsGuard(env).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void theDemoProfileMayUseDemoPasswords() {
        MockEnvironment demo = production("demo", null);
        demo.setActiveProfiles("demo");
        assertThatCode(() -> new StartupSecretsGuard(demo).afterPropertiesSet()).doesNotThrowAnyException();
    }
}
