package io.mibwatch.thresholds.rule;

import java.time.Instant;
import java.util.Objects;

/** A user's static high or low threshold ({@link Levels} explains the semantics). */
public record StaticThreshold(RuleId id, Levels levels) implements Rule {
    public StaticThreshold {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(levels, "levels");
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        if (obs instanceof Observation.Value v) {
            return levels.apply(state, v.value(), now, v.series().path());
        }
        return Evaluation.hold(state);
    }

    @Override
    public String describe() {
        return "static " + Describe.levels(levels);
    }
}
