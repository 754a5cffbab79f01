package io.mibwatch.thresholds.pipeline;

import io.mibwatch.thresholds.alert.Transition;
import java.util.Objects;

/**
 * One transition the pipeline has just stored, with the alert's summary at that moment: what a
 * console or a log shows of it.
 *
 * @param summary the alert's summary (its last bad value's text); empty when it has none
 */
public record AlertEvent(Transition transition, String summary) {

    public AlertEvent {
        Objects.requireNonNull(transition, "transition");
        Objects.requireNonNull(summary, "summary");
    }

    /** {@code alert TO SEVERITY ALERT_ID: SUMMARY}, e.g. {@code alert FIRING WARNING event:reboot@wan1/...: wan1 rebooted}. */
    public String line() {
        Transition t = transition;
        return "alert " + t.to() + " " + t.severity() + " " + t.alertId().key() + ": " + summary;
    }
}
