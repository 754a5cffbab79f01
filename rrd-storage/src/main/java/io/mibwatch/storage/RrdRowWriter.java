package io.mibwatch.storage;

import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.Archive;
import org.rrd4j.core.Datasource;
import org.rrd4j.core.RrdDb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Optional;

/**
 * Writes one update (a time and one value per data source) into an open RRD4J file, leaving
 * exactly the bytes RRD4J 3.10's {@code Sample.update()} would leave, without RRD4J's per-update
 * overhead (in the fleet benchmark the update path was half of the pipeline thread's CPU, mostly re-reading
 * constants from the mapped file and parsing the consolidation function's name per archive per
 * data source).
 *
 * <p><b>What it covers.</b> The files mibwatch creates: RRD4J file version 2 (archives stored as
 * one matrix per archive), GAUGE data sources with unknown (NaN) min and max, archives AVERAGE,
 * MIN and MAX, opened through {@link SharedMappingNioFactory}. {@link #of} returns empty for
 * anything else (other data source types, min/max limits, other consolidation functions, a name
 * ending in {@code !}, version 1 files, a size or header it does not recognise, a read-only file),
 * and the caller uses RRD4J's own update for that file.
 *
 * <p><b>How.</b> Every per-file constant (step, heartbeats, archive steps, rows, xff,
 * consolidation functions and the byte offset of every field) is read once here and kept in
 * arrays; an update reads only the state it changes (last update time, each data source's
 * last/accumulated value and unknown seconds, each archive's accumulated value, unknown steps and
 * row pointer) from RRD4J's own mapping and writes back only what changed. The arithmetic follows
 * RRD4J's {@code Datasource.process} and {@code Archive.archive} step for step, including its
 * quirks, because the aim is identical files rather than "equivalent" ones:
 * <ul>
 *   <li>MIN and MAX archives consolidate the <em>last</em> known value of each primary step, not
 *       its average; that value lives only in memory (RRD4J's {@code Datasource.accumLastValue}),
 *       is unknown after opening the file, and so is kept here per data source the same way;</li>
 *   <li>a gap of many steps stores whole rows in bulk (at most one archive's worth) and then
 *       accumulates the remainder, as RRD4J does;</li>
 *   <li>RRD4J's stock NIO backend skips writing a double equal to the one it holds (NaN equals
 *       NaN, 0.0 equals -0.0), so a state field keeps its old bits in that case; so does this.</li>
 * </ul>
 *
 * <p><b>Threads.</b> Not thread-safe; one writer per open file, used under that file's lock
 * ({@link OpenFiles}), and never after the file's {@link RrdDb} is closed.
 */
public final class RrdRowWriter {

    // Byte layout of RRD4J 3.10 files (RrdPrimitive sizes: int 4, long 8, double 8, string 20
    // UTF-16 chars = 40; fields allocated in declaration order of Header, Datasource, Archive).
    private static final int STRING_BYTES = 40;
    private static final int HEADER_STEP = 40;
    private static final int HEADER_DS_COUNT = 48;
    private static final int HEADER_ARC_COUNT = 52;
    private static final int HEADER_LAST_UPDATE = 56;
    private static final int HEADER_BYTES = 64;

    private static final int DS_TYPE = 40;
    private static final int DS_HEARTBEAT = 80;
    private static final int DS_MIN = 88;
    private static final int DS_MAX = 96;
    private static final int DS_LAST_VALUE = 104;
    private static final int DS_ACCUM_VALUE = 112;
    private static final int DS_NAN_SECONDS = 120;
    private static final int DS_BYTES = 128;

    private static final int ARC_XFF = 40;
    private static final int ARC_STEPS = 48;
    private static final int ARC_ROWS = 52;
    private static final int ARC_HEAD_BYTES = 56;
    /** Per data source, after the archive's head: row pointer (int), accumulated value, unknown steps. */
    private static final int STATE_POINTER = 0;
    private static final int STATE_ACCUM = 4;
    private static final int STATE_NAN_STEPS = 12;
    private static final int STATE_BYTES = 20;

