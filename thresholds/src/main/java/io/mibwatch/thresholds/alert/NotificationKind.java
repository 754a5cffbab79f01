package io.mibwatch.thresholds.alert;

/** What a notification tells; notifiers may route by it (e.g. drop ACKNOWLEDGED for paging). */
public enum NotificationKind {
    FIRING,
    RESOLVED,
    SEVERITY_CHANGED,
    /** Severity rose while acknowledged: the ack is cleared and people are told again. */
    WORSENED_AFTER_ACK,
    ACKNOWLEDGED,
    /** Sent once when damping starts; the settled state is notified when it stops. */
    FLAPPING
}
