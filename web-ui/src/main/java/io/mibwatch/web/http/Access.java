package io.mibwatch.web.http;

/** What a route needs from its caller. */
public enum Access {
    /** No login: the login page, static assets, health. */
    PUBLIC,
    /** Any logged-in user, reporters included: the red button. */
    REPORT,
    /** Viewer or above: every read-only page and API. */
    VIEW,
    /** Operator or above: acknowledge, silence, record complaints on behalf of users. */
    OPERATE,
    /** Admin only: users, adopting suggested thresholds. */
    ADMIN
}
