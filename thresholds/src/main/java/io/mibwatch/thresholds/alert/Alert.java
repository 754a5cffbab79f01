package io.mibwatch.thresholds.alert;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.RuleId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One alert (the current episode of a rule on a series). Immutable; the state machine
 * returns a new one per step.
 *
 * @param id            rule + series
 * @param state         lifecycle state
 * @param severity      current severity (the last condition's)
 * @param value         the last value the condition was about
 * @param summary       the last condition's text
 * @param since         when {@code state} was entered
 * @param pendingSince  when this episode became PENDING (empty if it fired at once)
 * @param firingSince   when this episode fired
 * @param resolvedAt    when this episode resolved
 * @param ack           acknowledgement of this episode
 * @param silencedBy    id of the silence muting it
 * @param suppressedBy  the unreachable parent device muting it
 * @param flapping      flap damping is on
 * @param recentChanges times it fired or resolved within the flap window (for damping)
 * @param lastNotified  what receivers were last told (state and severity), so a muted period,
 *                      flapping or an ack never makes them miss or repeat a change
 */
public record Alert(AlertId id, AlertState state, Severity severity, double value, String summary, Instant since,
                    Optional<Instant> pendingSince, Optional<Instant> firingSince, Optional<Instant> resolvedAt,
                    Optional<Ack> ack, Optional<String> silencedBy, Optional<String> suppressedBy, boolean flapping,
                    List<Instant> recentChanges, Optional<Notified> lastNotified) {

    /** What was last notified. */
    public record Notified(AlertState state, Severity severity) {
        public Notified {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(severity, "severity");
        }
    }

    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(pendingSince, "pendingSince");
        Objects.requireNonNull(firingSince, "firingSince");
        Objects.requireNonNull(resolvedAt, "resolvedAt");
        Objects.requireNonNull(ack, "ack");
        Objects.requireNonNull(silencedBy, "silencedBy");
        Objects.requireNonNull(suppressedBy, "suppressedBy");
        Objects.requireNonNull(lastNotified, "lastNotified");
        recentChanges = List.copyOf(recentChanges);
    }

    /** A new alert that has never been active. */
    public static Alert inactive(AlertId id, Instant at) {
        return new Alert(id, AlertState.INACTIVE, Severity.WARNING, Double.NaN, "", at, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false,
                List.of(), Optional.empty());
    }

    public RuleId rule() {
        return id.rule();
    }

    public String device() {
        return id.device();
    }

    public SeriesId series() {
        return id.series();
    }

    /** Muted by a silence or a parent being down: changes state, does not notify. */
    public boolean muted() {
        return silencedBy.isPresent() || suppressedBy.isPresent();
    }

    /**
     * Labels silences match on: {@code rule, device, group, instance, metric, series}
     * ({@code GROUP/INSTANCE/METRIC}) and {@code severity} (lower case).
     */
    public Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("rule", id.rule().value());
        m.put("device", id.device());
        m.put("group", id.series().group());
        m.put("instance", id.series().instance());
        m.put("metric", id.series().metric());
        m.put("series", id.series().path());
        m.put("severity", severity.name().toLowerCase(java.util.Locale.ROOT));
        return m;
    }
}
