package io.mibwatch.thresholds.store;

import io.mibwatch.thresholds.notify.Glob;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A silence / maintenance window: alerts matching {@link Matcher} between {@code start}
 * (inclusive) and {@code end} (exclusive) are recorded but not notified.
 *
 * @param id        unique id (CLI/API shows it; {@code silence remove ID})
 * @param matcher   which alerts
 * @param start     window start
 * @param end       window end, after start
 * @param createdBy user name
 * @param comment   why (e.g. change ticket)
 */
public record SilenceRow(String id, Matcher matcher, Instant start, Instant end, String createdBy, String comment) {

    public SilenceRow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(matcher, "matcher");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("silence " + id + ": end " + end + " must be after start " + start);
        }
    }

    /**
     * The longest silence a user may add, from the CLI and the web alike: a forgotten
     * maintenance window must not hide a device's alerts for months. Silences already stored
     * are kept whatever their length.
     */
    public static final Duration MAX_LENGTH = Duration.ofDays(31);

    /** Why a silence from {@code start} to {@code end} may not be added, or empty when it may. */
    public static Optional<String> lengthProblem(Instant start, Instant end) {
        Duration length = Duration.between(start, end);
        if (length.compareTo(MAX_LENGTH) > 0) {
            return Optional.of("a silence may last at most " + MAX_LENGTH.toDays() + " days, got " + length);
        }
        return Optional.empty();
    }

    /** Active at {@code now}: start <= now < end. */
    public boolean activeAt(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }

    /**
     * Glob matchers ({@code *} any run of characters, {@code ?} one character, everything else
     * literal, whole-string match). A silence for one device: {@code ("core1", "*", {})}.
     *
     * @param device glob on the device name
     * @param metric glob on the metric name
     * @param labels label name -> glob; an alert lacking the label does not match
     */
    public record Matcher(String device, String metric, Map<String, String> labels) {
        public Matcher {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(metric, "metric");
            labels = Map.copyOf(new TreeMap<>(labels));
        }

        public static Matcher device(String deviceGlob) {
            return new Matcher(deviceGlob, "*", Map.of());
        }

        public boolean matches(String deviceName, String metricName, Map<String, String> alertLabels) {
            if (!glob(device, deviceName) || !glob(metric, metricName)) {
                return false;
            }
            for (Map.Entry<String, String> e : labels.entrySet()) {
                String v = alertLabels.get(e.getKey());
                if (v == null || !glob(e.getValue(), v)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean glob(String pattern, String value) {
            return Glob.matches(pattern, value);
        }
    }
}
