package io.supporto.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on an in-memory H2 database, on a random port, with the job executor
 * off (tests run jobs themselves) and notifications recorded. All tests using it share one
 * Spring context, so a test keeps its data apart by using its own organizations and users.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles(resolver = TestProfiles.class)
@Import({TestNotifierConfig.class, DatabaseOutage.class})
public @interface SupportoTest {
}
