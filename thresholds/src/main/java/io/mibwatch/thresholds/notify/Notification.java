package io.mibwatch.thresholds.notify;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message about one alert, as it sits in the outbox and goes to every routed channel.
 *
 * <p>The {@code id} is chosen by the producer and is unique; every channel carries it
 * (webhook JSON {@code id}, email header {@code X-Mibwatch-Notification}, syslog MSGID-adjacent
 * structured data) because delivery is at-least-once and receivers may see a repeat after a crash.
 *
 * @param id       unique id (e.g. {@code <alertId>#<transition>}), the receivers' de-duplication key
 * @param alertId  the alert this is about
 * @param kind     what happened, as announced ({@link NotificationKind#announcedAs})
 * @param severity the alert's severity at {@code at} (a RESOLVED carries the severity it had)
 * @param title    one line (email subject, syslog message start)
 * @param body     free text, may span lines
 * @param labels   routing/match labels, e.g. {@code device}, {@code metric}, {@code instance}; sorted
 * @param at       when the transition happened (not when it is sent)
 */
public record Notification(String id, String alertId, NotificationKind kind, Severity severity, String title,
                           String body, Map<String, String> labels, Instant at) {


    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(at, "at");
        if (id.isBlank()) {
            throw new IllegalArgumentException("notification id must not be blank");
        }
        labels = Map.copyOf(new TreeMap<>(labels));
    }

    /** Labels in key order (Map.copyOf does not keep one). */
    public TreeMap<String, String> sortedLabels() {
        return new TreeMap<>(labels);
    }
}
