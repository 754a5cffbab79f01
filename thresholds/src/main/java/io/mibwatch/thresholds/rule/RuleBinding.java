package io.mibwatch.thresholds.rule;

import java.util.Objects;

/** A user-defined rule and the series it applies to; added to the defaults, never replacing them. */
public record RuleBinding(Selector selector, Rule rule) {
    public RuleBinding {
        Objects.requireNonNull(selector, "selector");
        Objects.requireNonNull(rule, "rule");
    }
}
