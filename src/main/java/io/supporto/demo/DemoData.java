package io.supporto.demo;

import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import io.supporto.cases.BusinessImpact;
import io.supporto.cases.SupportCaseService;
import io.supporto.cases.Category;
import io.supporto.cases.ImpactScope;
import io.supporto.cases.OpenCase;
import io.supporto.cases.Severity;
import io.supporto.cases.SupportCase;
import io.supporto.organizations.Organization;
import io.supporto.organizations.OrganizationService;
import io.supporto.organizations.Plan;
import io.supporto.security.Groups;
import io.supporto.security.SupportUser;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's world: one user per group (password "demo"), three organizations of
 * different plans and a few cases. Runs once: nothing is seeded again when the users exist.
 */
@Component
@Profile("demo")
@Order(10)
public class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final IdentityService identityService;
    private final OrganizationService organizations;
    private final SupportCaseService cases;

    public DemoData(IdentityService identityService, OrganizationService organizations, SupportCaseService cases) {
        this.identityService = identityService;
        this.organizations = organizations;
        this.cases = cases;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (identityService.createUserQuery().userId("anna").count() > 0) {
            return;
        }
        organizations.save(new Organization("contoso", "Contoso S.p.A.", Plan.BUSINESS_STANDARD, false, "IT",
                ZoneId.of("Europe/Rome"), "it", List.of("it-admin@contoso.example")));
        organizations.save(new Organization("fabrikam", "Fabrikam Inc.", Plan.ENTERPRISE, false, "US",
                ZoneId.of("America/New_York"), "en", List.of("admins@fabrikam.example")));
        organizations.save(new Organization("northwind", "Northwind Traders GmbH", Plan.ENTERPRISE, true, "DE",
                ZoneId.of("Europe/Berlin"), "de", List.of("it@northwind.example")));

        user("anna", "Anna", "Rossi", "anna@contoso.example", Groups.CUSTOMER_ADMINS, "contoso");
        user("ben", "Ben", "Miller", "ben@fabrikam.example", Groups.CUSTOMER_ADMINS, "fabrikam");
        user("greta", "Greta", "Weber", "greta@northwind.example", Groups.CUSTOMER_ADMINS, "northwind");
        user("paolo", "Paolo", "Bianchi", "paolo@partner.example", Groups.PARTNERS, "contoso", "northwind");
        user("marco", "Marco", "Verdi", "marco@contoso.example", null, "contoso");
        user("erin", "Erin", "Engineer", "erin@supporto.example", Groups.SUPPORT_ENGINEERS);
        user("bill", "Bill", "Biller", "bill@supporto.example", Groups.BILLING_SPECIALISTS);
        user("priya", "Priya", "Presales", "priya@supporto.example", Groups.PRESALES_ADVISORS);
        user("max", "Max", "Manager", "max@supporto.example", Groups.SUPPORT_MANAGERS);
        user("olga", "Olga", "Owner", "olga@supporto.example", Groups.PROCESS_OWNERS);

        SupportUser anna = new SupportUser("anna", Set.of(Groups.CUSTOMER_ADMINS), Set.of("contoso"));
        SupportUser ben = new SupportUser("ben", Set.of(Groups.CUSTOMER_ADMINS), Set.of("fabrikam"));
        SupportUser greta = new SupportUser("greta", Set.of(Groups.CUSTOMER_ADMINS), Set.of("northwind"));
        cases.open(new OpenCase("contoso", Category.TECHNICAL, "EXCHANGE_ONLINE", "Mail not delivered",
                "Since 9:00 no one receives external mail.",
                new SupportCase.Impact(false, ImpactScope.ORGANIZATION, BusinessImpact.CRITICAL, false),
                null, false, new SupportCase.Contact("Anna Rossi", "anna@contoso.example", "+39 02 0000"), null), anna);
        cases.open(new OpenCase("contoso", Category.TECHNICAL, "ENTRA_ID", "Password never expires",
                "How do I make a service account's password never expire?",
                new SupportCase.Impact(true, ImpactScope.SINGLE_USER, BusinessImpact.MINIMAL, true),
                null, false, new SupportCase.Contact("Anna Rossi", "anna@contoso.example", null), null), anna);
        cases.open(new OpenCase("fabrikam", Category.BILLING, "OTHER", "Invoice shows too many licences",
                "The November invoice lists 120 E3 licences; we have 100.",
                new SupportCase.Impact(true, ImpactScope.ORGANIZATION, BusinessImpact.MODERATE, true),
                null, true, new SupportCase.Contact("Ben Miller", "ben@fabrikam.example", null), null), ben);
        cases.open(new OpenCase("northwind", Category.TECHNICAL, "TEAMS", "Teams meetings drop after 5 minutes",
                "Several users lose meetings after about five minutes.",
                new SupportCase.Impact(true, ImpactScope.MULTIPLE_USERS, BusinessImpact.MODERATE, false),
                Severity.B, true, new SupportCase.Contact("Greta Weber", "greta@northwind.example", null), null), greta);
        log.info("Demo data seeded: users anna, ben, greta, paolo, marco, erin, bill, priya, max, olga, admin"
                + " (password '{}')", PASSWORD);
    }

    private void user(String id, String first, String last, String email, String group, String... tenants) {
        User user = identityService.newUser(id);
        user.setFirstName(first);
        user.setLastName(last);
        user.setEmail(email);
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
        if (group != null) {
            identityService.createMembership(id, group);
        }
        for (String tenant : tenants) {
            identityService.createTenantUserMembership(tenant, id);
        }
    }
}
