package io.supporto.notify;

/** What a mail template may say about a case, already formatted for the reader. */
public record CaseMailModel(
        String caseNumber,
        String title,
        String organizationName,
        String contactName,
        String category,
        String service,
        String severity,
        String status,
        String description,
        String responseTarget,
        String firstResponseDueAt,
        String internalFollowUpAt,
        String resolution,
        String reopenableUntil,
        String closureReason,
        String referral,
        String referralUrl,
        String agentMessage,
        int reopenCount,
        boolean interpreterRequired,
        Integer surveyRating,
        String surveyComment,
        String teamName,
        /** The admin gets help articles first; the response clock starts only if they still need help. */
        boolean selfServiceFirst) {
}
