package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Direction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The common-sense rule applied by default to every percentage metric (unit {@code %})
 * that has no vendor reference: high is bad, warning 90, critical 95, rearm 85, for 5
 * minutes (common stock thresholds: storage &gt; 90 %, CPU 80-90 %). Levels are checked
 * to lie within 0..100, the range a percentage can have.
 */
public record PercentageRule(RuleId id, Levels levels) implements Rule {

    public static final Levels DEFAULT_LEVELS = new Levels(Direction.HIGH, OptionalDouble.of(90),
            OptionalDouble.of(95), OptionalDouble.of(85), 1, Duration.ofMinutes(5));

    public PercentageRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(levels, "levels");
        for (OptionalDouble l : List.of(levels.warning(), levels.critical(), levels.rearm())) {
            if (l.isPresent() && (l.getAsDouble() < 0 || l.getAsDouble() > 100)) {
                throw new IllegalArgumentException("percentage rule " + id + ": level " + l.getAsDouble()
                        + " is outside 0..100");
            }
        }
    }

    /** The default rule for one metric, id {@code percent:GROUP/METRIC}. */
    public static PercentageRule forMetric(String group, String metric, Levels levels) {
        return new PercentageRule(RuleId.of("percent:" + group + "/" + metric), levels);
    }

    @Override
    public Evaluation evaluate(RuleState state, Observation obs, Instant now, History history) {
        if (obs instanceof Observation.Value v) {
            return levels.apply(state, v.value(), now, v.series().path() + " %");
        }
        return Evaluation.hold(state);
    }

    @Override
    public String describe() {
        return "percentage default " + Describe.levels(levels);
    }
}
