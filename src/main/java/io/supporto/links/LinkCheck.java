package io.supporto.links;

import java.time.Instant;

/** The verdict on a token presented at /actions/{token}. */
public record LinkCheck(Verdict verdict, String linkId, String caseNumber, LinkAction action, int closureNo,
                        Instant expiresAt) {

    public enum Verdict {
        VALID,
        /** Not a link Supporto issued: unreadable, or signed with another key. */
        FORGED,
        /** A link Supporto issued, changed afterwards: the signature no longer matches. */
        ALTERED,
        EXPIRED,
        USED
    }

    static LinkCheck forged() {
        return new LinkCheck(Verdict.FORGED, null, null, null, 0, null);
    }

    public boolean valid() {
        return verdict == Verdict.VALID;
    }
}
