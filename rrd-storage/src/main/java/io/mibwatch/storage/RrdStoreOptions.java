package io.mibwatch.storage;

import java.time.Duration;
import java.util.Objects;

/**
 * How an {@link RrdSeriesStore} keeps its files: the bound on open files and the write-behind span.
 * {@link #defaults()} is what a store needs unless it is tuned for a large fleet; the
 * {@code with...} methods change one setting.
 *
 * @param maxOpenFiles how many files stay open (memory-mapped) at most; LRU closes the rest
 * @param writeBehind  how long a file's newest rows may be held in memory and written together;
 *                     zero writes every update at once (see "Write-behind" in {@link RrdSeriesStore})
 */
public record RrdStoreOptions(int maxOpenFiles, Duration writeBehind) {

    /**
     * Default bound on open files: well above a few thousand interfaces polled per cycle, and
     * far below the kernel's default 65530 mappings per process.
     */
    public static final int DEFAULT_MAX_OPEN_FILES = 4096;

    public RrdStoreOptions {
        if (maxOpenFiles < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 1, got " + maxOpenFiles);
        }
        Objects.requireNonNull(writeBehind, "writeBehind");
        if (writeBehind.isNegative()) {
            throw new IllegalArgumentException("write-behind must not be negative, got " + writeBehind);
        }
    }

    /** {@value #DEFAULT_MAX_OPEN_FILES} open files, no write-behind. */
    public static RrdStoreOptions defaults() {
        return new RrdStoreOptions(DEFAULT_MAX_OPEN_FILES, Duration.ZERO);
    }

    public RrdStoreOptions withMaxOpenFiles(int n) {
        return new RrdStoreOptions(n, writeBehind);
    }

    public RrdStoreOptions withWriteBehind(Duration span) {
        return new RrdStoreOptions(maxOpenFiles, span);
    }
}
