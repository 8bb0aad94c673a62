package io.supporto.cases;

public enum OutOfScopeReason { CUSTOMER_NETWORK, THIRD_PARTY, SCRIPTING, NON_MICROSOFT_365 }
