package io.supporto.cases;

public enum Severity { A, B, C }
