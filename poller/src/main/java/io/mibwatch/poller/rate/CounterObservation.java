package io.mibwatch.poller.rate;

import io.mibwatch.core.series.ValueKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One poll's view of one counter series, with the agent clocks needed to judge it.
 *
 * @param raw                the counter value, unsigned: Counter32 in 0..2^32-1, Counter64 uses all 64 bits
 *                           (values above {@link Long#MAX_VALUE} are negative as a Java long)
 * @param kind               {@link ValueKind#COUNTER32} or {@link ValueKind#COUNTER64}
 * @param at                 when the response carrying this value arrived (our clock)
 * @param sysUpTimeTicks     the agent's sysUpTime (TimeTicks, hundredths of a second, unsigned 32-bit)
 *                           from the same response, or -1 when unknown
 * @param discontinuityTicks ifCounterDiscontinuityTime (RFC 2863, a TimeStamp in sysUpTime ticks) for
 *                           interface counters, or -1 when unknown / not applicable
 */
public record CounterObservation(long raw, ValueKind kind, Instant at, long sysUpTimeTicks,
                                 long discontinuityTicks) {

    /** TimeTicks and Counter32 are both unsigned 32-bit (RFC 2578 sections 7.1.6, 7.1.8). */
    static final long TWO_POW_32 = 1L << 32;

    public CounterObservation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        if (!kind.isCounter()) {
            throw new IllegalArgumentException("not a counter kind: " + kind + " (gauges need no rate)");
        }
        if (kind == ValueKind.COUNTER32 && (raw < 0 || raw >= TWO_POW_32)) {
            throw new IllegalArgumentException("Counter32 value out of range 0..2^32-1: " + raw);
        }
        requireTicks(sysUpTimeTicks, "sysUpTimeTicks");
        requireTicks(discontinuityTicks, "discontinuityTicks");
    }

    private static void requireTicks(long ticks, String what) {
        if (ticks < -1 || ticks >= TWO_POW_32) {
            throw new IllegalArgumentException(what + " must be -1 (unknown) or 0..2^32-1 TimeTicks: " + ticks);
        }
    }

    /** An observation without agent clocks (restart and discontinuity checks are then skipped). */
    public static CounterObservation of(long raw, ValueKind kind, Instant at) {
        return new CounterObservation(raw, kind, at, -1, -1);
    }

    public boolean hasUpTime() {
        return sysUpTimeTicks >= 0;
    }

    public boolean hasDiscontinuityTime() {
        return discontinuityTicks >= 0;
    }
}
