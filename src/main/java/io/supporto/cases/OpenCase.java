package io.supporto.cases;

/** What an admin asks for when opening a case (already validated at the edge). */
public record OpenCase(
        String organization,
        Category category,
        String service,
        String title,
        String description,
        SupportCase.Impact impact,
        Severity requestedSeverity,
        boolean selfServiceTried,
        SupportCase.Contact contact,
        OutOfScopeReason outOfScopeReason) {
}
