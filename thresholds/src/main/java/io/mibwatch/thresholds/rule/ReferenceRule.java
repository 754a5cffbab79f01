package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Reference;
import java.time.Instant;
import java.util.Objects;

/**
 * A vendor / RFC / tool reference threshold from the metric catalog, on by default for
 * every discovered metric it names. {@code source} cites where the levels come from so an
 * operator can judge them; overrides ({@link RuleSet}) may replace the levels or disable it.
 */
public record ReferenceRule(RuleId id, Levels levels, String source) implements Rule {
    public ReferenceRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(levels, "levels");
        Objects.requireNonNull(source, "source");
    }

    /** The rule for a catalog reference, id {@code reference:GROUP/METRIC}. */
    public static ReferenceRule of(Reference r) {
        return new ReferenceRule(RuleId.of("reference:" + r.group() + "/" + r.metric()), Levels.of(r), r.source());
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
        return "reference " + Describe.levels(levels) + " (source: " + source + ")";
    }
}
