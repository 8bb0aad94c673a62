package io.supporto.security;

import java.util.Set;

/** Who is calling: a Camunda user with its groups and the tenants (organizations) it belongs to. */
public record SupportUser(String id, Set<String> groups, Set<String> tenants) {

    public SupportUser {
        groups = Set.copyOf(groups);
        tenants = Set.copyOf(tenants);
    }

    public boolean isIn(String group) {
        return groups.contains(group);
    }

    /** Customer admins and delegated partners act for the organizations (tenants) they belong to. */
    public boolean actsFor(String organization) {
        return (isIn(Groups.CUSTOMER_ADMINS) || isIn(Groups.PARTNERS)) && tenants.contains(organization);
    }

    public boolean isCustomerSide() {
        return isIn(Groups.CUSTOMER_ADMINS) || isIn(Groups.PARTNERS);
    }

    /** Support managers and Camunda admins run the desk and see every case and organization. */
    public boolean managesDesk() {
        return isIn(Groups.SUPPORT_MANAGERS) || isIn(Groups.CAMUNDA_ADMIN);
    }

    public boolean isProcessOwner() {
        return isIn(Groups.PROCESS_OWNERS);
    }
}
