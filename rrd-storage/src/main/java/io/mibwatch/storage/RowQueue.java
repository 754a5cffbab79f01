package io.mibwatch.storage;

import java.util.Arrays;

/**
 * One file's rows held back for a later, batched write (write-behind): times oldest first and
 * one value per data source each, in two flat arrays that are reused, so a queued row costs no
 * allocation once the queue has grown to its limit.
 *
 * <p>Why: an RRD update writes the header, the data sources' state and every archive's state
 * and current row, each archive in its own region of the file: about a dozen pages per update
 * of the store's files. Consecutive rows of an archive are adjacent, so {@code n} rows written
 * together dirty those pages once instead of {@code n} times, and the kernel writes them back
 * once. The same reason gave rrdtool its rrdcached and collectd its CacheTimeout.
 *
 * <p>When to write: each queue has a limit of rows ({@link #limit()}); the first limit of a file
 * is its {@code phase} (1..rows), later ones are the full {@code rows}, so files that receive one
 * row per poll cycle reach their limits in different cycles and every cycle writes about
 * {@code 1/rows} of them rather than all of them every {@code rows}-th cycle.
 *
 * <p>Not thread-safe: used under its file's lock.
 */
final class RowQueue {

    private final int width;
    private final int rows;
    private long[] times;
    private double[] values;
    private int size;
    private int limit;
    /** Set by every {@link #add}, cleared by {@link #clearTouched}: the sweep writes queues nobody added to since. */
    private boolean touched;

    /**
     * @param width values per row (the file's data sources)
     * @param rows  rows held at most before a write (the write-behind span over the file's step)
     * @param phase the first limit, 1..rows (spreads the files' writes over the cycles)
     */
    RowQueue(int width, int rows, int phase) {
        if (width < 1 || rows < 1 || phase < 1 || phase > rows) {
            throw new IllegalArgumentException("width " + width + ", rows " + rows + ", phase " + phase);
        }
        this.width = width;
        this.rows = rows;
        this.limit = phase;
        int initial = Math.min(rows, 4);
        this.times = new long[initial];
        this.values = new double[initial * width];
    }

    /** The phase of the file at {@code path} for {@code rows}: deterministic, spread evenly by hash. */
    static int phase(Object path, int rows) {
        return 1 + Math.floorMod(path.hashCode() * 0x9E3779B9, rows);
    }

    /** Appends a row (copied); the caller has checked that {@code time} is after {@link #lastTime()}. */
    void add(long time, double[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of this file needs " + width + " values, got " + row.length);
        }
        if (size == times.length) {
            int grown = Math.max(size + 1, Math.min(Math.max(rows, size + 1), size * 2));
            times = Arrays.copyOf(times, grown);
            values = Arrays.copyOf(values, grown * width);
        }
        times[size] = time;
        System.arraycopy(row, 0, values, size * width, width);
        size++;
        touched = true;
    }

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** True when the queue holds its limit of rows and should be written now. */
    boolean full() {
        return size >= limit;
    }

    int limit() {
        return limit;
    }

    /** The newest queued time, or {@code Long.MIN_VALUE} when empty. */
    long lastTime() {
        return size == 0 ? Long.MIN_VALUE : times[size - 1];
    }

    boolean touched() {
        return touched;
    }

    void clearTouched() {
        touched = false;
    }

    /** A sink for the rows in order: the file's row writer. */
    @FunctionalInterface
    interface RowSink {
        void update(long time, double[] values);
    }

    /**
     * Hands every row to {@code sink}, oldest first, and empties the queue; after the first
     * drain the limit is the full {@code rows}. If the sink throws, the rows it had taken stay
     * written, the rest are dropped (the file's state can no longer be trusted; the caller
     * reports how many) and the exception propagates.
     *
     * @return rows handed over
     */
    int drainTo(RowSink sink) {
        double[] row = new double[width];
        int n = size;
        size = 0;
        limit = rows;
        for (int r = 0; r < n; r++) {
            System.arraycopy(values, r * width, row, 0, width);
            try {
                sink.update(times[r], row);
            } catch (RuntimeException | InternalError e) {
                // InternalError: SIGBUS on a mapped page the disk cannot back (full disk)
                throw new DrainFailure(r, n - r, e);
            }
        }
        return n;
    }

    /** A drain that stopped: {@code written} rows went to the file, {@code dropped} did not. */
    static final class DrainFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int written;
        final int dropped;

        DrainFailure(int written, int dropped, Throwable cause) {
            super(dropped + " queued row(s) not written: " + cause.getMessage(), cause);
            this.written = written;
            this.dropped = dropped;
        }
    }
}
