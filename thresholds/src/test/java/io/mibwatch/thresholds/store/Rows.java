package io.mibwatch.thresholds.store;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.notify.Notification;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/** Test rows: a CPU alert on a device and the notifications that go with its transitions. */
public final class Rows {
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Rows() {
    }

    public static AlertRow pending(String device, Instant at) {
        return AlertRow.pending(alertId(device), "cpu-high", device, "cpu//load5", Severity.WARNING,
                OptionalDouble.of(91.5), at, Map.of("device", device, "metric", "load5"));
    }

    public static String alertId(String device) {
        return "cpu-high|" + device + "|cpu//load5";
    }

    public static TransitionRow transition(String device, AlertState from, AlertState to, Instant at) {
        return new TransitionRow(alertId(device), from, to, Severity.WARNING, at, OptionalDouble.of(91.5),
                "load5 91.5 > 90");
    }

    public static Notification notification(String id, String device, NotificationKind kind, Instant at) {
        return new Notification(id, alertId(device), kind, Severity.WARNING, device + " cpu " + kind,
                "load5 91.5 > 90\nsince " + at, Map.of("device", device, "metric", "load5"), at);
    }
}
