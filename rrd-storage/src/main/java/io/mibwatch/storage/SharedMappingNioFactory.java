package io.mibwatch.storage;

import org.rrd4j.core.ByteBufferBackend;
import org.rrd4j.core.RrdBackend;
import org.rrd4j.core.RrdBackendAnnotation;
import org.rrd4j.core.RrdFileBackend;
import org.rrd4j.core.RrdNioBackendFactory;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * RRD4J files as memory mappings, like RRD4J's NIO backend, with three differences, so that
 * {@link RrdRowWriter} can write rows into the very mapping RRD4J reads and so that a million
 * series stay open:
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
 *       cached, they never change;</li>
 *   <li>no file descriptor stays open: the file is mapped and its channel closed at once (a
 *       mapping outlives its descriptor, POSIX mmap). RRD4J's backend keeps one descriptor per open
 *       file, and a process's descriptor limit (20,000 in a login shell here, 1,024 soft under many
 *       inits) then closed and reopened files at every write of a 90,000-file fleet (burst
 *       benchmark). Open files are bounded by mappings alone. And no msync, neither periodically nor at
 *       close: see {@link RrdSeriesStore} ("Backend").</li>
 * </ul>
 *
 * <p>Files written through this factory are byte-for-byte RRD4J files (the backend changes how
 * bytes are reached, not which bytes are written), so the stock factory and rrdtool-like tools
 * read them as before.
 */
@RrdBackendAnnotation(name = "MIBWATCH_NIO", shouldValidateHeader = true, cachingAllowed = false)
public final class SharedMappingNioFactory extends RrdNioBackendFactory {

    /** A factory that never syncs (see the class comment): RRD4J's sync pool stays null. */
    public SharedMappingNioFactory() {
        super(0, (org.rrd4j.core.RrdSyncThreadPool) null);
    }

    @Override
    protected RrdBackend open(String path, boolean readOnly) throws IOException {
        return new Backend(path, readOnly);
    }

    /**
     * The mapping behind {@code backend} if it was opened by this factory and is still open, else null.
     * Valid only until the file is closed: touching an unmapped buffer crashes the JVM, so callers
     * ask again for every use instead of keeping the buffer.
     */
    static ByteBuffer mappingOf(RrdBackend backend) {
        return backend instanceof Backend b ? b.mapped : null;
    }

    /**
     * {@code path} mapped read-write for the {@link RrdRowWriter} alone, without the RRD4J object
     * graph around it: an open RrdDb of the store's 12-source files holds ~25 kB of Java objects
     * (a field object per data source, archive state and robin), 2.6 kB per series at a million
     * series (burst benchmark); the writer needs a few arrays.
     */
    static Mapping map(Path path) throws IOException {
        return new Mapping(new Backend(path.toString(), false));
    }

    /** A mapping opened by {@link #map}; close it to unmap. */
    static final class Mapping implements AutoCloseable {
        private final Backend backend;

        private Mapping(Backend backend) {
            this.backend = backend;
        }

        /** The mapping, or null once closed. Ask again for every use (see {@link #mappingOf}). */
        ByteBuffer buffer() {
            return backend.mapped;
        }

        String path() {
            return backend.getPath();
        }

        @Override
        public void close() {
            try {
                backend.close();
            } catch (IOException e) { // RRD4J's part only drops its reference; nothing to lose
                throw new java.io.UncheckedIOException(backend.getPath() + ": closing failed", e);
            }
        }
    }

    /**
     * Unmaps a mapped buffer now rather than when the collector gets to it (a file closed by LRU
     * must give its mapping back at once). {@code sun.misc.Unsafe.invokeCleaner}, in module
     * jdk.unsupported, found reflectively as RRD4J's own backend does.
     */
    private static final MethodHandle INVOKE_CLEANER;

    static {
        try {
            Class<?> unsafeClass = Class.forName("sun.misc.Unsafe");
            Field f = unsafeClass.getDeclaredField("theUnsafe");
            f.setAccessible(true);
            Object unsafe = f.get(null);
            INVOKE_CLEANER = MethodHandles.lookup()
                    .findVirtual(unsafeClass, "invokeCleaner", MethodType.methodType(void.class, ByteBuffer.class))
                    .bindTo(unsafe);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("cannot unmap RRD files on this JVM: " + e);
        }
    }

    /** One file's mapping; the descriptor is closed as soon as the file is mapped. */
    private static final class Backend extends ByteBufferBackend implements RrdFileBackend {
        private final boolean readOnly;
        /** The mapping, also read without the lock by the row writer; null once closed. */
        private volatile MappedByteBuffer mapped; // written under this
        private long length; // guarded by this

        Backend(String path, boolean readOnly) throws IOException {
            super(path);
            this.readOnly = readOnly;
            try (FileChannel ch = channel()) {
                map(ch, ch.size());
            }
        }

        private FileChannel channel() throws IOException {
            Path p = Path.of(getPath());
            return readOnly
                    ? FileChannel.open(p, StandardOpenOption.READ)
                    : FileChannel.open(p, StandardOpenOption.READ, StandardOpenOption.WRITE, StandardOpenOption.CREATE);
        }

        private synchronized void map(FileChannel ch, long newLength) throws IOException {
            if (newLength > Integer.MAX_VALUE) {
                throw new IOException(getPath() + ": " + newLength + " bytes is more than one mapping can hold");
            }
            length = newLength;
            if (newLength > 0) {
                MappedByteBuffer m = ch.map(readOnly ? FileChannel.MapMode.READ_ONLY : FileChannel.MapMode.READ_WRITE, 0, newLength);
                setByteBuffer(m); // sets RRD4J's big-endian order on the buffer
                mapped = m;
            }
        }

        private synchronized void unmap() {
            MappedByteBuffer m = mapped;
            mapped = null; // before the buffer goes: the row writer asks for it on every use
            if (m != null) {
                try {
                    INVOKE_CLEANER.invokeExact((ByteBuffer) m);
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Throwable e) {
                    throw new IllegalStateException("unmapping " + getPath() + " failed", e);
                }
            }
        }

        /** RRD4J sizes a file it creates; the store preallocated it to that size already. */
        @Override
        protected synchronized void setLength(long newLength) throws IOException {
            if (readOnly) {
                throw new IOException(getPath() + " is open read-only");
            }
            if (newLength < 0) {
                throw new IllegalArgumentException("Illegal length: " + newLength);
            }
            unmap();
            try (FileChannel ch = channel()) {
                ch.truncate(newLength); // shrinks only; a READ_WRITE mapping beyond the end grows the file
                map(ch, newLength);
            }
        }

        @Override
        public synchronized long getLength() {
            return length;
        }

        @Override
        protected synchronized void close() throws IOException {
            try {
                unmap();
            } finally {
                super.close();
            }
        }

        @Override
        public String getCanonicalPath() {
            return Path.of(getPath()).toAbsolutePath().normalize().toString();
        }
    }
}
