package io.supporto.cases;

/** The caller is known but may not do this. */
public class NotPermittedException extends RuntimeException {

    public NotPermittedException(String detail) {
        super(detail);
    }
}
