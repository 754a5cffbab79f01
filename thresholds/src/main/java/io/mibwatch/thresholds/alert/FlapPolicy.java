package io.mibwatch.thresholds.alert;

import java.time.Duration;
import java.util.Objects;

/**
 * Flap damping: an alert that fires or resolves more than {@code maxChanges} times within
 * {@code window} is flapping; it notifies once that it flaps, then stays quiet until it has
 * not changed for a whole window, and then notifies once the state it settled in, firing or
 * resolved (Nagios-style flap detection, simplified to a count).
 */
public record FlapPolicy(int maxChanges, Duration window) {

    public static final FlapPolicy DEFAULT = new FlapPolicy(6, Duration.ofHours(1));

    public FlapPolicy {
        Objects.requireNonNull(window, "window");
        if (maxChanges < 1) {
            throw new IllegalArgumentException("flap damping: max changes must be at least 1, got " + maxChanges);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("flap damping: window must be positive, got " + window);
        }
    }
}
