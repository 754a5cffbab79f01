package io.mibwatch.core.series;

/**
 * How a polled value turns into a stored sample.
 *
 * <p>Counters (RFC 2578 section 7.1.6 and 7.1.10) only have meaning as a
 * difference between two polls; gauges are stored as read.
 */
public enum ValueKind {
    /** Counter32: wraps at 2^32. */
    COUNTER32,
    /** Counter64: wraps at 2^64 (in practice never; a decrease is a reset). */
    COUNTER64,
    /** Gauge32, Integer32, TimeTicks used as a level, Opaque float: stored as read. */
    GAUGE;

    public boolean isCounter() {
        return this != GAUGE;
    }
}
