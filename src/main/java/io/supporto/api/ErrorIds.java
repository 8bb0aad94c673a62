package io.supporto.api;

import java.security.SecureRandom;

/** The short id a 500 answer and its log line share, so a customer's report leads to the stack trace. */
final class ErrorIds {

    static final String PROPERTY = "errorId";
    static final String TITLE = "Internal error";

    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorIds() {
    }

    /** Ten characters without look-alikes (no l/1, o/0): easy to read out on the phone. */
    static String next() {
        char[] id = new char[10];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    static String detail(String errorId) {
        return "Supporto failed to handle the request because of an error on its side. If it happens again,"
                + " please tell support the error id " + errorId + ".";
    }
}
