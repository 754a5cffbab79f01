package io.mibwatch.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The {@code rrd:} section: how the daemon writes its RRD files.
 *
 * <p>{@code write_behind} is how long the daemon may hold a file's newest rows in memory before
 * writing them to its RRD file. {@code 0s} (the default) writes every poll at once. With a longer
 * time, the rows held for a file are written
 * <ol>
 *   <li>once the file holds {@code writeBehind} worth of rows, staggered across files so they
 *       are not all written in the same second,</li>
 *   <li>before any read of that file in the daemon (graphs, alert history), so the daemon always
 *       sees every row,</li>
 *   <li>at shutdown (SIGTERM), and</li>
 *   <li>by a sweep when a device stops answering (no new row would otherwise push its rows out).</li>
 * </ol>
 * A {@code kill -9} or a crash loses at most {@code writeBehind} of rows per file. The CLI's
 * {@code query} and {@code check} are separate processes reading the files: they see rows only
 * once written.
 *
 * <p>Why: at large fleets every RRD update dirties several pages of its file (the header with
 * the last-update time and data-source state, and a row in each archive), so the disk writes
 * grow with the number of updates rather than with the data. Batching several rows per write
 * divides the disk writes. The same idea as collectd's {@code CacheTimeout} / rrdcached and
 * OpenNMS's queued RRD strategy.
 *
 * @param writeBehind how long rows may be held before they are written; zero = write every poll
 *                    at once; never negative (the config file accepts at most
 *                    {@link #MAX_WRITE_BEHIND})
 */
public record RrdConfig(Duration writeBehind) {

    /**
     * The longest {@code write_behind} accepted: more would hold too much data in memory, all of
     * which a crash loses.
     */
    public static final Duration MAX_WRITE_BEHIND = Duration.ofHours(1);

    /** No {@code rrd:} section: every poll is written at once. */
    public static final RrdConfig DEFAULT = new RrdConfig(Duration.ZERO);

    public RrdConfig {
        Objects.requireNonNull(writeBehind, "writeBehind");
        if (writeBehind.isNegative()) {
            throw new IllegalArgumentException("writeBehind must not be negative: " + writeBehind);
        }
    }
}
