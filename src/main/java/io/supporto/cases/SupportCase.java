package io.supporto.cases;

import java.time.Instant;

import io.supporto.organizations.Plan;

/** A support case as stored in Supporto's own table. */
public record SupportCase(
        String caseNumber,
        String organization,
        String openedBy,
        Category category,
        String service,
        String title,
        String description,
        Impact impact,
        Severity requestedSeverity,
        boolean selfServiceTried,
        Contact contact,
        CaseStatus status,
        Severity severity,
        Plan plan,
        boolean elevatedSupport,
        String availability,
        String responseTarget,
        String internalTarget,
        String targetRule,
        OutOfScopeReason outOfScopeReason,
        String referral,
        String referralUrl,
        Instant openedAt,
        Instant engagedAt,
        Instant clockStartedAt,
        Instant firstResponseDueAt,
        Instant responseWarningAt,
        Instant internalFollowUpAt,
        Instant firstRespondedAt,
        boolean slaBreached,
        Instant closedAt,
        ClosureReason closureReason,
        String resolution,
        Instant reopenableUntil,
        Instant finalAt,
        int reopenCount,
        boolean interpreterRequired,
        String language) {

    public record Impact(boolean serviceUsable, ImpactScope scope, BusinessImpact businessImpact,
                         boolean workaroundAvailable) {
    }

    public record Contact(String name, String email, String phone) {
    }
}
