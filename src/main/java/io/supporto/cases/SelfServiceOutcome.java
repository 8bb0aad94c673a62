package io.supporto.cases;

public enum SelfServiceOutcome { SOLVED, NEED_HELP }
