package io.mibwatch.thresholds.redbutton;

import java.time.Instant;
import java.util.Objects;

/** A user used the service during [from, to). */
public record ActivePeriod(String user, String service, Instant from, Instant to) {
    public ActivePeriod {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(service, "service");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("active period of " + user + " on " + service + ": from " + from
                    + " is not before to " + to);
        }
    }

    public boolean contains(Instant t) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
