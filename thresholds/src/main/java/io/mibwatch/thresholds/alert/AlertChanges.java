package io.mibwatch.thresholds.alert;

import java.util.ArrayList;
import java.util.List;

/**
 * What one call to the {@link AlertTracker} changed: the alerts as they are now (only those
 * touched), their transitions and the notifications to send. The store persists all three in
 * one transaction, then the notifiers send from its outbox.
 */
public record AlertChanges(List<Alert> alerts, List<Transition> transitions, List<NotificationIntent> intents) {

    public static final AlertChanges NONE = new AlertChanges(List.of(), List.of(), List.of());

    public AlertChanges {
        alerts = List.copyOf(alerts);
        transitions = List.copyOf(transitions);
        intents = List.copyOf(intents);
    }

    public boolean isEmpty() {
        return alerts.isEmpty() && transitions.isEmpty() && intents.isEmpty();
    }

    /** Collects the steps of one tracker call; a step that changed nothing is left out. */
    static final class Collector {
        private final List<Alert> alerts = new ArrayList<>();
        private final List<Transition> transitions = new ArrayList<>();
        private final List<NotificationIntent> intents = new ArrayList<>();

        void add(Alert before, AlertStep step) {
            if (!step.alert().equals(before) || !step.transitions().isEmpty() || !step.intents().isEmpty()) {
                alerts.add(step.alert());
            }
            transitions.addAll(step.transitions());
            intents.addAll(step.intents());
        }

        AlertChanges build() {
            return new AlertChanges(alerts, transitions, intents);
        }
    }
}
