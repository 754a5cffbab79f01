package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ThresholdsConfig.BaselineReference;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.SlotStats;
import io.mibwatch.thresholds.baseline.SlotWidth;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Alerts when a value leaves its learned time-of-day baseline: the reference of the
 * slot {@code now} falls in (mean, p75 or p90 of the past weeks at this time of day) times the
 * margin. A value that is normal at 11:00 can be abnormal at 03:00.
 *
 * <ul>
 *   <li>no table, or a table still LEARNING ({@link Arming}), or an empty slot: no alert
 *       (and any earlier condition clears - without a model there is no verdict);</li>
 *   <li>a missing sample changes nothing ({@link Evaluation#hold}), as for every level rule;</li>
 *   <li>otherwise the limit is applied like a one-level static threshold ({@link Levels}).</li>
 * </ul>
 *
 * <p>The model comes from the {@link Baselines} the record holds rather than from
 * {@link History}: History is the storage view every rule shares ("the value at t"), a
 * baseline is a derived, cached model with its own refresh cycle; keeping it out of History
 * leaves that interface and the other rules unchanged.
 */
public record BaselineRule(RuleId id, SlotWidth width, BaselineReference reference, Margin margin,
                           Direction direction, Severity severity, Arming arming, Baselines baselines,
                           Duration forDuration) implements Rule {

    /** Fires on the first value out of its baseline. */
    public BaselineRule(RuleId id, SlotWidth width, BaselineReference reference, Margin margin,
                        Direction direction, Severity severity, Arming arming, Baselines baselines) {
        this(id, width, reference, margin, direction, severity, arming, baselines, Duration.ZERO);
    }

    /** Where a series stands with this rule: what {@code baseline status} shows and why a rule is quiet. */
    public enum Readiness {
        /** No table learned for the series (yet): no history, or not learned since it appeared. */
        NO_MODEL,
        /** A table exists but some slot lacks samples ({@link Arming}): no alert. */
        LEARNING,
        /** Every slot has enough samples: the rule alerts. */
        ARMED
    }

    /** The readiness of {@code series}, from the current model. */
    public Readiness readiness(io.mibwatch.core.series.SeriesId series) {
        Optional<BaselineTable> table = baselines.forSeries(series, width);
        if (table.isEmpty()) {
            return Readiness.NO_MODEL;
        }
        return table.get().armed(arming) ? Readiness.ARMED : Readiness.LEARNING;
    }

    /** The limit for {@code series} at {@code at}: empty unless ARMED and the slot has a reference. */
    public OptionalDouble limit(io.mibwatch.core.series.SeriesId series, Instant at) {
        Optional<BaselineTable> table = baselines.forSeries(series, width);
        if (table.isEmpty() || !table.get().armed(arming)) {
            return OptionalDouble.empty();
        }
        SlotStats slot = table.get().at(at);
        double ref = slot.statistic(reference);
        return slot.count() == 0 || !Double.isFinite(ref) ? OptionalDouble.empty()
                : OptionalDouble.of(margin.limit(ref, direction));
    }

    /**
     * How far from the reference is abnormal: a percentage (limit = ref * (1 +- p/100)) or a
     * multiple (limit = ref * k for high-is-bad, ref / k for low-is-bad).
     */
    public record Margin(boolean multiple, double amount) {
        public Margin {
            if (!Double.isFinite(amount) || amount <= 0) {
                throw new IllegalArgumentException("baseline margin must be a positive number, got " + amount);
            }
            if (multiple && amount <= 1) {
                throw new IllegalArgumentException("a baseline margin multiple must exceed 1, got " + amount);
            }
        }

        public static Margin percent(double p) {
            return new Margin(false, p);
        }

        public static Margin times(double k) {
            return new Margin(true, k);
        }

        /** The limit for a reference value. */
        public double limit(double ref, Direction direction) {
            if (multiple) {
                return direction == Direction.HIGH ? ref * amount : ref / amount;
            }
            return direction == Direction.HIGH ? ref * (1 + amount / 100) : ref * (1 - amount / 100);
        }

        @Override
        public String toString() {
            return multiple ? "x" + Levels.fmt(amount) : "+-" + Levels.fmt(amount) + "%";
        }

        /** The margin as applied in {@code direction}: {@code +30%}, {@code -30%}, {@code x2}, {@code /2}. */
        public String text(Direction direction) {
            boolean high = direction == Direction.HIGH;
            return multiple ? (high ? "x" : "/") + Levels.fmt(amount) : (high ? "+" : "-") + Levels.fmt(amount) + "%";
        }
    }

    public BaselineRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(arming, "arming");
        Objects.requireNonNull(baselines, "baselines");
        Objects.requireNonNull(forDuration, "forDuration");
        if (forDuration.isNegative()) {
            throw new IllegalArgumentException("baseline rule " + id + ": negative for " + forDuration);
        }
        if (!margin.multiple() && direction == Direction.LOW && margin.amount() >= 100) {
            throw new IllegalArgumentException("baseline rule " + id + ": a low-is-bad margin of "
                    + Levels.fmt(margin.amount()) + "% puts the limit at or below zero");
        }
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        if (!(obs instanceof Observation.Value v)) {
            return Evaluation.hold(state);
        }
        Optional<BaselineTable> table = baselines.forSeries(v.series(), width);
        if (table.isEmpty() || !table.get().armed(arming)) {
            return new Evaluation(state.cleared(), Optional.empty()); // LEARNING: no verdict
        }
        SlotStats slot = table.get().at(now);
        double ref = slot.statistic(reference);
        if (slot.count() == 0 || !Double.isFinite(ref)) {
            return new Evaluation(state.cleared(), Optional.empty());
        }
        double limit = margin.limit(ref, direction);
        OptionalDouble level = OptionalDouble.of(limit);
        Levels levels = new Levels(direction,
                severity == Severity.WARNING ? level : OptionalDouble.empty(),
                severity == Severity.CRITICAL ? level : OptionalDouble.empty(),
                OptionalDouble.empty(), 1, forDuration);
        String what = v.series().path() + " (baseline " + reference.name().toLowerCase(Locale.ROOT) + " "
                + Levels.fmt(ref) + " " + margin.text(direction) + " at " + table.get().width().start(table.get().slotAt(now))
                + " " + table.get().kindAt(now).name().toLowerCase(Locale.ROOT) + ")";
        return levels.apply(state, v.value(), now, what);
    }

    @Override
    public String describe() {
        return "baseline " + (direction == Direction.HIGH ? "high" : "low") + " " + severity.name().toLowerCase(Locale.ROOT)
                + " " + reference.name().toLowerCase(Locale.ROOT) + " " + margin.text(direction) + " slot " + width.label()
                + " armed after " + arming.percent() + "% of " + arming.weeks() + " weeks"
                + (forDuration.isZero() ? "" : " for " + forDuration.toSeconds() + "s");
    }
}
