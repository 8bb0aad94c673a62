package io.supporto.cases;

import java.time.Instant;

/** The satisfaction survey of one closure of a case. */
public record Survey(int closureNo, Status status, Instant offeredAt, Integer rating, String comment,
                     Instant answeredAt) {

    public enum Status { PENDING, ANSWERED, CANCELLED }
}
