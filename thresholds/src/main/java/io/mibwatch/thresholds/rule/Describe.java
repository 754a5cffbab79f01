package io.mibwatch.thresholds.rule;

import io.mibwatch.catalog.threshold.Direction;

/** Human text for levels, shared by the rule kinds' {@code describe()}. */
final class Describe {
    private Describe() {
    }

    static String levels(Levels l) {
        StringBuilder b = new StringBuilder(l.direction() == Direction.HIGH ? "high" : "low");
        l.warning().ifPresent(w -> b.append(" warning ").append(Levels.fmt(w)));
        l.critical().ifPresent(c -> b.append(" critical ").append(Levels.fmt(c)));
        l.rearm().ifPresent(r -> b.append(" rearm ").append(Levels.fmt(r)));
        if (l.triggerCount() > 1) {
            b.append(" trigger ").append(l.triggerCount());
        }
        if (!l.forDuration().isZero()) {
            b.append(" for ").append(l.forDuration().toSeconds()).append('s');
        }
        return b.toString();
    }
}
