package io.mibwatch.web.alerts;

import io.mibwatch.thresholds.store.SilenceRow;

/**
 * What the alert page needs from the daemon, which owns the live alert state: acknowledge and
 * silence <em>now</em> rather than queueing a request for its next 10-second recheck, so the
 * operator sees the result at once. The app implements it over its {@code Alerting}; web-ui
 * must not depend on app.
 */
public interface AlertControl {

    /**
     * Acknowledges the alert as {@code user}.
     *
     * @throws java.util.NoSuchElementException when the daemon tracks no such alert
     * @throws IllegalStateException when the alert is in a state that cannot be acknowledged
     *                               (the message says which; the API answers 409 with it)
     */
    AckOutcome acknowledge(String alertId, String user, String comment);

    /**
     * Stores the silence and applies it to the live alerts.
     *
     * @throws IllegalArgumentException when a silence with that id exists
     */
    void addSilence(SilenceRow silence);

    /** Removes a silence; false when there was none with that id. */
    boolean removeSilence(String id);

    /** @param acknowledged whether the ack took; {@code message} says why not otherwise */
    record AckOutcome(boolean acknowledged, String message) {
    }
}
