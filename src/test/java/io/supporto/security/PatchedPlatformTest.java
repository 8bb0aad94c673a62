package io.supporto.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.stream.Stream;

import org.apache.catalina.util.ServerInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The libraries on the classpath are at least the releases that fix the CVEs listed in
 * docs/security.md, so a change of the Spring Boot parent or of an override cannot quietly bring
 * a vulnerable one back.
 */
class PatchedPlatformTest {

    static Stream<Arguments> fixes() {
        return Stream.of(
                Arguments.of("Spring Security", implementationVersion(
                        org.springframework.security.core.SpringSecurityCoreVersion.class), "6.5.10",
                        "CVE-2026-22732, CVE-2026-22746, CVE-2026-22748, CVE-2026-22751"),
                Arguments.of("Spring Framework", implementationVersion(org.springframework.core.SpringVersion.class),
                        "6.2.19", "CVE-2026-22740, CVE-2026-22741, CVE-2026-22745, CVE-2026-41850, CVE-2026-41851"),
                Arguments.of("Tomcat", ServerInfo.getServerNumber(), "10.1.56",
                        "CVE-2026-43515, CVE-2026-55276, CVE-2026-55956"),
                Arguments.of("Jackson", com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString(), "2.21.4",
                        "CVE-2026-54513"),
                Arguments.of("Commons Lang", implementationVersion(org.apache.commons.lang3.StringUtils.class), "3.18.0",
                        "CVE-2025-48924"),
                Arguments.of("Thymeleaf", implementationVersion(org.thymeleaf.TemplateEngine.class), "3.1.4",
                        "CVE-2026-40477, CVE-2026-40478"),
                Arguments.of("PostgreSQL JDBC", implementationVersion(org.postgresql.Driver.class), "42.7.11",
                        "CVE-2026-42198"),
                Arguments.of("Logback", implementationVersion(ch.qos.logback.core.Appender.class), "1.5.25",
                        "CVE-2026-1225"));
    }

    @ParameterizedTest(name = "{0} {1} is at least {2}")
    @MethodSource("fixes")
    void eachLibraryIsAtLeastTheReleaseWithTheFix(String library, String version, String fixedIn, String cves) {
        assertThat(compare(version, fixedIn)).as("%s %s predates %s, which fixes %s", library, version, fixedIn, cves)
                .isGreaterThanOrEqualTo(0);
    }

    private static String implementationVersion(Class<?> type) {
        String version = type.getPackage().getImplementationVersion();
        assertThat(version).as("version of the jar of %s", type.getName()).isNotNull();
        return version;
    }

    /** Compares the numeric parts ("10.1.62.0", "3.1.5.RELEASE"): a missing part counts as 0. */
    static int compare(String version, String other) {
        int[] a = numbers(version);
        int[] b = numbers(other);
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = Integer.compare(i < a.length ? a[i] : 0, i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[.-]")).takeWhile(part -> part.matches("\\d+"))
                .mapToInt(Integer::parseInt).toArray();
    }
}
