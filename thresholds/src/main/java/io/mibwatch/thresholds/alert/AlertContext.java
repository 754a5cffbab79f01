package io.mibwatch.thresholds.alert;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the state machine needs to know besides the alert itself.
 *
 * @param silences     all known silences (the machine checks their window and matchers)
 * @param suppressedBy the nearest unreachable ancestor of the alert's device, if any
 * @param flap         flap damping policy
 */
public record AlertContext(List<Silence> silences, Optional<String> suppressedBy, FlapPolicy flap) {
    public AlertContext {
        silences = List.copyOf(silences);
        Objects.requireNonNull(suppressedBy, "suppressedBy");
        Objects.requireNonNull(flap, "flap");
    }

    public static AlertContext plain(FlapPolicy flap) {
        return new AlertContext(List.of(), Optional.empty(), flap);
    }
}
