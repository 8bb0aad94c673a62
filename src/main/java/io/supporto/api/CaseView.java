package io.supporto.api;

import java.time.Instant;
import java.util.Optional;

import io.supporto.cases.CaseDetails;
import io.supporto.cases.SupportCase;
import io.supporto.cases.Survey;

/** The case as the Case API shows it (the contract's case view, plus a few descriptive fields). */
public record CaseView(
        String caseNumber,
        String organization,
        String status,
        String category,
        String service,
        String title,
        String severity,
        String plan,
        boolean elevatedSupport,
        String availability,
        String responseTarget,
        String internalTarget,
        String targetRule,
        Instant openedAt,
        Instant engagedAt,
        Instant firstResponseDueAt,
        Instant responseWarningAt,
        Instant internalFollowUpAt,
        Instant firstRespondedAt,
        boolean slaBreached,
        Instant closedAt,
        String closureReason,
        String resolution,
        Instant reopenableUntil,
        int reopenCount,
        boolean interpreterRequired,
        String outOfScopeReason,
        String referral,
        String referralUrl,
        SurveyView survey) {

    public record SurveyView(String status, Integer rating, String comment, Instant answeredAt) {
        static SurveyView of(Optional<Survey> survey) {
            return survey.map(s -> new SurveyView(s.status().name(), s.rating(), s.comment(), s.answeredAt()))
                    .orElse(null);
        }
    }

    public static CaseView of(CaseDetails details) {
        SupportCase c = details.supportCase();
        return new CaseView(c.caseNumber(), c.organization(), c.status().name(), c.category().name(), c.service(),
                c.title(), name(c.severity()), c.plan().name(), c.elevatedSupport(), c.availability(),
                c.responseTarget(), c.internalTarget(), c.targetRule(), c.openedAt(), c.engagedAt(),
                c.firstResponseDueAt(), c.responseWarningAt(), c.internalFollowUpAt(), c.firstRespondedAt(), c.slaBreached(), c.closedAt(), name(c.closureReason()),
                c.resolution(), c.reopenableUntil(), c.reopenCount(), c.interpreterRequired(),
                name(c.outOfScopeReason()), c.referral(), c.referralUrl(), SurveyView.of(details.survey()));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
