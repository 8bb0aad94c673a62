package io.supporto.organizations;

/** Microsoft 365 plans, grouped into the two families the response targets are written for. */
public enum Plan {
    BUSINESS_BASIC(PlanFamily.BUSINESS),
    APPS_FOR_BUSINESS(PlanFamily.BUSINESS),
    BUSINESS_STANDARD(PlanFamily.BUSINESS),
    BUSINESS_PREMIUM(PlanFamily.BUSINESS),
    ENTERPRISE(PlanFamily.ENTERPRISE),
    FRONTLINE(PlanFamily.ENTERPRISE),
    GOVERNMENT(PlanFamily.ENTERPRISE),
    EDUCATION(PlanFamily.ENTERPRISE),
    /** Paid standalone plans are handled like the enterprise family. */
    STANDALONE(PlanFamily.ENTERPRISE);

    private final PlanFamily family;

    Plan(PlanFamily family) {
        this.family = family;
    }

    public PlanFamily family() {
        return family;
    }

    public enum PlanFamily { BUSINESS, ENTERPRISE }
}