    private static final String VERSION_2_SIGNATURE = "RRD4J, version 0.2";

    private static final byte AVERAGE = 0;
    private static final byte MIN = 1;
    private static final byte MAX = 2;

    /** Where the bytes are: asked for on every use, null once the file is closed. */
    private final java.util.function.Supplier<ByteBuffer> target;
    private final String path;
    private final long step;
    private final int dsCount;
    private final int arcCount;
    private final long[] heartbeat;
    /** RRD4J's in-memory "last known value of the current primary step", per data source. */
    private final double[] accumLast;
    private final byte[] cf;
    private final int[] arcSteps;
    private final int[] arcRows;
    private final double[] xff;
    /**
     * Offset of data source 0's state (pointer, accum, nanSteps) in each archive; the archive's
     * value matrix (row-major, one column per data source) follows the states of all data sources.
     */
    private final int[] stateBase;

    private RrdRowWriter(java.util.function.Supplier<ByteBuffer> target, String path, long step, long[] heartbeat,
                         byte[] cf, int[] arcSteps, int[] arcRows, double[] xff, int[] stateBase) {
        this.target = target;
        this.path = path;
        this.step = step;
        this.dsCount = heartbeat.length;
        this.arcCount = cf.length;
        this.heartbeat = heartbeat;
        this.cf = cf;
        this.arcSteps = arcSteps;
        this.arcRows = arcRows;
        this.xff = xff;
        this.stateBase = stateBase;
        this.accumLast = new double[dsCount];
        Arrays.fill(accumLast, Double.NaN); // as RRD4J's Datasource after opening
    }

    /**
     * A writer for {@code db} if its file is one this class covers (see the class comment), else
     * empty: then update it through RRD4J. Reads the file's constants once and checks them against
     * RRD4J's own reading of the header, so a layout this class misreads is refused, not corrupted.
     * Call right after opening {@code db}, before any other update of it (RRD4J's in-memory state
     * starts unknown at opening; so does the writer's).
     */
    public static Optional<RrdRowWriter> of(RrdDb db) throws IOException {
        return of(db, () -> db.isClosed() ? null : SharedMappingNioFactory.mappingOf(db.getRrdBackend()), db.getPath());
    }

    /**
     * As {@link #of(RrdDb)}, but the writer writes into {@code mapping} (a mapping of the same
     * file without an RrdDb, so {@code db} can be closed once this returns).
     */
    static Optional<RrdRowWriter> of(RrdDb db, SharedMappingNioFactory.Mapping mapping) throws IOException {
        return of(db, mapping::buffer, mapping.path());
    }

