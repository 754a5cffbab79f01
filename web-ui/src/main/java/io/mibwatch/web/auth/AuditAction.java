package io.mibwatch.web.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an audit entry records; stored and shown by its {@link #label()} ({@code login_failed}). */
public enum AuditAction {
    LOGIN_OK, LOGIN_FAILED, LOGOUT,
    ACK, SILENCE_ADD, SILENCE_REMOVE, SUGGESTION_ADOPT,
    USER_ADD, USER_CHANGE, USER_REMOVE, TOKEN_CREATE, TOKEN_REVOKE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The action named {@code label}; the error lists the valid labels. */
    public static AuditAction parse(String label) {
        for (AuditAction a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown audit action '" + label + "': use one of " + labels());
    }

    public static String labels() {
        return Arrays.stream(values()).map(AuditAction::label).collect(Collectors.joining(", "));
    }
}
