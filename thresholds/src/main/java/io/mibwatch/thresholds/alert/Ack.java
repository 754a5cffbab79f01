package io.mibwatch.thresholds.alert;

import java.time.Instant;
import java.util.Objects;

/** Someone took ownership of a firing alert. Cleared when the alert worsens or a new episode starts. */
public record Ack(String user, String comment, Instant at) {
    public Ack {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(comment, "comment");
        Objects.requireNonNull(at, "at");
        if (user.isBlank()) {
            throw new IllegalArgumentException("an acknowledgement needs a user");
        }
    }
}
