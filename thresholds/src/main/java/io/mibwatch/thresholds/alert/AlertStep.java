package io.mibwatch.thresholds.alert;

import java.util.List;
import java.util.Objects;

/** Result of one state machine step: the alert after it, what changed, what to notify. */
public record AlertStep(Alert alert, List<Transition> transitions, List<NotificationIntent> intents) {
    public AlertStep {
        Objects.requireNonNull(alert, "alert");
        transitions = List.copyOf(transitions);
        intents = List.copyOf(intents);
    }
}
