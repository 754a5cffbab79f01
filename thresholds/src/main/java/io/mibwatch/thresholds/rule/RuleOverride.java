package io.mibwatch.thresholds.rule;

import java.util.Objects;

/**
 * Changes the default rules (vendor reference, percentage default, event rules) for the
 * series a selector matches. Per series the most specific matching override wins
 * ({@link Selector#specificity()}: naming the device beats not naming it); among equally
 * specific ones, the later in the config.
 */
public record RuleOverride(Selector selector, Action action) {

    public RuleOverride {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(action, "action");
    }

    /** What an override does. */
    public sealed interface Action permits Disable, Enable, UseLevels {
    }

    /** No default rules for the matched series. */
    public record Disable() implements Action {
    }

    /** The defaults as shipped (undoes a broader Disable or UseLevels). */
    public record Enable() implements Action {
    }

    /**
     * The threshold default of the matched series uses these levels instead (keeping its rule
     * id, so existing alerts keep their identity); on a series without a threshold default it
     * adds a static threshold with id {@code levels:GROUP/METRIC}. Event rules are unaffected.
     */
    public record UseLevels(Levels levels) implements Action {
        public UseLevels {
            Objects.requireNonNull(levels, "levels");
        }
    }
}
