package io.supporto.testsupport;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import io.supporto.cases.BusinessImpact;
import io.supporto.cases.Category;
import io.supporto.cases.ImpactScope;
import io.supporto.cases.OpenCase;
import io.supporto.cases.OutOfScopeReason;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Builds the world a test needs: organizations with unique ids (tests share one database) and
 * users in the contract's groups and tenants.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "Test-Password-1";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    /** Tells this run's ids from an earlier run's in a database that outlives the JVM (PostgreSQL). */
    private static final String RUN = Long.toString(System.currentTimeMillis() % 46_656_000L, 36);

    private final OrganizationService organizations;
    private final IdentityService identityService;

    public Fixtures(OrganizationService organizations, IdentityService identityService) {
        this.organizations = organizations;
        this.identityService = identityService;
    }

    public static String unique(String prefix) {
        return prefix + "-" + RUN + "x" + SEQUENCE.incrementAndGet();
    }

    /** An organization in Rome, Italian-speaking, unless the test needs otherwise. */
    public Organization organization(Plan plan, boolean elevatedSupport) {
        return organization(plan, elevatedSupport, "IT", "Europe/Rome", "it");
    }

    public Organization organization(Plan plan, boolean elevatedSupport, String country, String zone, String language) {
        String id = unique("org");
        Organization org = new Organization(id, "Org " + id, plan, elevatedSupport, country, ZoneId.of(zone),
                language, List.of("admin@" + id + ".example"));
        organizations.save(org);
        return org;
    }

    /** A Camunda user (password {@link #PASSWORD}) in the group, member of the tenants. */
    public SupportUser user(String group, String... tenants) {
        String id = unique(group == null ? "member" : group.replace("-", ""));
        User user = identityService.newUser(id);
        user.setPassword(PASSWORD);
        user.setEmail(id + "@users.example");
        identityService.saveUser(user);
        if (group != null) {
            identityService.createMembership(id, group);
        }
        for (String tenant : tenants) {
            identityService.createTenantUserMembership(tenant, id);
        }
        return new SupportUser(id, group == null ? Set.of() : Set.of(group), Set.of(tenants));
    }

    public SupportUser adminOf(Organization org) {
        return user(Groups.CUSTOMER_ADMINS, org.id());
    }

    /** A request to open a case; adjust with the with* methods of {@link CaseRequest}. */
    public static CaseRequest request(Organization org) {
        return new CaseRequest(org.id());
    }

    public static final class CaseRequest {
        private final String organization;
        private Category category = Category.TECHNICAL;
        private SupportCase.Impact impact = new SupportCase.Impact(true, ImpactScope.SINGLE_USER,
                BusinessImpact.MODERATE, false);
        private Severity requestedSeverity;
        private boolean selfServiceTried;
        private OutOfScopeReason outOfScopeReason;

        CaseRequest(String organization) {
            this.organization = organization;
        }

        /** Mail flow broken for the whole organization: severity A by the rules page. */
        public CaseRequest critical() {
            impact = new SupportCase.Impact(false, ImpactScope.ORGANIZATION, BusinessImpact.CRITICAL, false);
            return this;
        }

        /** Send button missing for one user: severity B. */
        public CaseRequest high() {
            impact = new SupportCase.Impact(true, ImpactScope.SINGLE_USER, BusinessImpact.MODERATE, false);
            return this;
        }

        /** A how-to question with minimal impact: severity C. */
        public CaseRequest minor() {
            impact = new SupportCase.Impact(true, ImpactScope.SINGLE_USER, BusinessImpact.MINIMAL, true);
            return this;
        }

        public CaseRequest category(Category category) {
            this.category = category;
            return this;
        }

        public CaseRequest requestedSeverity(Severity severity) {
            this.requestedSeverity = severity;
            return this;
        }

        public CaseRequest selfServiceTried() {
            this.selfServiceTried = true;
            return this;
        }

        public CaseRequest outOfScope(OutOfScopeReason reason) {
            this.outOfScopeReason = reason;
            return this;
        }

        public OpenCase build() {
            return new OpenCase(organization, category, "EXCHANGE_ONLINE", "Mail not delivered",
                    "Since 9:00 no one receives external mail", impact, requestedSeverity, selfServiceTried,
                    new SupportCase.Contact("Anna Rossi", "anna@example.com", "+39 02 0000"), outOfScopeReason);
        }
    }
}
