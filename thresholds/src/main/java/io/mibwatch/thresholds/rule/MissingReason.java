package io.mibwatch.thresholds.rule;

/** Why an expected value is absent. The poller's gap reasons map onto these. */
public enum MissingReason {
    /** The device did not answer the poll (timeout, auth failure, ...). */
    POLL_FAILED,
    /** The poll worked but gave no value for this series (NaN sample: counter wrap ambiguity, implausible rate...). */
    GAP,
    /** The agent restarted (sysUpTime went back), so counter deltas across it mean nothing. */
    AGENT_RESTART
}
