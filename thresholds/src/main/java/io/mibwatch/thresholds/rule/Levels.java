package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.catalog.threshold.Reference;
import io.mibwatch.core.alert.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Warning and critical levels with OpenNMS-style trigger count and rearm (hysteresis) and a
 * Prometheus-style {@code for} duration. Shared by every level-based rule kind (static,
 * percentage, vendor reference, change), which differ only in where the levels come from
 * and which value they are applied to.
 *
 * <p>Semantics, per series:
 * <ul>
 *   <li>a value breaches when it is on the bad side of the warning (or critical) level;
 *       its severity is CRITICAL if it also breaches the critical level;</li>
 *   <li>the condition is PENDING until {@code triggerCount} consecutive values breached
 *       <em>and</em> {@code forDuration} has passed since the first of them; then FIRING;</li>
 *   <li>a non-breaching value before firing resets the run (the count starts again);</li>
 *   <li>once firing, the condition holds until the value returns past {@code rearm}
 *       (without rearm: past the first level); in between, severity is the lowest level's;</li>
 *   <li>a missing value changes nothing ({@link Evaluation#hold}).</li>
 * </ul>
 *
 * @param direction    which side is bad
 * @param warning      warning level, if any
 * @param critical     critical level, if any (at least one of the two)
 * @param rearm        level the value must return past before a firing condition clears
 * @param triggerCount consecutive breaching values needed (at least 1)
 * @param forDuration  how long the breach must last before firing (zero: at once)
 */
public record Levels(Direction direction, OptionalDouble warning, OptionalDouble critical, OptionalDouble rearm,
                     int triggerCount, Duration forDuration) {

    public Levels {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(warning, "warning");
        Objects.requireNonNull(critical, "critical");
        Objects.requireNonNull(rearm, "rearm");
        Objects.requireNonNull(forDuration, "forDuration");
        List<String> problems = new ArrayList<>(Reference.problems(warning, critical, direction, rearm, forDuration,
                "(levels)"));
        if (triggerCount < 1) {
            problems.add("trigger count must be at least 1, got " + triggerCount);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("levels: " + String.join("; ", problems));
        }
    }

    /** High is bad: warning and critical levels, no rearm, fire on the first breach. */
    public static Levels high(double warning, double critical) {
        return new Levels(Direction.HIGH, OptionalDouble.of(warning), OptionalDouble.of(critical),
                OptionalDouble.empty(), 1, Duration.ZERO);
    }

    /** Low is bad: warning and critical levels, no rearm, fire on the first breach. */
    public static Levels low(double warning, double critical) {
        return new Levels(Direction.LOW, OptionalDouble.of(warning), OptionalDouble.of(critical),
                OptionalDouble.empty(), 1, Duration.ZERO);
    }

    /** The levels a catalog reference states (trigger count 1: references state a duration instead). */
    public static Levels of(Reference r) {
        return new Levels(r.direction(), r.warning(), r.critical(), r.rearm(), 1, r.duration());
    }

    public Levels withRearm(double level) {
        return new Levels(direction, warning, critical, OptionalDouble.of(level), triggerCount, forDuration);
    }

    public Levels withTriggerCount(int n) {
        return new Levels(direction, warning, critical, rearm, n, forDuration);
    }

    public Levels withFor(Duration d) {
        return new Levels(direction, warning, critical, rearm, triggerCount, d);
    }

    /** True if {@code value} is on the bad side of {@code level}. */
    public boolean breaches(double value, double level) {
        return direction == Direction.HIGH ? value > level : value < level;
    }

    /** The severity of a value, empty if it breaches no level. */
    public Optional<Severity> severityOf(double value) {
        if (critical.isPresent() && breaches(value, critical.getAsDouble())) {
            return Optional.of(Severity.CRITICAL);
        }
        if (warning.isPresent() && breaches(value, warning.getAsDouble())) {
            return Optional.of(Severity.WARNING);
        }
        return Optional.empty();
    }

    /**
     * Applies the levels to one value ({@code what} names it in the summary, e.g. the metric or
     * "change"). Pure.
     */
    public Evaluation apply(RuleState state, double value, Instant now, String what) {
        boolean firing = state.active().filter(c -> !c.pending()).isPresent();
        Optional<Severity> severity = severityOf(value);
        if (severity.isEmpty()) {
            double back = rearm.orElse(firstLevel());
            if (firing && breaches(value, back)) {
                // hysteresis band: not bad enough to fire, not good enough to clear
                Severity lowest = warning.isPresent() ? Severity.WARNING : Severity.CRITICAL;
                Condition c = new Condition(lowest, false, value,
                        what + " = " + fmt(value) + ", not yet back past rearm " + fmt(back));
                return new Evaluation(state.withBreaches(state.breaches(), state.breachSince(), Optional.of(c)),
                        Optional.of(c));
            }
            return new Evaluation(state.cleared(), Optional.empty());
        }
        int n = state.breaches() + 1;
        Instant since = state.breachSince().orElse(now);
        Duration lasted = Duration.between(since, now);
        boolean ready = firing || (n >= triggerCount && lasted.compareTo(forDuration) >= 0);
        Severity s = severity.get();
        double level = (s == Severity.CRITICAL ? critical : warning).getAsDouble();
        String summary = what + " = " + fmt(value) + (direction == Direction.HIGH ? " > " : " < ")
                + s.name().toLowerCase(java.util.Locale.ROOT) + " " + fmt(level)
                + (ready ? "" : progress(n, lasted));
        Condition c = new Condition(s, !ready, value, summary);
        return new Evaluation(state.withBreaches(Math.min(n, Integer.MAX_VALUE - 1), Optional.of(since),
                Optional.of(c)), Optional.of(c));
    }

    private String progress(int n, Duration lasted) {
        StringBuilder b = new StringBuilder(" (pending:");
        if (triggerCount > 1) {
            b.append(' ').append(Math.min(n, triggerCount)).append(" of ").append(triggerCount).append(" polls");
        }
        if (!forDuration.isZero()) {
            b.append(' ').append(lasted.toSeconds()).append("s of ").append(forDuration.toSeconds()).append('s');
        }
        return b.append(')').toString();
    }

    private double firstLevel() {
        return warning.isPresent() ? warning.getAsDouble() : critical.getAsDouble();
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return String.format(java.util.Locale.ROOT, "%.4g", d);
    }
}
