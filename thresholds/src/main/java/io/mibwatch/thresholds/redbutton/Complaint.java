package io.mibwatch.thresholds.redbutton;

import java.time.Instant;
import java.util.Objects;

/** "Service is bad right now", said by a user at a time. */
public record Complaint(String user, String service, Instant at) {
    public Complaint {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(at, "at");
    }
}
