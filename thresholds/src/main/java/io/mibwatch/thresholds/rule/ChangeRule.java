package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Direction;
import io.mibwatch.config.ThresholdsConfig.Watch;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Relative or absolute change of a value against the previous value or the value
 * {@code against} ago (OpenNMS' relativeChange / absoluteChange semantics). The change is
 * turned into a magnitude that is bad when high ({@code levels.direction()} must be HIGH)
 * and handed to {@link Levels}, so trigger count, rearm and duration work as for static rules.
 *
 * <p>Relative change is {@code (value - reference) / |reference| * 100} percent; against a
 * reference of 0 it is undefined and the rule holds (neither breach nor clear), as it does
 * when the reference value is missing.
 *
 * @param kind      relative (percent) or absolute (units of the metric)
 * @param watch     which direction of change is bad
 * @param against   empty: the previous observed value; else the stored value this long ago
 * @param levels    levels on the magnitude of change (direction HIGH)
 */
public record ChangeRule(RuleId id, Kind kind, Watch watch, Optional<Duration> against, Levels levels)
        implements Rule {

    /**
     * What is measured: the change in percent of the reference, or in units of the metric. The
     * config's {@code ThresholdsConfig.Kind} names these two as rules next to the static one; it is
     * a different type because it picks the rule, and STATIC is no kind of change.
     */
    public enum Kind { RELATIVE, ABSOLUTE }

    public ChangeRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(watch, "watch");
        Objects.requireNonNull(against, "against");
        Objects.requireNonNull(levels, "levels");
        if (levels.direction() != Direction.HIGH) {
            throw new IllegalArgumentException("change rule " + id
                    + ": levels apply to the size of the change, so their direction must be high (use watch: decrease for drops)");
        }
        if (against.isPresent() && (against.get().isNegative() || against.get().isZero())) {
            throw new IllegalArgumentException("change rule " + id + ": 'against' must be positive, got " + against.get());
        }
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        if (!(obs instanceof Observation.Value v)) {
            return Evaluation.hold(state);
        }
        OptionalDouble reference = against.isPresent()
                ? history.valueAt(v.series(), now.minus(against.get()))
                : state.previous();
        RuleState remembered = state.withPrevious(v.value(), v.at());
        if (reference.isEmpty()) {
            return Evaluation.hold(remembered);
        }
        double ref = reference.getAsDouble();
        double delta = v.value() - ref;
        if (kind == Kind.RELATIVE) {
            if (ref == 0) {
                return Evaluation.hold(remembered);
            }
            delta = delta / Math.abs(ref) * 100.0;
        }
        double magnitude = switch (watch) {
            case INCREASE -> delta;
            case DECREASE -> -delta;
            case EITHER -> Math.abs(delta);
        };
        String what = v.series().path() + (kind == Kind.RELATIVE ? " change %" : " change")
                + " vs " + (against.map(d -> d.toSeconds() + "s ago").orElse("previous")) + " (" + Levels.fmt(ref)
                + " -> " + Levels.fmt(v.value()) + ")";
        return levels.apply(remembered, magnitude, now, what);
    }

    @Override
    public String describe() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " change (" + watch.name().toLowerCase(java.util.Locale.ROOT)
                + ") vs " + against.map(d -> d.toSeconds() + "s ago").orElse("previous value") + " "
                + Describe.levels(levels);
    }
}
