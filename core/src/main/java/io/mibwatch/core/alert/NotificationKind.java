package io.mibwatch.core.alert;

/**
 * What a notification tells; routes select by it (e.g. drop ACKNOWLEDGED for paging). Stored in
 * the outbox and configured in routes by name.
 */
public enum NotificationKind {
    /** PENDING -> FIRING (or an event rule that fired). */
    FIRING,
    /** FIRING -> RESOLVED. */
    RESOLVED,
    /** still firing, severity went up or down (warning -> critical). */
    SEVERITY_CHANGED,
    /**
     * Severity rose while acknowledged: the ack is cleared and people are told again. Receivers
     * and routes see it as {@link #SEVERITY_CHANGED} ({@link #announcedAs}).
     */
    WORSENED_AFTER_ACK,
    /** a user acknowledged the alert. */
    ACKNOWLEDGED,
    /** Sent once when damping starts; the settled state is notified when it stops. */
    FLAPPING;

    /** The kind a sent notification carries and a route can select. */
    public NotificationKind announcedAs() {
        return this == WORSENED_AFTER_ACK ? SEVERITY_CHANGED : this;
    }
}
