package io.supporto.links;

/** The page's form was filled in wrongly; nothing was done and the link stays usable. */
public class InvalidLinkInputException extends RuntimeException {

    private final String messageKey;

    public InvalidLinkInputException(String messageKey) {
        super(messageKey);
        this.messageKey = messageKey;
    }

    public String messageKey() {
        return messageKey;
    }
}
