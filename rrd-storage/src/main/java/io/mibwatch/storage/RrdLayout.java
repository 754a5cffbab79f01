package io.mibwatch.storage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shape of a new RRD file: primary step, heartbeat and the consolidated archives (each
 * readable as AVERAGE, MIN and MAX). Fixed at file creation; an existing file keeps its own layout
 * even if the configuration changes later.
 *
 * <p>An archive whose rows hold one primary point each (resolution = step) is stored once, as
 * AVERAGE: the MIN and MAX of one value are that value, so the store answers MIN and MAX fetches
 * at that resolution from it (see {@code RrdSeriesStore.onePointArchive}); every resolution keeps
 * its span and its three consolidations.
 *
 * @param step      width of a primary data point = the poll interval, whole seconds
 * @param heartbeat the longest gap between two updates that RRD still bridges; a longer gap makes
 *                  the interval unknown ({@code NaN}) instead of inventing data
 * @param archives  finest first; each resolution a whole multiple of {@code step}
 */
public record RrdLayout(Duration step, Duration heartbeat, List<Archive> archives) {

    /** rrdtool's customary x-files factor: a row is known if at least half its points are. */
    public static final double XFF = 0.5;

    /** The stock resolutions and spans: 1 min for 2 days, 5 min for 2 weeks, 1 h for 3 months, 1 day for 3 years. */
    private static final List<Archive> STOCK = List.of(
            new Archive(Duration.ofMinutes(1), Duration.ofDays(2)),
            new Archive(Duration.ofMinutes(5), Duration.ofDays(14)),
            new Archive(Duration.ofHours(1), Duration.ofDays(93)),
            new Archive(Duration.ofDays(1), Duration.ofDays(1098)));

    /**
     * One round-robin archive.
     *
     * @param resolution row width
     * @param span       how far back it reaches; rows = ceil(span / resolution)
     */
    public record Archive(Duration resolution, Duration span) {
        public Archive {
            Objects.requireNonNull(resolution, "resolution");
            Objects.requireNonNull(span, "span");
            if (resolution.isNegative() || resolution.isZero() || resolution.toNanos() % 1_000_000_000L != 0) {
                throw new IllegalArgumentException("archive resolution must be a positive whole number of seconds, got " + resolution);
            }
            if (span.compareTo(resolution) < 0) {
                throw new IllegalArgumentException("archive span " + span + " is shorter than its resolution " + resolution);
            }
        }

        /** Rows needed to cover {@link #span} (rounded up so the span is always fully kept). */
        public int rows() {
            long r = ceilDiv(span.getSeconds(), resolution.getSeconds());
            if (r > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("archive " + this + " needs too many rows: " + r);
            }
            return (int) r;
        }
    }

    public RrdLayout {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(heartbeat, "heartbeat");
        archives = List.copyOf(archives);
        if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000_000L != 0) {
            // RRD4J counts time in whole seconds
            throw new IllegalArgumentException("step must be a positive whole number of seconds, got " + step);
        }
        if (heartbeat.compareTo(step) < 0 || heartbeat.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("heartbeat must be whole seconds and >= step " + step + ", got " + heartbeat);
        }
        if (archives.isEmpty()) {
            throw new IllegalArgumentException("a layout needs at least one archive");
        }
        for (Archive a : archives) {
            if (a.resolution().getSeconds() % step.getSeconds() != 0) {
                throw new IllegalArgumentException("archive resolution " + a.resolution()
                        + " is not a whole multiple of the step " + step);
            }
        }
    }

    /** Primary points consolidated into one row of the archive. */
    public int stepsPerRow(Archive archive) {
        return Math.toIntExact(archive.resolution().getSeconds() / step.getSeconds());
    }

    /**
     * The stock layout: 1-minute rows for 2 days, 5-minute for 2 weeks, 1-hour for 93 days and
     * 1-day for 1098 days, each AVERAGE, MIN and MAX.
     *
     * <p>{@code step} is the poll interval, because a finer step would only repeat the same value.
     * A stock resolution finer than the step (or not a multiple of it) is rounded UP to a multiple
     * of the step, keeping its span; when two archives end with the same resolution only the one
     * with the longer span is kept, because it holds the same rows and more (e.g. for a 300 s
     * interval the 1-minute/2-day archive becomes 5-minute and merges into 5-minute/2-week).
     *
     * <p>{@code heartbeat = 2 x step + step/2}: twice the step so one lost poll (a timeout) does
     * not punch a hole - the poller's next rate already averages over the whole longer interval,
     * so the value is true for both steps - and the extra half step absorbs scheduling jitter and
     * slow answers (the default 5 s timeout with 2 retries makes a poll up to 15 s late at 60 s).
     * Two lost polls in a row exceed it and show as a gap, which is what an outage should look like.
     *
     * @param pollInterval whole seconds, from 1 s to 1 day
     */
    /** How long each poll is kept at its own resolution when the interval is under a minute. */
    public static final Duration SUB_MINUTE_SPAN = Duration.ofHours(6);

    public static RrdLayout stock(Duration pollInterval) {
        Objects.requireNonNull(pollInterval, "pollInterval");
        if (pollInterval.compareTo(Duration.ofSeconds(1)) < 0 || pollInterval.compareTo(Duration.ofDays(1)) > 0
                || pollInterval.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalArgumentException("poll interval must be whole seconds between 1 s and 1 day, got " + pollInterval);
        }
        long step = pollInterval.getSeconds();
        List<Archive> result = new ArrayList<>();
        if (step < STOCK.get(0).resolution().getSeconds()) {
            // Polling faster than the finest stock archive: whoever sets a 10 s interval wants to
            // see 10 s detail, so keep every poll for SUB_MINUTE_SPAN; older data lives on in the
            // 1-minute archive. Bounded span because rows at 1-5 s cost megabytes per file.
            result.add(new Archive(pollInterval, SUB_MINUTE_SPAN));
        }
        for (Archive stock : STOCK) {
            long res = ceilDiv(stock.resolution().getSeconds(), step) * step;
            Archive a = new Archive(Duration.ofSeconds(res), stock.span());
            Archive last = result.isEmpty() ? null : result.get(result.size() - 1);
            if (last != null && last.resolution().equals(a.resolution())) {
                // same rows, keep the longer reach (STOCK is ordered by span, so the later one)
                result.set(result.size() - 1, a.span().compareTo(last.span()) >= 0 ? a : last);
            } else {
                result.add(a);
            }
        }
        return new RrdLayout(pollInterval, Duration.ofSeconds(2 * step + step / 2), result);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
