package io.mibwatch.thresholds.alert;

/** Why a {@link Transition} happened. Marks (silence, ack, flapping) keep the state: from == to. */
public enum TransitionReason {
    /** INACTIVE/RESOLVED -&gt; PENDING: the condition began, waiting for trigger count or duration. */
    PENDING,
    /** -&gt; FIRING. */
    FIRED,
    /** PENDING -&gt; INACTIVE: cleared before it fired. */
    CLEARED,
    /** FIRING -&gt; RESOLVED. */
    RESOLVED,
    /** FIRING, severity changed (e.g. warning -&gt; critical): same alert, no new episode. */
    SEVERITY_CHANGED,
    ACKNOWLEDGED,
    SILENCED,
    UNSILENCED,
    /** A parent device is unreachable. */
    SUPPRESSED,
    UNSUPPRESSED,
    FLAPPING_STARTED,
    FLAPPING_STOPPED
}
