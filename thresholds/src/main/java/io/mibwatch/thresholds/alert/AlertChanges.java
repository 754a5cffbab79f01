package io.mibwatch.thresholds.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What one call to the {@link AlertTracker} changed: the alerts as they are now (only those
 * touched), their transitions and the notifications to send. The store persists all three in
 * one transaction, then the notifiers send from its outbox.
 *
 * <p>{@code refreshed} holds alerts whose only change is the measured value (and the summary that
 * quotes it): a firing alert's value moves every poll while nothing about the alert happens. They
 * are kept apart so the caller may write them lazily; a store write per firing alert and poll
 * (one fsync each) was 13 % of the daemon's CPU in the burst run (docs/benchmarks.md).
 */
public record AlertChanges(List<Alert> alerts, List<Transition> transitions, List<NotificationIntent> intents,
                           List<Alert> refreshed) {

    public static final AlertChanges NONE = new AlertChanges(List.of(), List.of(), List.of(), List.of());

    public AlertChanges {
        alerts = List.copyOf(alerts);
        transitions = List.copyOf(transitions);
        intents = List.copyOf(intents);
        refreshed = List.copyOf(refreshed);
    }

    /** Changes without value refreshes. */
    public AlertChanges(List<Alert> alerts, List<Transition> transitions, List<NotificationIntent> intents) {
        this(alerts, transitions, intents, List.of());
    }

    /** True when nothing changed, not even a value. */
    public boolean isEmpty() {
        return alerts.isEmpty() && transitions.isEmpty() && intents.isEmpty() && refreshed.isEmpty();
    }

    /** True when something besides values changed: a state, an ack, a silence, a notification... */
    public boolean hasEvents() {
        return !alerts.isEmpty() || !transitions.isEmpty() || !intents.isEmpty();
    }

    /** True when {@code after} is {@code before} with only its value (and the summary quoting it) moved. */
    static boolean onlyValueMoved(Alert before, Alert after) {
        if (before == null || !before.id().equals(after.id())) {
            return false;
        }
        // every other component copied from before: a component added to Alert breaks this call
        // at compile time instead of being silently treated as a value
        Alert same = new Alert(before.id(), before.state(), before.severity(), after.value(), after.summary(),
                before.since(), before.pendingSince(), before.firingSince(), before.resolvedAt(), before.ack(),
                before.silencedBy(), before.suppressedBy(), before.flapping(), before.recentChanges(),
                before.lastNotified());
        return same.equals(after);
    }

    /** Collects the steps of one tracker call; a step that changed nothing is left out. */
    static final class Collector {
        private final List<Alert> alerts = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final List<NotificationIntent> intents = new ArrayList<>();
        private final List<Alert> refreshed = new ArrayList<>();

        void add(Alert before, AlertStep step) {
            boolean events = !step.transitions().isEmpty() || !step.intents().isEmpty();
            if (!events && step.alert().equals(before)) {
                return;
            }
            if (!events && onlyValueMoved(before, step.alert())) {
                refreshed.add(step.alert());
                return;
            }
            alerts.add(step.alert());
            transitions.addAll(step.transitions());
            intents.addAll(step.intents());
        }

        AlertChanges build() {
            return new AlertChanges(alerts, transitions, intents, refreshed);
        }
    }
}
