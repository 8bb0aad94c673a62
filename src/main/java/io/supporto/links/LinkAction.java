package io.supporto.links;

/** What a link in an email lets the admin do. */
public enum LinkAction { SELF_SERVICE, REOPEN, SURVEY }
