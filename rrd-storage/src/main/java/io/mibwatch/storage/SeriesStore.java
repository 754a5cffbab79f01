package io.mibwatch.storage;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Where samples go after the rate computation, and where graphs, the CLI and baselines read
 * history from.
 */
public interface SeriesStore extends AutoCloseable {

    /**
     * Stores samples. Samples of the same (device, group, instance) and timestamp (whole seconds)
     * go into one RRD update, so all metrics of one instance polled together must arrive in the
     * same call: a later call with the same timestamp is "out of order" for that file.
     *
     * <p>Never throws because of one bad file: per-file problems are listed in the report (file
     * path + cause) and the other files are still written.
     *
     * @throws IllegalStateException if the store is closed
     */
    WriteReport write(Collection<Sample> samples);

    /**
     * Reads a series back.
     *
     * @param resolution wanted row width; the answer uses the finest archive at least this coarse
     *                   that reaches back to {@code from}, else the one reaching furthest back
     * @throws SeriesNotFoundException  if the series was never stored (names device and series path)
     * @throws IllegalArgumentException for an empty/inverted range or a non-positive resolution
     * @throws java.io.UncheckedIOException if the file exists but cannot be read
     */
    SeriesData fetch(SeriesId series, Instant from, Instant to, Duration resolution, Consolidation cf);

    /** Every series stored for the device, sorted; empty if none. */
    List<SeriesId> list(String device);

    /** Every device with at least one stored series, sorted. */
    List<String> devices();

    /** Makes everything written so far durable on disk (fsync of every open file). */
    void flush();

    /** Flushes and closes every open file; idempotent. */
    @Override
    void close();
}
