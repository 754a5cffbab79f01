package io.mibwatch.web.alerts;

import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.StoredTransition;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;

/**
 * An alert as the API and the page show it. Device-supplied strings (device name, labels) go out
 * as JSON strings and the page puts them in the DOM as text only. The links are the web-data
 * pages: the device page and the graph of the metric that fired.
 *
 * @param id        alert id {@code RULE@DEVICE/GROUP/INSTANCE/METRIC}
 * @param series    {@code GROUP/INSTANCE/METRIC}, empty for device-level alerts
 * @param state     PENDING, FIRING, RESOLVED or INACTIVE
 * @param severity  critical, warning or info
 * @param ack       current acknowledgement, or null
 * @param links     {@code device} and (when there is a series) {@code graph}
 */
public record AlertView(String id, String rule, String device, String series, String state, String severity,
                        Double value, Instant since, Instant pendingSince, Instant firingSince, Instant resolvedAt,
                        Ack ack, String silencedBy, String suppressedBy, boolean flapping, Map<String, String> labels,
                        Map<String, String> links) {

    public record Ack(String user, String comment, Instant at) {
    }

    /** Most severe first, then the newest (a fresh critical tops the wall screen). */
    public static final Comparator<AlertRow> ORDER = Comparator
            .comparing((AlertRow a) -> a.severity().ordinal()).reversed()
            .thenComparing((AlertRow a) -> a.firingSince().orElse(a.since()), Comparator.reverseOrder())
            .thenComparing(AlertRow::id);

    public static AlertView of(AlertRow a) {
        String dev = "/devices/" + encode(a.device());
        Map<String, String> links = a.series().isEmpty() ? Map.of("device", dev)
                : Map.of("device", dev, "graph", dev + "?series=" + encode(a.series()));
        return new AlertView(a.id(), a.rule(), a.device(), a.series(), a.state().name(),
                a.severity().name().toLowerCase(java.util.Locale.ROOT),
                a.value().isPresent() ? a.value().getAsDouble() : null, a.since(),
                a.pendingSince().orElse(null), a.firingSince().orElse(null), a.resolvedAt().orElse(null),
                a.ack().map(k -> new Ack(k.user(), k.comment(), k.at())).orElse(null),
                a.silencedBy().orElse(null), a.suppressedBy().orElse(null), a.flapping(), a.labels(), links);
    }

    /** Path and query encoding: device names and series are restricted, but never trust that in a URL. */
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }

    /** One line of an alert's history. */
    public record TransitionView(long seq, String alertId, String from, String to, String severity, Instant at,
                                 Double value, String reason) {
        public static TransitionView of(StoredTransition t) {
            var r = t.row();
            return new TransitionView(t.seq(), r.alertId(), r.from().name(), r.to().name(),
                    r.severity().name().toLowerCase(java.util.Locale.ROOT), r.at(),
                    r.value().isPresent() ? r.value().getAsDouble() : null, r.reason());
        }
    }
}
