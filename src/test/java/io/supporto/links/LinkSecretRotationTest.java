package io.supporto.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import io.supporto.organizations.Organization;
import io.supporto.organizations.Plan;
import io.supporto.security.SupportUser;
import io.supporto.testsupport.ApiClient;
import io.supporto.testsupport.Fixtures;
import io.supporto.testsupport.SupportoTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Rotating {@code support.links.secret}: the old secret moves to {@code previous-secrets}, the links
 * already mailed keep working, and new links are signed with the new secret only.
 */
@SupportoTest
class LinkSecretRotationTest {

    private static final String OLD = "q3Jm0r9Zl8W1vYb2cT6xN4eH7sK5dP0aUfGiLoQwRtE=";
    private static final String NEW = "nM8qT2vX9cL4bR7kW1zF6hJ3pS0dG5aYeUiOoQwErTy=";

    @LocalServerPort int port;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @Autowired Environment environment;

    String caseNumber;

    @BeforeEach
    void aCase() {
        Organization org = fixtures.organization(Plan.BUSINESS_STANDARD, false);
        SupportUser admin = fixtures.adminOf(org);
        caseNumber = ApiClient.as(port, admin.id(), Fixtures.PASSWORD)
                .post("/api/cases", ApiClient.minorCaseBody(org.id())).expect(201).json().path("caseNumber").asText();
    }

    @Test
    void linksMailedUnderThePreviousSecretStillWork() {
        String mailedBefore = token(linksSignedWith(OLD).issue(caseNumber, LinkAction.REOPEN, 1, inADay()));

        assertThat(linksSignedWith(NEW, OLD).check(mailedBefore).verdict()).isEqualTo(LinkCheck.Verdict.VALID);
        assertThat(linksSignedWith(NEW).check(mailedBefore).verdict())
                .as("once the old secret is dropped from previous-secrets")
                .isEqualTo(LinkCheck.Verdict.ALTERED);
    }

    @Test
    void newLinksAreSignedWithTheNewSecretOnly() {
        String mailedAfter = token(linksSignedWith(NEW, OLD).issue(caseNumber, LinkAction.REOPEN, 1, inADay()));

        assertThat(linksSignedWith(NEW).check(mailedAfter).verdict()).isEqualTo(LinkCheck.Verdict.VALID);
        assertThat(linksSignedWith(OLD).check(mailedAfter).verdict())
                .as("a previous secret never signs")
                .isEqualTo(LinkCheck.Verdict.ALTERED);
    }

    private ActionLinks linksSignedWith(String secret, String... previous) {
        return new ActionLinks(jdbc, new LinkProperties(secret, List.of(previous), null), clock, environment);
    }

    private java.time.Instant inADay() {
        return clock.instant().plus(Duration.ofDays(1));
    }

    private static String token(String url) {
        return url.substring(url.indexOf("/actions/") + "/actions/".length());
    }
}
