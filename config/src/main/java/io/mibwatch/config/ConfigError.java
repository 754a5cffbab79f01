package io.mibwatch.config;

import java.util.Set;

/**
 * One problem in a configuration file: where (key path such as {@code devices[2].port}), the bad
 * value as written, and what is wrong. The value of a secret key ({@link #SECRET_KEYS}) is always
 * replaced by {@code <secret>} here, so no code path can put a community or pass phrase into an
 * error message by accident.
 *
 * @param path    key path from the document root, "" for the document itself
 * @param value   the offending value as text, or null when there is none to show (missing key)
 * @param message what is wrong and, where possible, what would be right
 */
public record ConfigError(String path, String value, String message) {

    /** Keys whose values are credentials (RFC 3584 community, RFC 3414 pass phrases, SMTP password, webhook token, scrape token). */
    public static final Set<String> SECRET_KEYS = Set.of("community", "auth_pass", "priv_pass", "password", "bearer_token",
            "metrics_token");

    public static final String MASK = "<secret>";

    public ConfigError {
        path = path == null ? "" : path;
        message = message == null ? "" : message;
        if (value != null && isSecretPath(path)) {
            value = MASK;
        }
    }

    /** True when the last key of {@code path} names a secret, e.g. {@code credentials.core.auth_pass}. */
    static boolean isSecretPath(String path) {
        String last = path.substring(path.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        if (bracket >= 0) {
            last = last.substring(0, bracket);
        }
        return SECRET_KEYS.contains(last);
    }

    /** {@code devices[2].port: 70000: not a UDP port (1-65535)}; parts that are empty are left out. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (!path.isEmpty()) {
            sb.append(path).append(": ");
        }
        if (value != null) {
            sb.append(value).append(": ");
        }
        return sb.append(message).toString();
    }
}
