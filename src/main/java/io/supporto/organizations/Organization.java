package io.supporto.organizations;

import java.time.ZoneId;
import java.util.List;

/** A customer organization; its id is also its Camunda tenant id. */
public record Organization(
        String id,
        String name,
        Plan plan,
        boolean elevatedSupport,
        String country,
        ZoneId timeZone,
        String language,
        List<String> adminEmails) {

    public Organization {
        adminEmails = List.copyOf(adminEmails);
    }
}
