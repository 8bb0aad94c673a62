package io.supporto.cases;

public enum ImpactScope { SINGLE_USER, MULTIPLE_USERS, ORGANIZATION }
