package io.supporto.cases;

/** The case's state does not allow the action; the message tells the caller what to do instead. */
public class CaseConflictException extends RuntimeException {

    public CaseConflictException(String detail) {
        super(detail);
    }
}
