package io.mibwatch.thresholds.alert;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A silence or maintenance window: alerts whose labels match every matcher between
 * {@code start} (inclusive) and {@code end} (exclusive) still change state, but are marked
 * silenced and not notified. When it ends, alerts still firing are notified then.
 */
public record Silence(String id, List<Matcher> matchers, Instant start, Instant end, String createdBy,
                      String comment) {
    public Silence {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(comment, "comment");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("silence " + id + " needs at least one matcher (e.g. device=srv1)");
        }
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("silence " + id + ": end " + end + " must be after start " + start);
        }
    }

    public boolean activeAt(Instant now) {
        return !now.isBefore(start) && now.isBefore(end);
    }

    public boolean matches(Map<String, String> labels) {
        return matchers.stream().allMatch(m -> m.matches(labels));
    }
}
