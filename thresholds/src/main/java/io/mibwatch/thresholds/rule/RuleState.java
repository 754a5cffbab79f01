package io.mibwatch.thresholds.rule;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What a rule remembers about one series between evaluations. One record for all kinds
 * keeps the per-series footprint small (the engine holds one per rule and series); each
 * kind uses the fields it needs.
 *
 * @param breaches    consecutive breaching observations (failed polls for unreachable)
 * @param breachSince when the current run of breaches began
 * @param active      the condition reported last time (held when data is missing)
 * @param previous    the last real value (change rules, reboot)
 * @param previousAt  when {@code previous} was observed
 * @param eventAt     when the last event (reboot) happened
 */
public record RuleState(int breaches, Optional<Instant> breachSince, Optional<Condition> active,
                        OptionalDouble previous, Optional<Instant> previousAt, Optional<Instant> eventAt) {

    public static final RuleState INITIAL = new RuleState(0, Optional.empty(), Optional.empty(),
            OptionalDouble.empty(), Optional.empty(), Optional.empty());

    public RuleState {
        Objects.requireNonNull(breachSince, "breachSince");
        Objects.requireNonNull(active, "active");
        Objects.requireNonNull(previous, "previous");
        Objects.requireNonNull(previousAt, "previousAt");
        Objects.requireNonNull(eventAt, "eventAt");
        if (breaches < 0) {
            throw new IllegalArgumentException("breaches must not be negative, got " + breaches);
        }
    }

    RuleState withPrevious(double value, Instant at) {
        return new RuleState(breaches, breachSince, active, OptionalDouble.of(value), Optional.of(at), eventAt);
    }

    RuleState withoutPrevious() {
        return new RuleState(breaches, breachSince, active, OptionalDouble.empty(), Optional.empty(), eventAt);
    }

    RuleState withBreaches(int n, Optional<Instant> since, Optional<Condition> condition) {
        return new RuleState(n, since, condition, previous, previousAt, eventAt);
    }

    RuleState cleared() {
        return new RuleState(0, Optional.empty(), Optional.empty(), previous, previousAt, eventAt);
    }

    RuleState withEvent(Instant at) {
        return new RuleState(breaches, breachSince, active, previous, previousAt, Optional.of(at));
    }
}
