package io.mibwatch.simulator.agent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulated time: {@code simStart + (real elapsed) * speed}. Speed 1 is real time, 60 makes a minute
 * of simulated time pass each real second, 0 freezes time at {@code simStart}. The real clock is
 * injected (a {@code ManualClock} in tests).
 */
public final class SimClock {
    private final Clock real;
    private final Instant realStart;
    private final Instant simStart;
    private final double speed;

    public SimClock(Clock real, Instant simStart, double speed) {
        this.real = Objects.requireNonNull(real, "real");
        this.simStart = Objects.requireNonNull(simStart, "simStart");
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("speed must be a finite number >= 0, got " + speed);
        }
        this.speed = speed;
        this.realStart = real.instant();
    }

    /** Simulated time starts at the real clock's current instant. */
    public static SimClock startingNow(Clock real, double speed) {
        return new SimClock(real, real.instant(), speed);
    }

    /** Time stands still at {@code at}. */
    public static SimClock frozen(Instant at) {
        return new SimClock(Clock.fixed(at, java.time.ZoneOffset.UTC), at, 0);
    }

    public double speed() {
        return speed;
    }

    public Instant simStart() {
        return simStart;
    }

    /** The current simulated instant. */
    public Instant now() {
        if (speed == 0) return simStart;
        Duration elapsed = Duration.between(realStart, real.instant());
        if (speed == 1) return simStart.plus(elapsed);
        long nanos = Math.round(elapsed.toNanos() * speed);
        return simStart.plusNanos(nanos);
    }

    @Override
    public String toString() {
        return "SimClock[start=" + simStart + ", speed=" + speed + "]";
    }
}
