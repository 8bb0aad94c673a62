package io.supporto.links;

/** A link that cannot be used: forged, altered, expired or used. */
public class LinkRejectedException extends RuntimeException {

    private final LinkCheck check;

    public LinkRejectedException(LinkCheck check) {
        super("Link rejected: " + check.verdict());
        this.check = check;
    }

    public LinkCheck check() {
        return check;
    }
}
