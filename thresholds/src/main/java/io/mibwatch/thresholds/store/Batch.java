package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.notify.Notification;
import java.util.List;

/**
 * Everything one evaluation step changed, written in ONE transaction: either the transitions,
 * the new alert states, the acks and the notifications announcing them are all stored, or none.
 * So a notification never exists for a transition that was lost, nor the other way round.
 */
public record Batch(List<TransitionRow> transitions, List<AlertRow> upserts, List<AckRow> acks,
                    List<Notification> notifications) {
    public Batch {
        transitions = List.copyOf(transitions);
        upserts = List.copyOf(upserts);
        acks = List.copyOf(acks);
        notifications = List.copyOf(notifications);
    }

    public static Batch of(List<TransitionRow> transitions, List<AlertRow> upserts, List<Notification> notifications) {
        return new Batch(transitions, upserts, List.of(), notifications);
    }

    public boolean isEmpty() {
        return transitions.isEmpty() && upserts.isEmpty() && acks.isEmpty() && notifications.isEmpty();
    }
}
