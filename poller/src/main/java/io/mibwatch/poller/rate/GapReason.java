package io.mibwatch.poller.rate;

/** Why two observations of a counter gave no rate. Every gap is stored as NaN (unknown), never as zero. */
public enum GapReason {
    /** No previous observation of this series: a counter only means something as a difference. */
    FIRST_SAMPLE,
    /** sysUpTime shows the agent re-initialised between the two polls; counters may have restarted from any value. */
    AGENT_RESTART,
    /** ifCounterDiscontinuityTime changed (RFC 2863 section 3.1.5): the counter was reset or re-created. */
    DISCONTINUITY,
    /** A Counter64 went down and the 2^64 wrap that would explain it is not plausible: the counter was reset. */
    COUNTER_RESET,
    /** The computed rate is above what the caller says is physically possible (e.g. line rate). */
    IMPLAUSIBLE_RATE,
    /** The second observation is not later than the first (duplicate, reordered, or our clock stepped back). */
    NO_TIME_ELAPSED
}
