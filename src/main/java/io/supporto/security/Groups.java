package io.supporto.security;

import java.util.List;

/** The Camunda groups of the contract. */
public final class Groups {

    public static final String CUSTOMER_ADMINS = "customer-admins";
    public static final String PARTNERS = "partners";
    public static final String SUPPORT_ENGINEERS = "support-engineers";
    public static final String BILLING_SPECIALISTS = "billing-specialists";
    public static final String PRESALES_ADVISORS = "presales-advisors";
    public static final String SUPPORT_MANAGERS = "support-managers";
    public static final String PROCESS_OWNERS = "process-owners";
    public static final String CAMUNDA_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(CUSTOMER_ADMINS, PARTNERS, SUPPORT_ENGINEERS,
            BILLING_SPECIALISTS, PRESALES_ADVISORS, SUPPORT_MANAGERS, PROCESS_OWNERS, CAMUNDA_ADMIN);

    private Groups() {
    }
}
