package io.mibwatch.catalog.threshold;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A reference threshold for one metric, as a vendor, an RFC or an established tool
 * states it. Data only: the rule engine (thresholds module) decides how to apply it.
 *
 * @param group     metric group, e.g. {@code interfaces}
 * @param metric    metric (DS) name, e.g. {@code inUtil}
 * @param warning   warning level, if the source has one
 * @param critical  critical level, if the source has one (at least one of the two is present)
 * @param direction which side is bad
 * @param rearm     level the value must return past before the alert clears (hysteresis, as
 *                  OpenNMS' rearm); on the good side of the first level
 * @param duration  how long the value must stay bad before it counts (zero: at once)
 * @param source    where the values come from (vendor guide, RFC, tool default); never blank
 */
public record Reference(String group, String metric, OptionalDouble warning, OptionalDouble critical,
                        Direction direction, OptionalDouble rearm, Duration duration, String source) {

    public Reference {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(critical, "critical");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(rearm, "rearm");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(source, "source");
        List<String> problems = problems(warning, critical, direction, rearm, duration, source);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("threshold of " + group + "/" + metric + ": " + String.join("; ", problems));
        }
    }

    /**
     * Everything wrong with these values, empty if they make a valid reference; the
     * catalog loader uses it to report all problems of a file at once.
     */
    public static List<String> problems(OptionalDouble warning, OptionalDouble critical, Direction direction,
                                        OptionalDouble rearm, Duration duration, String source) {
        List<String> out = new ArrayList<>();
        if (source == null || source.isBlank()) {
            out.add("source is mandatory: cite the vendor guide, RFC or tool default the values come from");
        }
        if (warning.isEmpty() && critical.isEmpty()) {
            out.add("needs a warning or a critical level");
        }
        for (OptionalDouble v : List.of(warning, critical, rearm)) {
            if (v.isPresent() && !Double.isFinite(v.getAsDouble())) {
                out.add("levels must be finite numbers, got " + v.getAsDouble());
            }
        }
        if (duration.isNegative()) {
            out.add("duration must not be negative, got " + duration);
        }
        if (warning.isPresent() && critical.isPresent()) {
            double w = warning.getAsDouble();
            double c = critical.getAsDouble();
            if (direction == Direction.HIGH && !(w < c)) {
                out.add("high is bad, so warning (" + fmt(w) + ") must be below critical (" + fmt(c) + ")");
            }
            if (direction == Direction.LOW && !(w > c)) {
                out.add("low is bad, so warning (" + fmt(w) + ") must be above critical (" + fmt(c) + ")");
            }
        }
        if (rearm.isPresent() && (warning.isPresent() || critical.isPresent())) {
            double first = warning.isPresent() ? warning.getAsDouble() : critical.getAsDouble();
            double r = rearm.getAsDouble();
            if (direction == Direction.HIGH && !(r < first)) {
                out.add("high is bad, so rearm (" + fmt(r) + ") must be below the first level (" + fmt(first) + ")");
            }
            if (direction == Direction.LOW && !(r > first)) {
                out.add("low is bad, so rearm (" + fmt(r) + ") must be above the first level (" + fmt(first) + ")");
            }
        }
        return out;
    }

    /** True if {@code value} is on the bad side of {@code level} for this direction. */
    public boolean breaches(double value, double level) {
        return direction == Direction.HIGH ? value > level : value < level;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
