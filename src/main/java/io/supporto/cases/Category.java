package io.supporto.cases;

/** What a case is about; each category is worked by one team (a Camunda group). */
public enum Category {
    TECHNICAL("support-engineers"),
    BILLING("billing-specialists"),
    PRE_SALES("presales-advisors");

    private final String team;

    Category(String team) {
        this.team = team;
    }

    public String team() {
        return team;
    }
}
