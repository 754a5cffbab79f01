package io.mibwatch.thresholds.store;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The current state of one alert (one row of {@code alerts}, replaced on every change).
 * Instants are stored at millisecond precision.
 *
 * @param id           stable alert id, e.g. {@code rule|device|series}
 * @param rule         rule name
 * @param device       device name
 * @param series       series path ({@code group/instance/metric}); empty for device-level alerts
 * @param state        lifecycle state
 * @param severity     current severity
 * @param value        last evaluated value, if any (a missing sample has none)
 * @param since        when the alert entered {@code state}
 * @param pendingSince when it went PENDING (this episode)
 * @param firingSince  when it went FIRING (this episode)
 * @param resolvedAt   when it resolved
 * @param ack          the current acknowledgement
 * @param silencedBy   id of the silence that mutes it now
 * @param suppressedBy id of the parent alert that suppresses it (dependency)
 * @param flapping     flap damping is on
 * @param labels       labels for routing and display
 */
public record AlertRow(String id, String rule, String device, String series, AlertState state, Severity severity,
                       OptionalDouble value, Instant since, Optional<Instant> pendingSince,
                       Optional<Instant> firingSince, Optional<Instant> resolvedAt, Optional<AckRow> ack,
                       Optional<String> silencedBy, Optional<String> suppressedBy, boolean flapping,
                       Map<String, String> labels) {
    public AlertRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(pendingSince, "pendingSince");
        Objects.requireNonNull(firingSince, "firingSince");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(silencedBy, "silencedBy");
        Objects.requireNonNull(suppressedBy, "suppressedBy");
        ack.ifPresent(a -> {
            if (!a.alertId().equals(id)) {
                throw new IllegalArgumentException("alert " + id + " carries an ack of alert " + a.alertId());
            }
        });
        labels = Map.copyOf(new TreeMap<>(labels));
    }

    /** A fresh PENDING alert with no history; callers fill the rest with {@code with*}. */
    public static AlertRow pending(String id, String rule, String device, String series, Severity severity,
                                   OptionalDouble value, Instant at, Map<String, String> labels) {
        return new AlertRow(id, rule, device, series, AlertState.PENDING, severity, value, at, Optional.of(at),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                labels);
    }

    public AlertRow withState(AlertState newState, Instant at) {
        return new AlertRow(id, rule, device, series, newState, severity, value, at,
                newState == AlertState.PENDING ? Optional.of(at) : pendingSince,
                newState == AlertState.FIRING ? Optional.of(at) : firingSince,
                newState == AlertState.RESOLVED ? Optional.of(at) : resolvedAt,
                ack, silencedBy, suppressedBy, flapping, labels);
    }

    public AlertRow withSeverity(Severity s, OptionalDouble v) {
        return new AlertRow(id, rule, device, series, state, s, v, since, pendingSince, firingSince, resolvedAt,
                ack, silencedBy, suppressedBy, flapping, labels);
    }

    public AlertRow withAck(AckRow a) {
        return new AlertRow(id, rule, device, series, state, severity, value, since, pendingSince, firingSince,
                resolvedAt, Optional.of(a), silencedBy, suppressedBy, flapping, labels);
    }
}
