package io.mibwatch.storage;

import org.rrd4j.core.RrdDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The RRD files kept open between writes, one lock per file, with a bound on how many are open.
 *
 * <p>Why keep files open: opening an RRD file reads and maps its header on every poll; with the
 * NIO backend an open file is a memory mapping, so an update is a few memory writes and the
 * kernel writes dirty pages back on its own.
 *
 * <p>Concurrency: a {@link Handle} per path lives for the life of the store (never removed, so
 * there is never more than one {@link RrdDb} per file); all use of its {@code RrdDb}, including
 * opening and closing it, happens under the handle's lock. Different files proceed in parallel.
 *
 * <p>Bound: at most {@code maxOpen} files stay open (each costs a file descriptor and a mapping,
 * and the kernel caps mappings per process at {@code vm.max_map_count}, 65530 by default). When
 * exceeded, the least recently used idle files are closed - simply, by an access-ordered map
 * consulted after the caller released its own lock, so eviction never holds two file locks and
 * cannot deadlock. A closed file reopens on its next use. The bound should exceed the number of
 * files written per poll cycle, otherwise LRU closes every file before its next use.
 */
final class OpenFiles {

    private static final Logger LOG = LoggerFactory.getLogger(OpenFiles.class);

    /** Something done with one file while holding its lock. */
    @FunctionalInterface
    interface FileAction<T> {
        T apply(Handle handle) throws IOException;
    }

    /** One file: its lock and, while open, its RrdDb. */
    static final class Handle {
        private final Path path;
        private final ReentrantLock lock = new ReentrantLock();
        private RrdDb db; // guarded by lock
        /** Data source name -> index of the open file; RRD4J reads names from the file on every lookup. */
        private Map<String, Integer> dsIndex = Map.of(); // guarded by lock
        /** The open file's direct row writer, or null: not open, or a file RRD4J must update itself. */
        private RrdRowWriter writer; // guarded by lock

        private Handle(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        /** The open RrdDb, or null if the file is not open. Caller holds the lock. */
        RrdDb db() {
            return db;
        }

        void attach(RrdDb opened) throws IOException {
            db = opened;
            Map<String, Integer> index = new HashMap<>();
            String[] names = opened.getDsNames();
            for (int i = 0; i < names.length; i++) {
                index.put(names[i], i);
            }
            dsIndex = Map.copyOf(index);
            // before any update through RRD4J: the writer mirrors RRD4J's state of a freshly opened file
            writer = RrdRowWriter.of(opened).orElse(null);
        }

        /**
         * The open file's {@link RrdRowWriter}, or null if RRD4J must update this file itself (a
         * layout the writer does not cover, or a read-only file). Caller holds the lock.
         */
        RrdRowWriter writer() {
            return writer;
        }

        /**
         * The open file's data sources by name (fixed when the file was created), read once when
         * it was opened. Caller holds the lock and has attached a db.
         */
        Map<String, Integer> dsIndex() {
            return dsIndex;
        }
    }

    private final ConcurrentHashMap<Path, Handle> handles = new ConcurrentHashMap<>();
    /** Open handles, least recently used first. Guarded by itself. */
    private final LinkedHashMap<Handle, Boolean> lru = new LinkedHashMap<>(64, 0.75f, true);
    private final int maxOpen;
    private volatile boolean closed;

    OpenFiles(int maxOpen) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 1, got " + maxOpen);
        }
        this.maxOpen = maxOpen;
    }

    /**
     * Runs {@code action} holding the file's lock. The action opens the file if it needs it
     * ({@link Handle#attach}); afterwards the file counts as recently used.
     *
     * @throws IllegalStateException if the store is closed (checked under the lock, so a write
     *                               racing with close() never reopens a file close() just closed)
     */
    <T> T withFile(Path path, FileAction<T> action) throws IOException {
        Handle h = handles.computeIfAbsent(path, Handle::new);
        T result;
        h.lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("series store is closed");
            }
            try {
                result = action.apply(h);
            } finally {
                if (h.db != null) {
                    synchronized (lru) {
                        lru.put(h, Boolean.TRUE);
                    }
                }
            }
        } finally {
            h.lock.unlock();
        }
        evictOverflow();
        return result;
    }

    /** Closes the file's RrdDb (if open) so its next use reopens it from disk. Caller holds the lock. */
    void closeQuietly(Handle h) {
        RrdDb db = h.db;
        h.db = null;
        h.dsIndex = Map.of();
        h.writer = null; // its mapping is about to be unmapped
        synchronized (lru) {
            lru.remove(h);
        }
        if (db != null) {
            try {
                db.close();
            } catch (IOException | RuntimeException e) {
                LOG.warn("closing RRD file {} failed: {}", h.path, e.toString());
            }
        }
    }

    int openCount() {
        synchronized (lru) {
            return lru.size();
        }
    }

    private void evictOverflow() {
        for (int attempts = 0; attempts < maxOpen + 16; attempts++) {
            Handle victim;
            synchronized (lru) {
                if (lru.size() <= maxOpen) {
                    return;
                }
                Iterator<Handle> eldest = lru.keySet().iterator();
                victim = eldest.next();
                eldest.remove();
            }
            victim.lock.lock();
            try {
                boolean usedSince;
                synchronized (lru) {
                    usedSince = lru.containsKey(victim);
                }
                if (!usedSince) {
                    closeQuietly(victim);
                }
            } finally {
                victim.lock.unlock();
            }
        }
    }

    /**
     * fsync of every open file. The NIO backend writes through a shared memory mapping, whose
     * dirty pages are the file's page-cache pages, so fsync on the file makes them durable without
     * closing the mapping.
     *
     * @return one line per file that could not be synced
     */
    List<String> syncAll() {
        List<String> failures = new ArrayList<>();
        for (Handle h : handles.values()) {
            h.lock.lock();
            try {
                if (h.db != null) {
                    try (FileChannel ch = FileChannel.open(h.path, StandardOpenOption.READ)) {
                        ch.force(true);
                    } catch (IOException | RuntimeException e) {
                        failures.add(h.path + ": fsync failed: " + e);
                    }
                }
            } finally {
                h.lock.unlock();
            }
        }
        return failures;
    }

    /** Closes every open file (RrdDb.close syncs and unmaps); later use throws. Idempotent. */
    void closeAll() {
        closed = true;
        for (Handle h : handles.values()) {
            h.lock.lock();
            try {
                closeQuietly(h);
            } finally {
                h.lock.unlock();
            }
        }
    }
}
