package io.mibwatch.core.log;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One error line per cause of a repeated failure, not one per attempt. The first failure of a
 * cause is logged with its detail; while it keeps failing, at most one summary line per
 * {@code summaryEvery} says how many more failures there were in that time (and the latest
 * detail); the first success after failures logs one recovery line with the total count.
 * A full disk fails every RRD file, notification and transition write each cycle: this turns
 * dozens of lines a second into one a minute.
 *
 * <p>Thread-safe. Time comes from the injected clock; lines go to the two sinks (e.g.
 * {@code LOG::error} and {@code LOG::info}), so this type does not depend on a logging library.
 */
public final class FailureLog {

    /** The summary period used by the daemon. */
    public static final Duration MINUTE = Duration.ofMinutes(1);

    private final Clock clock;
    private final Duration summaryEvery;
    private final Consumer<String> error;
    private final Consumer<String> info;
    private final Map<String, Failing> failing = new LinkedHashMap<>();

    private static final class Failing {
        final Instant since;
        long total = 1;
        long sinceSummary;
        Instant windowStart;
        String latest;

        Failing(Instant since, String detail) {
            this.since = since;
            this.windowStart = since;
            this.latest = detail;
        }
    }

    public FailureLog(Clock clock, Duration summaryEvery, Consumer<String> error, Consumer<String> info) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.summaryEvery = Objects.requireNonNull(summaryEvery, "summaryEvery");
        if (summaryEvery.isNegative() || summaryEvery.isZero()) {
            throw new IllegalArgumentException("summaryEvery must be positive, got " + summaryEvery);
        }
        this.error = Objects.requireNonNull(error, "error");
        this.info = Objects.requireNonNull(info, "info");
    }

    /**
     * Records one failure of {@code cause} (a short stable key, e.g. {@code "RRD write: disk full"});
     * {@code detail} is the full message of this attempt.
     *
     * @return true when this is the first failure since the cause last worked (the line was logged)
     */
    public boolean failed(String cause, String detail) {
        Instant now = clock.instant();
        String line = null;
        boolean first;
        synchronized (this) {
            Failing f = failing.get(cause);
            first = f == null;
            if (first) {
                failing.put(cause, new Failing(now, detail));
                line = cause + ": " + detail;
            } else {
                f.total++;
                f.sinceSummary++;
                f.latest = detail;
                if (!now.isBefore(f.windowStart.plus(summaryEvery))) {
                    line = cause + ": " + f.sinceSummary + " more failure(s) in the last "
                            + human(Duration.between(f.windowStart, now)) + ", " + f.total + " since " + f.since
                            + " (latest: " + detail + ")";
                    f.sinceSummary = 0;
                    f.windowStart = now;
                }
            }
        }
        if (line != null) {
            error.accept(line);
        }
        return first;
    }

    /**
     * Records that {@code cause} worked.
     *
     * @return true when it had been failing (one recovery line was logged)
     */
    public boolean succeeded(String cause) {
        Failing f;
        synchronized (this) {
            f = failing.remove(cause);
        }
        if (f == null) {
            return false;
        }
        info.accept(cause + ": working again after " + f.total + " failure(s) since " + f.since + " ("
                + human(Duration.between(f.since, clock.instant())) + ")");
        return true;
    }

    /** Whether {@code cause} failed and has not worked since. */
    public synchronized boolean isFailing(String cause) {
        return failing.containsKey(cause);
    }

    /** The causes failing now, in the order they started failing. */
    public synchronized Set<String> failing() {
        return Set.copyOf(failing.keySet());
    }

    private static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        return s < 120 ? s + " s" : (s / 60) + " min";
    }
}
