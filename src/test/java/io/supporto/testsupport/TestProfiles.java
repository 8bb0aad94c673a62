package io.supporto.testsupport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.test.context.ActiveProfilesResolver;

/**
 * The "test" profile, plus those named in the system property {@code supporto.test.profiles}
 * (the postgres-tests Maven profile adds "pgtest" to run the same tests on PostgreSQL).
 */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        List<String> profiles = new ArrayList<>(List.of("test"));
        String extra = System.getProperty("supporto.test.profiles", "");
        Arrays.stream(extra.split(",")).map(String::strip).filter(p -> !p.isEmpty()).forEach(profiles::add);
        return profiles.toArray(String[]::new);
    }
}
