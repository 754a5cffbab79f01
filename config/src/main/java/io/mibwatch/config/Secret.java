package io.mibwatch.config;

import java.util.Objects;

/**
 * A credential value (community, v3 pass phrase). Prints as {@code <secret>} in
 * every {@code toString}, log line and error message; only {@link #reveal()}
 * hands out the value, and only the SNMP layer calls it.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = Objects.requireNonNull(value, "value");
    }

    public static Secret of(String value) {
        return new Secret(value);
    }

    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    @Override
    public String toString() {
        return "<secret>";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