    private static Optional<RrdRowWriter> of(RrdDb db, java.util.function.Supplier<ByteBuffer> target, String path)
            throws IOException {
        ByteBuffer b = target.get();
        if (b == null || b.isReadOnly() || b.order() != java.nio.ByteOrder.BIG_ENDIAN) {
            return Optional.empty();
        }
        if (b.capacity() < HEADER_BYTES || !VERSION_2_SIGNATURE.equals(string(b, 0))) {
            return Optional.empty();
        }
        long step = b.getLong(HEADER_STEP);
        int dsCount = b.getInt(HEADER_DS_COUNT);
        int arcCount = b.getInt(HEADER_ARC_COUNT);
        if (step <= 0 || dsCount <= 0 || arcCount <= 0 || step != db.getHeader().getStep()
                || dsCount != db.getDsCount() || arcCount != db.getArcCount()
                || b.getLong(HEADER_LAST_UPDATE) != db.getLastUpdateTime()) {
            return Optional.empty();
        }
        long size = HEADER_BYTES + (long) DS_BYTES * dsCount;
        if (size > b.capacity()) {
            return Optional.empty();
        }
        long[] heartbeat = new long[dsCount];
        for (int i = 0; i < dsCount; i++) {
            int o = HEADER_BYTES + DS_BYTES * i;
            Datasource ds = db.getDatasource(i);
            String name = string(b, o);
            heartbeat[i] = b.getLong(o + DS_HEARTBEAT);
            if (!DsType.GAUGE.name().equals(string(b, o + DS_TYPE)) || ds.getType() != DsType.GAUGE
                    || !name.equals(ds.getName()) || name.endsWith("!") || !plainName(name)
                    || heartbeat[i] <= 0 || heartbeat[i] != ds.getHeartbeat()
                    || !Double.isNaN(b.getDouble(o + DS_MIN)) || !Double.isNaN(b.getDouble(o + DS_MAX))) {
                // "!" makes RRD4J store zeros for unknown rows; limits would filter values: not covered
                return Optional.empty();
            }
        }
        byte[] cf = new byte[arcCount];
        int[] steps = new int[arcCount];
        int[] rows = new int[arcCount];
        double[] xff = new double[arcCount];
        int[] stateBase = new int[arcCount];
        for (int a = 0; a < arcCount; a++) {
            if (size + ARC_HEAD_BYTES > b.capacity()) {
                return Optional.empty();
            }
            int o = (int) size;
            Archive arc = db.getArchive(a);
            String fun = string(b, o);
            steps[a] = b.getInt(o + ARC_STEPS);
            rows[a] = b.getInt(o + ARC_ROWS);
            xff[a] = b.getDouble(o + ARC_XFF);
            switch (fun) {
                case "AVERAGE" -> cf[a] = AVERAGE;
                case "MIN" -> cf[a] = MIN;
                case "MAX" -> cf[a] = MAX;
                default -> {
                    return Optional.empty();
                }
            }
            if (steps[a] <= 0 || rows[a] <= 0 || steps[a] != arc.getSteps() || rows[a] != arc.getRows()
                    || Double.doubleToLongBits(xff[a]) != Double.doubleToLongBits(arc.getXff())
                    || !fun.equals(arc.getConsolFun().name())) {
                return Optional.empty();
            }
            stateBase[a] = o + ARC_HEAD_BYTES;
            long matrix = (long) o + ARC_HEAD_BYTES + (long) STATE_BYTES * dsCount;
            size = matrix + 8L * rows[a] * dsCount;
            if (size > b.capacity()) {
                return Optional.empty();
            }
        }
        if (size != b.capacity()) {
            return Optional.empty(); // e.g. long names stored at the end of the file: not our layout
        }
        return Optional.of(new RrdRowWriter(target, path, step, heartbeat, cf, steps, rows, xff, stateBase));
    }

    /** A 20-character RRD4J string field, trailing padding removed. */
    private static String string(ByteBuffer b, int offset) {
        char[] c = new char[STRING_BYTES / 2];
        for (int k = 0; k < c.length; k++) {
            c[k] = b.getChar(offset + 2 * k);
        }
        return new String(c).trim();
    }

    /** False for names RRD4J stored with a pointer to a longer string (Unicode private use area). */
    private static boolean plainName(String name) {
        for (int k = 0; k < name.length(); k++) {
            char c = name.charAt(k);
            if (c >= '\uE000' && c <= '\uF8FF') {
                return false;
            }
        }
        return true;
    }

    /** Number of data sources; {@link #update} takes one value per data source, by index. */
    public int dsCount() {
        return dsCount;
    }

    /** The file's last update time (seconds), read from the file. */
    public long lastUpdateTime() {
        return mapping().getLong(HEADER_LAST_UPDATE);
    }

