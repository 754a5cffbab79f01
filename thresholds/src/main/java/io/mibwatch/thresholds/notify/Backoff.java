package io.mibwatch.thresholds.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Exponential backoff between delivery attempts: the n-th failed attempt (n >= 1) waits
 * {@code initial * multiplier^(n-1)}, capped at {@code max}; after {@code maxAttempts} attempts
 * the delivery is given up. No jitter: one appliance, a handful of receivers, and tests can
 * state exact times. Pure.
 */
public record Backoff(Duration initial, double multiplier, Duration max, int maxAttempts) {

    /** 10 s, 20 s, 40 s ... capped at 10 min, 12 attempts: about an hour of retrying. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(10), 2.0, Duration.ofMinutes(10), 12);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("backoff initial must be positive, got " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff max " + max + " must be >= initial " + initial);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("backoff multiplier must be >= 1, got " + multiplier);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("backoff maxAttempts must be >= 1, got " + maxAttempts);
        }
    }

    /**
     * When to try again after {@code attemptsMade} failed attempts, the last one ending at
     * {@code now}; empty when no attempt is left.
     */
    public Optional<Instant> next(int attemptsMade, Instant now) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be >= 1, got " + attemptsMade);
        }
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        double millis = initial.toMillis() * Math.pow(multiplier, attemptsMade - 1);
        long wait = millis >= max.toMillis() ? max.toMillis() : (long) millis;
        return Optional.of(now.plusMillis(wait));
    }
}
