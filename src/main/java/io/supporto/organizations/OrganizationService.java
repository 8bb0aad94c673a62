package io.supporto.organizations;

import java.time.Clock;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Tenant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Organizations and their Camunda tenants, kept in step. */
@Service
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final IdentityService identityService;
    private final Clock clock;

    public OrganizationService(OrganizationRepository organizations, IdentityService identityService, Clock clock) {
        this.organizations = organizations;
        this.identityService = identityService;
        this.clock = clock;
    }

    public Optional<Organization> find(String id) {
        return organizations.find(id);
    }

    /** Creates or updates the organization and its tenant; returns true when it is new. */
    @Transactional
    public boolean save(Organization org) {
        boolean created = organizations.save(org, clock.instant());
        Tenant tenant = identityService.createTenantQuery().tenantId(org.id()).singleResult();
        if (tenant == null) {
            tenant = identityService.newTenant(org.id());
        }
        tenant.setName(org.name());
        identityService.saveTenant(tenant);
        return created;
    }
}
