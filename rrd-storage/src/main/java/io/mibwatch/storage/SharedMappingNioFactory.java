package io.mibwatch.storage;

import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendAnnotation;
import org.rrd4j.core.RrdNioBackend;
import org.rrd4j.core.RrdNioBackendFactory;
import org.rrd4j.core.RrdSyncThreadPool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.ScheduledExecutorService;

/**
 * RRD4J's NIO backend (one shared memory mapping per open file, synced by a thread pool) with two
 * differences, both so that {@link RrdRowWriter} can write rows into the very mapping RRD4J reads:
 *
 * <ul>
 *   <li>its backends hand out that mapping ({@link #mappingOf}), so the row writer needs no second
 *       mapping of the file: the daemon keeps tens of thousands of files open and every mapping
 *       counts against the kernel's {@code vm.max_map_count} (65,530 by default);</li>
 *   <li>{@code cachingAllowed = false}: with the stock NIO factory RRD4J keeps every field it has
 *       read or written (last update time, robin pointers, data source and archive state) in a
 *       Java copy and answers later reads from that copy, so bytes changed by anyone else would be
 *       invisible to its fetches. Without caching RRD4J reads those fields from the mapping each
 *       time; fields RRD4J itself declares constant (step, counts, archive steps and rows) stay
 *       cached, they never change.</li>
 * </ul>
 *
 * <p>Files written through this factory are byte-for-byte RRD4J files (the backend changes how
 * bytes are reached, not which bytes are written), so the stock factory and rrdtool-like tools
 * read them as before.
 */
@RrdBackendAnnotation(name = "MIBWATCH_NIO", shouldValidateHeader = true, cachingAllowed = false)
public final class SharedMappingNioFactory extends RrdNioBackendFactory {

    private final int syncPeriod;

    /**
     * @param syncPeriod seconds between background {@code force()} calls of every open file
     * @param syncPool   the pool that runs them; the caller owns and shuts it down
     */
    public SharedMappingNioFactory(int syncPeriod, ScheduledExecutorService syncPool) {
        super(syncPeriod, syncPool);
        this.syncPeriod = syncPeriod;
    }

    @Override
    protected RrdBackend open(String path, boolean readOnly) throws IOException {
        return new Backend(path, readOnly, getSyncThreadPool(), syncPeriod);
    }

    /**
     * The mapping behind {@code backend} if it was opened by this factory and is still open, else null.
     * Valid only until the file is closed: touching an unmapped buffer crashes the JVM, so callers
     * ask again for every use instead of keeping the buffer.
     */
    static ByteBuffer mappingOf(RrdBackend backend) {
        return backend instanceof Backend b ? b.mapping : null;
    }

    /** An RRD4J NIO backend that remembers the buffer it maps (RRD4J keeps it private). */
    private static final class Backend extends RrdNioBackend {
        /**
         * Set from {@link #setByteBuffer}, which RRD4J calls from the superclass constructor and on
         * resize: hence no initializer here (it would run after the superclass constructor and wipe it).
         */
        private volatile ByteBuffer mapping;

        Backend(String path, boolean readOnly, RrdSyncThreadPool pool, int syncPeriod) throws IOException {
            super(path, readOnly, pool, syncPeriod);
        }

        @Override
        protected void setByteBuffer(ByteBuffer byteBuffer) {
            super.setByteBuffer(byteBuffer); // sets RRD4J's big-endian order on the buffer
            mapping = byteBuffer;
        }

        @Override
        protected synchronized void setLength(long newLength) throws IOException {
            mapping = null; // RRD4J unmaps before mapping again
            super.setLength(newLength);
        }

        @Override
        public synchronized void close() throws IOException {
            mapping = null; // before RRD4J unmaps it
            super.close();
        }
    }
}
