package io.supporto.cases;

/** The case does not exist, or the caller may not see it (the two look the same from outside). */
public class CaseNotFoundException extends RuntimeException {

    public CaseNotFoundException(String caseNumber) {
        super("There is no case " + caseNumber + " that you can see.");
    }
}
