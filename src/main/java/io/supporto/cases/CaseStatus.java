package io.supporto.cases;

public enum CaseStatus {
    SELF_SERVICE, ENGAGED, WAITING_ON_CUSTOMER, CLOSED, FINAL, OUT_OF_SCOPE
}
