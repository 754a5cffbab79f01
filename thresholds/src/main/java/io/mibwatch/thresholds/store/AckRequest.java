package io.mibwatch.thresholds.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An acknowledgement asked for by the CLI ({@code mibwatch alerts ack}), waiting for the daemon,
 * which owns the alert state, to apply it; {@code outcome} says what happened ("acknowledged",
 * or why not).
 */
public record AckRequest(long id, AckRow ack, Optional<Instant> doneAt, Optional<String> outcome) {
    public AckRequest {
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(doneAt, "doneAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
