package io.mibwatch.thresholds.notify;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One routing rule: notifications that match go to {@code channels}. Routes are tried in order;
 * the first match wins unless it says {@code continueMatching} (the same rule as Alertmanager's
 * {@code continue}), so "critical to the pager, everything also to syslog" is two routes.
 *
 * @param name             for error messages
 * @param minSeverity      this severity and worse
 * @param kinds            which kinds; empty = all
 * @param labels           label name -> {@link Glob}; a notification lacking the label does not match
 * @param channels         channel names, at least one
 * @param continueMatching keep trying later routes after this one matched
 */
public record Route(String name, Severity minSeverity, Set<NotificationKind> kinds, Map<String, String> labels,
                    List<String> channels, boolean continueMatching) {

    public Route {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(minSeverity, "minSeverity");
        kinds = kinds.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(kinds));
        labels = Map.copyOf(new TreeMap<>(labels));
        channels = List.copyOf(channels);
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("route '" + name + "' has no channels");
        }
    }

    /** Everything of at least {@code min} severity to {@code channels}, stop there. */
    public static Route all(String name, Severity min, String... channels) {
        return new Route(name, min, Set.of(), Map.of(), List.of(channels), false);
    }

    public boolean matches(Notification n) {
        if (!n.severity().atLeast(minSeverity)) {
            return false;
        }
        if (!kinds.isEmpty() && !kinds.contains(n.kind())) {
            return false;
        }
        for (Map.Entry<String, String> e : labels.entrySet()) {
            String v = n.labels().get(e.getKey());
            if (v == null || !Glob.matches(e.getValue(), v)) {
                return false;
            }
        }
        return true;
    }
}
