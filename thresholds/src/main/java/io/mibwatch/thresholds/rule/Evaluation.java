package io.mibwatch.thresholds.rule;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of one evaluation: the rule's next state, and the condition if something is
 * wrong (empty means "fine": the alert resolves or stays inactive).
 */
public record Evaluation(RuleState next, Optional<Condition> condition) {
    public Evaluation {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(condition, "condition");
    }

    /** Missing data: keep everything, report what was reported before (neither breach nor clear). */
    static Evaluation hold(RuleState state) {
        return new Evaluation(state, state.active());
    }
}
