package io.mibwatch.thresholds.rule;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Names a rule, e.g. {@code reference:cpu/load} or a user's {@code cpu-high}. Part of every
 * alert's identity, so it must stay stable across config reloads; it never contains {@code @}
 * (the separator of {@link io.mibwatch.thresholds.alert.AlertId#key()}).
 */
public record RuleId(String value) {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.:/-]+");

    public RuleId {
        Objects.requireNonNull(value, "value");
        if (!ID.matcher(value).matches()) {
            throw new IllegalArgumentException("rule id '" + value + "' must match " + ID.pattern());
        }
    }

    public static RuleId of(String value) {
        return new RuleId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
