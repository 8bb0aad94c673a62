package io.supporto.links;

import io.supporto.api.NoControlCharacters;
import io.supporto.cases.SelfServiceOutcome;
import io.supporto.cases.SupportCaseService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Performs what a link's page asks for, in one transaction with using up the link: when the case
 * refuses the action (it moved on meanwhile), the link stays unused.
 */
@Service
public class LinkActionService {

    static final int TEXT_LIMIT = 4000;

    private final ActionLinks links;
    private final SupportCaseService cases;

    public LinkActionService(ActionLinks links, SupportCaseService cases) {
        this.links = links;
        this.cases = cases;
    }

    /** Answers the outcome key of the done page, e.g. "self-service.solved". */
    @Transactional
    public String perform(String token, LinkForm form) {
        LinkCheck check = links.check(token);
        if (!check.valid()) {
            throw new LinkRejectedException(check);
        }
        if (check.action() != LinkAction.SELF_SERVICE) {
            int currentClosure = cases.currentClosure(check.caseNumber());
            if (check.closureNo() != currentClosure) {
                throw new io.supporto.cases.CaseConflictException("This link belongs to an earlier closure of case "
                        + check.caseNumber() + "; use the link in the latest email about it.");
            }
        }
        Runnable action = switch (check.action()) {
            case SELF_SERVICE -> {
                SelfServiceOutcome outcome = outcome(form.outcome());
                yield () -> cases.recordSelfServiceOutcomeViaLink(check.caseNumber(), outcome);
            }
            case REOPEN -> {
                String reason = text(form.reason(), true);
                yield () -> cases.reopenViaLink(check.caseNumber(), reason);
            }
            case SURVEY -> {
                int rating = rating(form.rating());
                String comment = text(form.comment(), false);
                yield () -> cases.answerSurveyViaLink(check.caseNumber(), rating, comment);
            }
        };
        if (!links.markUsed(check.linkId())) {
            throw new LinkRejectedException(new LinkCheck(LinkCheck.Verdict.USED, check.linkId(),
                    check.caseNumber(), check.action(), check.closureNo(), check.expiresAt()));
        }
        action.run();
        return switch (check.action()) {
            case SELF_SERVICE -> "self-service." + (outcome(form.outcome()) == SelfServiceOutcome.SOLVED ? "solved" : "need-help");
            case REOPEN -> "reopen";
            case SURVEY -> "survey";
        };
    }

    private static SelfServiceOutcome outcome(String value) {
        try {
            return SelfServiceOutcome.valueOf(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidLinkInputException("page.error.invalid-input");
        }
    }

    private static int rating(String value) {
        try {
            int rating = Integer.parseInt(value);
            if (rating >= 1 && rating <= 5) {
                return rating;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // falls through to the error below
        }
        throw new InvalidLinkInputException("page.error.invalid-input");
    }

    private static String text(String value, boolean required) {
        String trimmed = value == null ? "" : value.strip();
        if ((required && trimmed.isEmpty()) || trimmed.codePointCount(0, trimmed.length()) > TEXT_LIMIT
                || !NoControlCharacters.Validator.isClean(trimmed)) {
            throw new InvalidLinkInputException("page.error.invalid-input");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }
}
