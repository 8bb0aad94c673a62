package io.supporto.cases;

public enum BusinessImpact { CRITICAL, MODERATE, MINIMAL }
