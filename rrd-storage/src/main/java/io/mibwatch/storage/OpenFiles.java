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

    /**
     * One file: its lock and, while open, either its row writer over a bare mapping (the store's
     * own layouts) or its RrdDb (files RRD4J updates itself).
     */
    final class Handle {
        private final Path path;
        private final ReentrantLock lock = new ReentrantLock();
        /** RRD4J's object for a file it updates itself; null for a row-writer file (see attach). */
        private RrdDb db; // guarded by lock
        /** The row writer's mapping, or null. */
        private SharedMappingNioFactory.Mapping mapping; // guarded by lock
        /** Data source name -> index of the open file; RRD4J reads names from the file on every lookup. */
        private Map<String, Integer> dsIndex = Map.of(); // guarded by lock
        /** The open file's direct row writer, or null: not open, or a file RRD4J must update itself. */
        private RrdRowWriter writer; // guarded by lock
        /** Rows held for a batched write (write-behind), or null: written at once. */
        private RowQueue queue; // guarded by lock

        private Handle(Path path) {
            this.path = path;
        }

        Path path() {
            return path;
        }

        /**
         * The open RrdDb of a file RRD4J updates, or null: not open, or a row-writer file (whose
         * readers open an RrdDb of their own for the read). Caller holds the lock.
         */
        RrdDb db() {
            return db;
        }

        /** True while the file is open (a row writer or an RrdDb). Caller holds the lock. */
        boolean isOpen() {
            return db != null || writer != null;
        }

        /**
         * Takes a freshly opened file. Where the row writer covers it, only the writer and a bare
         * mapping of the file are kept and {@code opened} is closed: an RrdDb holds ~25 kB of Java
         * objects per 12-source file, 2.6 kB per series at a million series (burst benchmark).
         * Caller holds the lock; {@code opened} belongs to the handle (or is closed) afterwards.
         */
        void attach(RrdDb opened) throws IOException {
            dsIndex = sharedIndex(opened.getDsNames());
            long step = opened.getHeader().getStep();
            RrdRowWriter w = null;
            SharedMappingNioFactory.Mapping m = null;
            java.nio.ByteBuffer b = SharedMappingNioFactory.mappingOf(opened.getRrdBackend());
            if (b != null && !b.isReadOnly()) {
                try {
                    m = SharedMappingNioFactory.map(path);
                    // before any update through RRD4J: the writer mirrors RRD4J's state of a freshly opened file
                    w = RrdRowWriter.of(opened, m).orElse(null);
                } catch (IOException | RuntimeException | Error e) {
                    // e.g. "Map failed" at vm.max_map_count: nothing of this file stays open
                    if (m != null) {
                        m.close();
                    }
                    opened.close();
                    throw e;
                }
                if (w == null) {
                    m.close();
                    m = null;
                }
            }
            if (w != null) {
                opened.close();
                db = null;
                mapping = m;
            } else {
                db = opened;
            }
            writer = w;
            int rows = writer == null ? 1 : (int) Math.min(Integer.MAX_VALUE, writeBehindSeconds / step);
            queue = rows > 1 ? new RowQueue(writer.dsCount(), rows, RowQueue.phase(path, rows)) : null;
        }

        /** The open file's data source names, by index. Caller holds the lock and has attached. */
        List<String> dsNames() {
            return namesByIndex(dsIndex);
        }

        /**
         * Rows held back for a batched write, or null when this file's updates are written at once
         * (no write-behind, a span shorter than two steps, or a file RRD4J updates). Caller holds the lock.
         */
        RowQueue queue() {
            return queue;
        }

        /**
         * Writes the held rows, if any, through the row writer. A failure is added to {@code errors}
         * (naming the file and how many rows were lost) and closes the file so that its next use
         * reopens it from disk. Caller holds the lock.
         *
         * @return rows written
         */
        int drain(List<String> errors) {
            if (queue == null || queue.isEmpty()) {
                return 0;
            }
            try {
                return queue.drainTo(writer::update);
            } catch (RowQueue.DrainFailure e) {
                errors.add(path + ": writing " + (e.written + e.dropped) + " held row(s) failed after " + e.written
                        + ", " + e.dropped + " lost: " + e.getCause());
                close(this, false);
                return e.written;
            }
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
    /**
     * One name -> index map per distinct list of data source names: the fleet's files share a
     * handful of lists (one per metric group), and a map per file was ~1 kB of heap.
     */
    private final ConcurrentHashMap<List<String>, Map<String, Integer>> indexes = new ConcurrentHashMap<>();

    /** The names of a name -> index map, in index order. */
    static List<String> namesByIndex(Map<String, Integer> index) {
        String[] names = new String[index.size()];
        index.forEach((n, i) -> names[i] = n);
        return List.of(names);
    }

    private Map<String, Integer> sharedIndex(String[] names) {
        return indexes.computeIfAbsent(List.of(names), list -> {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < list.size(); i++) {
                index.put(list.get(i), i);
            }
            return Map.copyOf(index);
        });
    }
    /** Open handles, least recently used first. Guarded by itself. */
    private final LinkedHashMap<Handle, Boolean> lru = new LinkedHashMap<>(64, 0.75f, true);
    private final int maxOpen;
    /** Write-behind span in seconds (0: every update written at once). */
    private final long writeBehindSeconds;
    private volatile boolean closed;

    OpenFiles(int maxOpen) {
        this(maxOpen, 0);
    }

    /**
     * @param writeBehindSeconds how long a file's rows may be held for a batched write: a file
     *                           with step {@code s} holds up to {@code writeBehindSeconds / s} rows
     */
    OpenFiles(int maxOpen, long writeBehindSeconds) {
        if (maxOpen < 1) {
            throw new IllegalArgumentException("maxOpenFiles must be >= 1, got " + maxOpen);
        }
        if (writeBehindSeconds < 0) {
            throw new IllegalArgumentException("write-behind must be >= 0 s, got " + writeBehindSeconds);
        }
        this.maxOpen = maxOpen;
        this.writeBehindSeconds = writeBehindSeconds;
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
                if (h.isOpen()) {
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

    /**
     * Writes the file's held rows, then closes its RrdDb (if open) so its next use reopens it
     * from disk. Caller holds the lock.
     */
    void closeQuietly(Handle h) {
        close(h, true);
    }

    private void close(Handle h, boolean drainFirst) {
        if (drainFirst) {
            List<String> errors = new ArrayList<>(0);
            h.drain(errors); // a failed drain closes the file itself
            errors.forEach(e -> LOG.error("RRD file {}", e));
        }
        RrdDb db = h.db;
        SharedMappingNioFactory.Mapping m = h.mapping;
        h.db = null;
        h.mapping = null;
        h.dsIndex = Map.of();
        h.writer = null; // its mapping is about to be unmapped
        h.queue = null;
        if (m != null) {
            try {
                m.close();
            } catch (RuntimeException e) {
                LOG.warn("closing RRD file {} failed: {}", h.path, e.toString());
            }
        }
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
     * Writes the held rows of every file nobody added a row to since the previous sweep, and
     * starts a new round for the others: run every write-behind span, it writes a file whose
     * device stopped answering (or was removed) within two spans rather than never.
     *
     * @return one line per file whose rows could not be written
     */
    List<String> sweep() {
        List<String> errors = new ArrayList<>();
        forEachLocked(h -> {
            RowQueue q = h.queue;
            if (q != null && !q.isEmpty()) {
                if (q.touched()) {
                    q.clearTouched();
                } else {
                    h.drain(errors);
                }
            }
        });
        return errors;
    }

    /**
     * Writes the held rows of every file.
     *
     * @return one line per file whose rows could not be written
     */
    List<String> drainAll() {
        List<String> errors = new ArrayList<>();
        forEachLocked(h -> h.drain(errors));
        return errors;
    }

    /** Open files that keep an RrdDb (files RRD4J updates itself; for tests and diagnostics). */
    int rrdDbCount() {
        int[] n = {0};
        forEachLocked(h -> n[0] += h.db == null ? 0 : 1);
        return n[0];
    }

    /** Rows held for batched writes in all files (for tests and diagnostics). */
    long heldRows() {
        long[] n = {0};
        forEachLocked(h -> n[0] += h.queue == null ? 0 : h.queue.size());
        return n[0];
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
        forEachLocked(h -> {
            if (h.isOpen()) {
                try (FileChannel ch = FileChannel.open(h.path, StandardOpenOption.READ)) {
                    ch.force(true);
                } catch (IOException | RuntimeException e) {
                    failures.add(h.path + ": fsync failed: " + e);
                }
            }
        });
        return failures;
    }

    /** Runs {@code action} on every handle, one at a time, holding its lock. */
    private void forEachLocked(java.util.function.Consumer<Handle> action) {
        for (Handle h : handles.values()) {
            h.lock.lock();
            try {
                action.accept(h);
            } finally {
                h.lock.unlock();
            }
        }
    }

    /** Writes held rows and closes (unmaps) every open file; later use throws. Idempotent. */
    void closeAll() {
        closed = true;
        forEachLocked(this::closeQuietly);
    }
}
