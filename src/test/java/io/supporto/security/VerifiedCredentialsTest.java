package io.supporto.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Credentials checked once are remembered for the configured time and no longer; wrong passwords are
 * never remembered. The cache's clock is a fake one here, moved by the test.
 */
@SupportoTest
class VerifiedCredentialsTest {

    static final String NEW_PASSWORD = "Changed-Password-2";

    @Autowired IdentityService identityService;
    @Autowired Fixtures fixtures;

    final AtomicLong nanos = new AtomicLong();

    VerifiedCredentials withTtl(Duration ttl) {
        return new VerifiedCredentials(identityService, new SecurityProperties(ttl), nanos::get);
    }

    void changePassword(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(NEW_PASSWORD);
        identityService.saveUser(user);
    }

    void wait(Duration time) {
        nanos.addAndGet(time.toNanos());
    }

    @Test
    void theUserComesWithItsGroupsAndTenants() {
        Organization org = fixtures.organization(Plan.BUSINESS_PREMIUM, false);
        SupportUser admin = fixtures.adminOf(org);

        assertThat(withTtl(Duration.ofSeconds(30)).verify(admin.id(), Fixtures.PASSWORD))
                .contains(new SupportUser(admin.id(), Set.of(Groups.CUSTOMER_ADMINS), Set.of(org.id())));
    }

    @Test
    void aCheckedPasswordIsAcceptedUntilTheTtlEndsThenCheckedAgain() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        VerifiedCredentials credentials = withTtl(Duration.ofSeconds(30));
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).isPresent();

        changePassword(engineer.id());
        wait(Duration.ofSeconds(29));
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).as("remembered for 30 s").isPresent();

        wait(Duration.ofSeconds(2));
        // the new password first: after a failed attempt Camunda delays the next login of the user
        assertThat(credentials.verify(engineer.id(), NEW_PASSWORD)).isPresent();
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).as("checked again after 30 s").isEmpty();
    }

    @Test
    void anotherPasswordForARememberedUserIsCheckedNotTakenFromTheCache() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        VerifiedCredentials credentials = withTtl(Duration.ofSeconds(30));
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).isPresent();

        assertThat(credentials.verify(engineer.id(), "Test-Password-2")).isEmpty();
        assertThat(credentials.verify(engineer.id(), "")).isEmpty();
        assertThat(credentials.verify(engineer.id(), null)).isEmpty();
    }

    @Test
    void aFailedCheckIsNotRemembered() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        VerifiedCredentials credentials = withTtl(Duration.ofSeconds(30));
        assertThat(credentials.verify(engineer.id(), NEW_PASSWORD)).isEmpty();

        changePassword(engineer.id());
        identityService.unlockUser(engineer.id()); // Camunda delays a login after a failed one
        assertThat(credentials.verify(engineer.id(), NEW_PASSWORD)).isPresent();
    }

    @Test
    void withATtlOfZeroEveryRequestIsChecked() {
        SupportUser engineer = fixtures.user(Groups.SUPPORT_ENGINEERS);
        VerifiedCredentials credentials = withTtl(Duration.ZERO);
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).isPresent();

        changePassword(engineer.id());
        assertThat(credentials.verify(engineer.id(), NEW_PASSWORD)).isPresent();
        assertThat(credentials.verify(engineer.id(), Fixtures.PASSWORD)).isEmpty();
    }

    @Test
    void unknownUsersAndBlankNamesAreRefused() {
        VerifiedCredentials credentials = withTtl(Duration.ofSeconds(30));
        assertThat(credentials.verify(Fixtures.unique("nobody"), Fixtures.PASSWORD)).isEmpty();
        assertThat(credentials.verify(" ", Fixtures.PASSWORD)).isEmpty();
        assertThat(credentials.verify(null, Fixtures.PASSWORD)).isEmpty();
    }
}
