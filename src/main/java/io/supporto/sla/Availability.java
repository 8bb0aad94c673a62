package io.supporto.sla;

/** The calendar a response target is counted on, as the response-target decision names it. */
public enum Availability {
    AROUND_THE_CLOCK("24x7"),
    BUSINESS_HOURS("BUSINESS_HOURS");

    private final String code;

    Availability(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Availability ofCode(String code) {
        for (Availability a : values()) {
            if (a.code.equals(code)) {
                return a;
            }
        }
        throw new IllegalArgumentException("Unknown availability '" + code + "'");
    }
}
