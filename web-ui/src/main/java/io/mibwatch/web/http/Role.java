package io.mibwatch.web.http;

/**
 * What a user may do. Viewer, operator and admin are ordered (each can do what the one
 * before can); a reporter is outside that order: it may only press the red button and see
 * the services it reports on, so end users need no NOC account.
 */
public enum Role {
    REPORTER, VIEWER, OPERATOR, ADMIN;

    /** Whether a caller with this role may use a route that needs {@code access}. */
    public boolean allows(Access access) {
        return switch (access) {
            case PUBLIC -> true;
            case REPORT -> true;
            case VIEW -> this != REPORTER;
            case OPERATE -> this == OPERATOR || this == ADMIN;
            case ADMIN -> this == ADMIN;
        };
    }

    /** Parses a role name as written in config, the CLI or the API ("viewer", "OPERATOR"). */
    public static Role parse(String text) {
        for (Role r : values()) {
            if (r.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown role '" + text + "' (expected reporter, viewer, operator or admin)");
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