    /**
     * Stores one update, as {@code db.createSample(time).setValues(values).update()} would.
     *
     * @param time   seconds; must be after {@link #lastUpdateTime()}, as RRD4J requires
     * @param values one per data source by index ({@code NaN} = unknown); not modified
     * @throws IllegalArgumentException for a time not after the last update (nothing written), or
     *                                  a wrong number of values
     * @throws IllegalStateException    if the file has been closed
     */
    public void update(long time, double[] values) {
        if (values.length != dsCount) {
            throw new IllegalArgumentException("an update of this file needs " + dsCount + " values, got " + values.length);
        }
        ByteBuffer b = mapping();
        long last = b.getLong(HEADER_LAST_UPDATE);
        if (last >= time) {
            // RRD4J's wording, so callers see one message whichever path wrote
            throw new IllegalArgumentException("Bad sample time: " + time + ". Last update time was " + last
                    + ", at least one second step is required");
        }
        long start = last - last % step;
        long end = start + step;
        boolean crossed = time >= end;
        long boundary = time - time % step;
        long primarySteps = crossed ? (boundary - end) / step + 1 : 0;
        for (int i = 0; i < dsCount; i++) {
            updateDatasource(b, i, values[i], last, time, start, end, crossed, boundary, primarySteps);
        }
        b.putLong(HEADER_LAST_UPDATE, time);
    }

    private void updateDatasource(ByteBuffer b, int i, double value, long last, long time, long start, long end,
                                  boolean crossed, long boundary, long primarySteps) {
        int o = HEADER_BYTES + DS_BYTES * i;
        // GAUGE: the value itself, unknown if the gap exceeds the heartbeat (no min/max: checked in of())
        double rate = time - last <= heartbeat[i] ? value : Double.NaN;
        putStateDouble(b, o + DS_LAST_VALUE, b.getLong(o + DS_LAST_VALUE), value);

        long accumBits = b.getLong(o + DS_ACCUM_VALUE);
        double accum = Double.longBitsToDouble(accumBits);
        long nanSeconds = b.getLong(o + DS_NAN_SECONDS);
        long nanSecondsBefore = nanSeconds;
        double lastKnown = accumLast[i];

        long from = last;
        if (crossed) {
            // the part of the elapsed primary step up to its boundary
            if (Double.isNaN(rate)) {
                nanSeconds += boundary - from;
            } else {
                accum = kept(accum, accum + rate * (boundary - from));
                lastKnown = rate;
            }
            long validSeconds = boundary - start - nanSeconds;
            boolean known = nanSeconds <= heartbeat[i] && validSeconds > 0;
            double average = known ? accum / validSeconds : Double.NaN;
            double lastValue = known ? lastKnown : Double.NaN;
            for (int a = 0; a < arcCount; a++) {
                archive(b, a, i, cf[a] == AVERAGE ? average : lastValue, primarySteps, end);
            }
            nanSeconds = 0;
            accum = kept(accum, 0.0);
            lastKnown = Double.NaN;
            from = boundary;
        }
        if (Double.isNaN(rate)) {
            nanSeconds += time - from;
        } else {
            accum = kept(accum, accum + rate * (time - from));
            lastKnown = rate;
        }
        if (Double.doubleToRawLongBits(accum) != accumBits) {
            b.putDouble(o + DS_ACCUM_VALUE, accum);
        }
        if (nanSeconds != nanSecondsBefore) {
            b.putLong(o + DS_NAN_SECONDS, nanSeconds);
        }
        accumLast[i] = lastKnown;
    }

