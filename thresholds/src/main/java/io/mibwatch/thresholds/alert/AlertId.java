package io.mibwatch.thresholds.alert;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.RuleId;
import java.util.Objects;

/**
 * Stable identity of an alert: the rule and the series (which names the device). The same
 * rule on the same series is always the same alert, across restarts and reloads; a new
 * firing after RESOLVED is a new episode of it.
 */
public record AlertId(RuleId rule, SeriesId series) {
    public AlertId {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(series, "series");
    }

    public String device() {
        return series.device();
    }

    /**
     * Text form {@code RULE@DEVICE/GROUP/INSTANCE/METRIC}, e.g. {@code reference:cpu/load@srv1/cpu/1/load}:
     * what the CLI and the store use. Unambiguous because rule ids have no {@code @} and
     * series names no {@code /}.
     */
    public String key() {
        return rule.value() + "@" + series.device() + "/" + series.path();
    }

    public static AlertId parse(String key) {
        int at = key.indexOf('@');
        String[] parts = at < 0 ? new String[0] : key.substring(at + 1).split("/", -1);
        if (at <= 0 || parts.length != 4) {
            throw new IllegalArgumentException("alert id '" + key
                    + "' must be RULE@DEVICE/GROUP/INSTANCE/METRIC, e.g. reference:cpu/load@srv1/cpu/1/load");
        }
        return new AlertId(RuleId.of(key.substring(0, at)), new SeriesId(parts[0], parts[1], parts[2], parts[3]));
    }

    @Override
    public String toString() {
        return key();
    }
}
