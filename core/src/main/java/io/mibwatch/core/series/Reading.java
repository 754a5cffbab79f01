package io.mibwatch.core.series;

import java.time.Instant;
import java.util.Objects;

/**
 * One decoded value from one poll, before rate conversion.
 *
 * @param series the series it belongs to
 * @param kind   counter or gauge
 * @param raw    for counters the unsigned counter value (Counter64 uses all 64 bits,
 *               read with {@link Long#toUnsignedString(long)}); for gauges unused (0)
 * @param value  for gauges the value; for counters {@code raw} as a double (informative)
 * @param at     when the agent answered
 */
public record Reading(SeriesId series, ValueKind kind, long raw, double value, Instant at) {
    public Reading {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }

    public static Reading counter(SeriesId series, ValueKind kind, long raw, Instant at) {
        if (!kind.isCounter()) {
            throw new IllegalArgumentException("not a counter kind: " + kind);
        }
        return new Reading(series, kind, raw, unsignedToDouble(raw), at);
    }

    public static Reading gauge(SeriesId series, double value, Instant at) {
        return new Reading(series, ValueKind.GAUGE, 0L, value, at);
    }

    /** Unsigned 64-bit value as a double (loses precision above 2^53, as every consumer would). */
    public static double unsignedToDouble(long v) {
        double d = (double) (v >>> 1) * 2.0;
        return d + (v & 1L);
    }
}