    /**
     * Feeds {@code primarySteps} primary points of {@code value} to one archive's state of data
     * source {@code i}, storing the rows they complete; {@code firstStepEnd} is when the first ends.
     */
    private void archive(ByteBuffer b, int a, int i, double value, long primarySteps, long firstStepEnd) {
        int so = stateBase[a] + STATE_BYTES * i;
        int pointerBefore = b.getInt(so + STATE_POINTER);
        long accumBits = b.getLong(so + STATE_ACCUM);
        long nanStepsBefore = b.getLong(so + STATE_NAN_STEPS);
        int rows = arcRows[a];
        if (pointerBefore < 0 || pointerBefore >= rows) {
            throw new IllegalStateException("archive " + a + " of data source " + i + " has row pointer "
                    + pointerBefore + " outside 0.." + (rows - 1) + ": corrupt file, not written");
        }
        int pointer = pointerBefore;
        double accum = Double.longBitsToDouble(accumBits);
        long nanSteps = nanStepsBefore;
        long steps = arcSteps[a];
        long arcStep = step * steps;
        byte fun = cf[a];
        int matrix = stateBase[a] + STATE_BYTES * dsCount;

        long left = primarySteps;
        long stepEnd = firstStepEnd;
        // complete the row in progress, if these points reach its end
        while (left > 0) {
            if (Double.isNaN(value)) {
                nanSteps++;
            } else {
                accum = kept(accum, consolidate(fun, accum, value));
            }
            left--;
            if (stepEnd % arcStep == 0) {
                double row = Double.NaN;
                if (nanSteps <= xff[a] * steps && !Double.isNaN(accum)) {
                    row = fun == AVERAGE ? accum / (steps - nanSteps) : accum;
                }
                b.putDouble(matrix + 8 * (dsCount * pointer + i), row);
                pointer = (pointer + 1) % rows;
                accum = kept(accum, Double.NaN);
                nanSteps = 0;
                break;
            }
            stepEnd += step;
        }
        // whole rows of the gap, stored as they are (at most one archive's worth; RRD4J does not
        // apply xff to these: a row of NaN points is NaN, a row of one value is that value)
        int bulk = (int) Math.min(left / steps, rows);
        if (bulk > 0) {
            int tail = Math.min(rows - pointer, bulk);
            for (int r = 0; r < tail; r++) {
                b.putDouble(matrix + 8 * (dsCount * (pointer + r) + i), value);
            }
            pointer = (pointer + tail) % rows;
            int head = bulk - tail;
            for (int r = 0; r < head; r++) {
                b.putDouble(matrix + 8 * (dsCount * r + i), value);
            }
            if (head > 0) {
                pointer = head;
            }
        }
        // the points of the new row in progress
        long remaining = left % steps;
        if (remaining > 0) {
            if (Double.isNaN(value)) {
                nanSteps += remaining;
            } else if (fun == AVERAGE) {
                for (long k = 0; k < remaining; k++) { // one addition per point: same rounding as RRD4J
                    accum = kept(accum, consolidate(fun, accum, value));
                }
            } else {
                accum = kept(accum, consolidate(fun, accum, value)); // MIN/MAX of the same value again is a no-op
            }
        }
        if (pointer != pointerBefore) {
            b.putInt(so + STATE_POINTER, pointer);
        }
        if (Double.doubleToRawLongBits(accum) != accumBits) {
            b.putDouble(so + STATE_ACCUM, accum);
        }
        if (nanSteps != nanStepsBefore) {
            b.putLong(so + STATE_NAN_STEPS, nanSteps);
        }
    }

    /** One known primary point into a row's accumulated value; NaN accumulated = nothing yet. */
    private static double consolidate(byte fun, double accum, double value) {
        if (Double.isNaN(accum)) {
            return value;
        }
        return switch (fun) {
            case MIN -> Math.min(accum, value);
            case MAX -> Math.max(accum, value);
            default -> accum + value;
        };
    }

    /**
     * The state value after RRD4J's cached setter: it keeps the value it holds when the new one is
     * "equal" (both NaN, or {@code ==}, so 0.0 and -0.0 are equal), which keeps the old bits.
     */
    private static double kept(double old, double next) {
        return old == next || (Double.isNaN(old) && Double.isNaN(next)) ? old : next;
    }

    private static void putStateDouble(ByteBuffer b, int offset, long oldBits, double next) {
        double old = Double.longBitsToDouble(oldBits);
        double v = kept(old, next);
        if (Double.doubleToRawLongBits(v) != oldBits) {
            b.putDouble(offset, v);
        }
    }

    private ByteBuffer mapping() {
        ByteBuffer b = target.get();
        if (b == null) {
            throw new IllegalStateException("RRD file " + path + " is closed");
        }
        return b;
    }
}
