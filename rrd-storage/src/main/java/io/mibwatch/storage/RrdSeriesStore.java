package io.mibwatch.storage;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import org.rrd4j.ConsolFun;
import org.rrd4j.DsType;
import org.rrd4j.core.RrdDb;
import org.rrd4j.core.RrdDef;
import org.rrd4j.core.RrdNioBackendFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * {@link SeriesStore} over RRD4J files.
 *
 * <p><b>Files.</b> One file per (device, group, instance) holding one GAUGE data source per
 * metric of the group (see {@link SeriesFile} for paths and {@link SeriesSchema} for why the
 * schema is needed). GAUGE because rates are computed upstream: RRD's own COUNTER/DERIVE would
 * compute a rate of a rate, and would hide the poller's wrap/reset decisions (RFC 2578 7.1.6).
 * A new file gets the layout {@code layoutForDevice} gives for its device, and start time
 * "first sample - step" so the very first sample already counts.
 *
 * <p><b>Never lose stored data.</b> An existing file is only ever opened, never re-created,
 * truncated or deleted; if it cannot be opened (corrupt, unreadable) the write reports it and
 * leaves it for a human. New files are built under a temporary name, their blocks allocated by
 * plain writes first (see {@code preallocate}), and hard-linked into place (the link fails instead of
 * replacing if the name exists), so a crash or a full disk during creation never leaves a
 * half-written {@code .rrd} that would then be "corrupt" forever.
 *
 * <p><b>Backend.</b> RRD4J's NIO backend (memory-mapped files), without its msync: not every
 * 300 s, not at close. The kernel writes dirty pages of a shared mapping back like any page-cache
 * page ({@code vm.dirty_expire_centisecs}, 30 s by default), whether the process lives on, exits
 * or is killed; what a power cut can lose is the same as for rrdtool, which does not fsync either.
 * msync(MS_SYNC) on ext4 is an fsync with a disk cache flush per file: at 90,000 files (a million
 * series) those syncs, at every LRU close and every 300 s, took 90 s of system time per poll cycle
 * (burst benchmark, kernel stacks in msync -> blkdev_issue_flush). {@link #flush} still fsyncs
 * every open file for a caller that asks for durability. Files stay
 * open between writes, bounded by {@link RrdStoreOptions#maxOpenFiles()} with LRU closing ({@link OpenFiles}).
 * Updates of the files this store creates go through {@link RrdRowWriter}, which writes the bytes
 * RRD4J's own update would write straight into RRD4J's mapping ({@link SharedMappingNioFactory});
 * files of any other layout are updated by RRD4J.
 *
 * <p><b>Write-behind.</b> With a write-behind span {@code w} (zero by default), a file with step
 * {@code s} holds up to {@code w / s} of its newest rows in memory ({@link RowQueue}) and writes
 * them together: every RRD update touches the header and a region per archive, about a dozen
 * pages, and rows written together dirty those pages once. Held rows are written when a file holds its
 * limit (the files' first limits are staggered, so each poll cycle writes a share of the files),
 * before any {@link #fetch} of the file, by {@link #flush}, when LRU closes the file, at
 * {@link #close}, and by a sweep every {@code w} that writes the files no row was added to since
 * the previous sweep (a device that stopped answering). {@link #write} checks and counts held rows
 * as it does written ones. What is lost in a crash or a kill -9: at most {@code w} of rows per
 * file; other processes reading the files (the CLI) see held rows only once written.
 *
 * <p><b>Threads.</b> Safe for concurrent use: writes to different files run in parallel, writes
 * to the same file are serialised by its lock. One store per data directory: the locks are in
 * this object, so a second process writing the same files (rather than asking the daemon) is not
 * coordinated with.
 *
 * <p>This class takes no clock: every time it handles comes from a sample or a fetch request.
 */
public final class RrdSeriesStore implements SeriesStore {

    private static final Logger LOG = LoggerFactory.getLogger(RrdSeriesStore.class);

    /** A guard against fetches that would build millions of points (e.g. a range in years at 60 s). */
    static final long MAX_POINTS = 1_000_000;

    private static final String TEMP_SUFFIX = ".creating";

    private final Path dataDir;
    private final SeriesSchema schema;
    private final Function<String, RrdLayout> layoutForDevice;
    private final OpenFiles files;
    /** Each file's path, resolved once: building it per write was a cost per stored file in the fleet benchmark's profile. */
    private final java.util.concurrent.ConcurrentHashMap<SeriesFile, Path> paths = new java.util.concurrent.ConcurrentHashMap<>();
    /** Runs the write-behind sweep; its thread starts only when a sweep is scheduled. */
    private final ScheduledExecutorService writeBehindTimer;
    private final RrdNioBackendFactory backend;
    private final boolean readOnly;
    private volatile boolean closed;

    /**
     * A store that only reads: files are opened read-only and {@link #write} is refused.
     * For readers beside the daemon (the CLI's {@code query}): they must never write into
     * files the daemon owns, not even the header RRD4J rewrites on close.
     */
    public static RrdSeriesStore readOnly(Path dataDir, SeriesSchema schema) {
        return new RrdSeriesStore(dataDir, schema, d -> {
            throw new IllegalStateException("read-only store creates no files");
        }, RrdStoreOptions.defaults(), true);
    }

    /**
     * @param dataDir         root of the RRD files (e.g. {@code /var/lib/mibwatch/rrd}); created
     *                        lazily per device, so a missing or unwritable one shows up as write errors
     * @param schema          metrics per group
     * @param layoutForDevice layout of NEW files of a device (typically
     *                        {@code d -> RrdLayout.stock(config.pollInterval(d))})
     * @param options         open-file bound and write-behind span ({@link RrdStoreOptions#defaults()})
     */
    public RrdSeriesStore(Path dataDir, SeriesSchema schema, Function<String, RrdLayout> layoutForDevice,
                          RrdStoreOptions options) {
        this(dataDir, schema, layoutForDevice, options, false);
    }

    private RrdSeriesStore(Path dataDir, SeriesSchema schema, Function<String, RrdLayout> layoutForDevice,
                           RrdStoreOptions options, boolean readOnly) {
        this.readOnly = readOnly;
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.layoutForDevice = Objects.requireNonNull(layoutForDevice, "layoutForDevice");
        Duration writeBehind = Objects.requireNonNull(options, "options").writeBehind();
        this.files = new OpenFiles(options.maxOpenFiles(), writeBehind.toSeconds());
        this.writeBehindTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rrd-write-behind");
            t.setDaemon(true);
            return t;
        });
        if (writeBehind.toSeconds() > 0) {
            long span = writeBehind.toSeconds();
            writeBehindTimer.scheduleWithFixedDelay(this::sweep, span, span, TimeUnit.SECONDS);
        }
        // RRD4J's NIO backend sharing its mapping with the row writer (see SharedMappingNioFactory)
        // no sync pool: RRD4J then neither msyncs periodically nor at close (see "Backend")
        this.backend = new SharedMappingNioFactory();
    }

    // ------------------------------------------------------------------ write

    @Override
    public WriteReport write(Collection<Sample> samples) {
        Objects.requireNonNull(samples, "samples");
        requireOpen();
        if (readOnly) {
            throw new IllegalStateException("this store over " + dataDir + " is read-only");
        }
        // file -> its samples in call order; insertion order keeps error lines stable. Plain lists,
        // not maps of boxed timestamps and values: this runs for every stored value
        Map<SeriesFile, List<Sample>> byFile = new LinkedHashMap<>();
        for (Sample s : samples) {
            byFile.computeIfAbsent(SeriesFile.forWrite(s.series(), schema), f -> new ArrayList<>(16)).add(s);
        }
        Tally tally = new Tally();
        for (Map.Entry<SeriesFile, List<Sample>> e : byFile.entrySet()) {
            List<Sample> rows = e.getValue();
            List<Sample> earlier;
            synchronized (retained) {
                earlier = retained.remove(e.getKey());
            }
            if (earlier != null) {
                retainedSamples.addAndGet(-earlier.size());
                earlier.addAll(rows); // older rows first: RRD takes increasing timestamps only
                rows = earlier;
            }
            int outOfSpaceBefore = tally.outOfSpace;
            writeFile(e.getKey(), rows, tally);
            if (tally.outOfSpace > outOfSpaceBefore) {
                retain(e.getKey(), rows, tally);
            }
        }
        return new WriteReport(tally.updates, tally.skipped, tally.errors, tally.outOfSpace);
    }

    /**
     * Keeps the rows of a file whose write failed for want of space, to be tried again first with
     * that file's next write (rows that did get in are then skipped as out of order). Bounded by
     * {@link #MAX_RETAINED_SAMPLES} over all files: past it the rows are dropped, and the error says so.
     */
    private void retain(SeriesFile key, List<Sample> rows, Tally tally) {
        if (retainedSamples.addAndGet(rows.size()) > MAX_RETAINED_SAMPLES) {
            retainedSamples.addAndGet(-rows.size());
            tally.errors.add(key + ": " + rows.size() + " sample(s) dropped: more than " + MAX_RETAINED_SAMPLES
                    + " already wait for disk space");
            return;
        }
        synchronized (retained) {
            retained.put(key, new ArrayList<>(rows));
        }
    }

    /**
     * At most this many samples wait in memory for disk space, over all files: about an hour of
     * a 500-interface fleet at one poll a minute, some tens of MiB.
     */
    static final int MAX_RETAINED_SAMPLES = 500_000;

    /** Rows that failed for want of space, by file; guarded by itself. */
    private final Map<SeriesFile, List<Sample>> retained = new java.util.HashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger retainedSamples = new java.util.concurrent.atomic.AtomicInteger();

    /** Samples waiting in memory for disk space (0 when every accepted sample was written). */
    public int retainedSamples() {
        return retainedSamples.get();
    }

    /** Counts of one write call; used by one thread only. */
    private static final class Tally {
        int updates;
        int skipped;
        int outOfSpace;
        final List<String> errors = new ArrayList<>();
    }

    /**
     * Whether {@code e} is a write failing for want of space: ENOSPC or EDQUOT from the file
     * system, or an {@link InternalError}, the JVM's translation of SIGBUS when a page of a mapped
     * file cannot be backed (a full disk under a sparse RRD file).
     */
    static boolean outOfSpace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof InternalError || m.contains("No space left on device")
                    || m.contains("Disk quota exceeded")) {
                return true;
            }
        }
        return false;
    }

    private void writeFile(SeriesFile key, List<Sample> rows, Tally tally) {
        Path path;
        try {
            path = paths.computeIfAbsent(key, k -> k.path(dataDir));
        } catch (IllegalArgumentException e) {
            tally.errors.add(key + ": " + e.getMessage());
            return;
        }
        List<String> wanted = key.soleMetric() == null
                ? schema.metricsOf(key.group()).orElseThrow()
                : List.of(key.soleMetric());
        if (key.soleMetric() != null && key.soleMetric().length() > SeriesSchema.MAX_DS_NAME_LENGTH) {
            tally.errors.add(path + ": metric '" + key.soleMetric() + "' is longer than "
                    + SeriesSchema.MAX_DS_NAME_LENGTH + " characters, RRD cannot name a data source so; not stored");
            return;
        }
        try {
            files.withFile(path, h -> {
                if (!h.isOpen()) {
                    h.attach(Files.exists(path)
                            ? openExisting(path)
                            : create(key, path, wanted, firstSecond(rows)));
                }
                try {
                    updateRows(h.db(), h.dsIndex(), h.writer(), h.queue(), path, key, rows, tally);
                    RowQueue q = h.queue();
                    if (q != null && q.full()) {
                        h.drain(tally.errors);
                    }
                } catch (IOException | RuntimeException | InternalError e) {
                    // InternalError: the JVM's translation of SIGBUS when a mapped page cannot be
                    // backed (disk full under a sparse file); one file must not kill the poller
                    tally.errors.add(path + ": write failed: " + describe(e));
                    tally.outOfSpace += outOfSpace(e) ? 1 : 0;
                    files.closeQuietly(h); // reopen from disk next time rather than trust this state
                }
                return null;
            });
        } catch (IOException | RuntimeException | InternalError e) {
            tally.errors.add(path + ": " + describe(e));
            tally.outOfSpace += outOfSpace(e) ? 1 : 0;
        }
    }

    /** Earliest timestamp (whole seconds) among the samples. */
    private static long firstSecond(List<Sample> samples) {
        long first = Long.MAX_VALUE;
        for (Sample s : samples) {
            first = Math.min(first, s.at().getEpochSecond());
        }
        return first;
    }

    /**
     * One RRD update per distinct second, oldest first (RRD accepts strictly increasing times
     * only); within a second the later sample of a metric wins, as {@code setValue} overwrites.
     *
     * @param samples the file's samples in call order; sorted here (stably) if out of order
     * @param dsIndex the file's data sources by name, read once when it was opened: RRD4J's
     *                by-name setter reads every name from the file on each call, which the fleet
     *                benchmark's profile showed as a cost per stored value
     * @param db      the file's RrdDb when RRD4J updates it (writer null), else null
     * @param writer  the file's direct row writer, or null to update through RRD4J: the writer
     *                leaves the same bytes without RRD4J's per-update reads of constants
     */
    private void updateRows(RrdDb db, Map<String, Integer> dsIndex, RrdRowWriter writer, RowQueue queue, Path path,
                            SeriesFile key, List<Sample> samples, Tally tally) throws IOException {
        if (!sortedBySecond(samples)) {
            samples.sort(BY_SECOND); // stable: call order kept within a second
        }
        Set<String> reported = null;
        long last = writer != null ? writer.lastUpdateTime() : db.getLastUpdateTime();
        if (queue != null) {
            last = Math.max(last, queue.lastTime()); // held rows count as written for ordering
        }
        double[] row = writer != null ? new double[writer.dsCount()] : null;
        int n = samples.size();
        int i = 0;
        while (i < n) {
            long t = samples.get(i).at().getEpochSecond();
            int end = i + 1;
            while (end < n && samples.get(end).at().getEpochSecond() == t) {
                end++;
            }
            if (t <= last) {
                tally.skipped += distinctMetrics(samples, i, end);
                i = end;
                continue;
            }
            org.rrd4j.core.Sample sample = null;
            if (row != null) {
                Arrays.fill(row, Double.NaN); // a metric without a sample this second is unknown
            } else {
                sample = db.createSample(t);
            }
            boolean any = false;
            for (int k = i; k < end; k++) {
                Sample v = samples.get(k);
                String metric = v.series().metric();
                Integer ds = dsIndex.get(metric);
                if (ds != null) {
                    if (row != null) {
                        row[ds] = v.value(); // later sample of the second wins, as setValue overwrites
                    } else {
                        sample.setValue(ds, v.value());
                    }
                    any = true;
                } else {
                    if (reported == null) {
                        reported = new LinkedHashSet<>();
                    }
                    if (reported.add(metric)) {
                        tally.errors.add(path + ": metric '" + metric + "' of " + new SeriesId(
                                key.device(), key.group(), key.instance(), metric).path()
                                + " is not a data source of this file " + OpenFiles.namesByIndex(dsIndex)
                                + (schema.metricsOf(key.group()).map(m -> m.contains(metric)).orElse(true)
                                    ? " (created before the schema had it; the set is fixed at creation)"
                                    : " nor in the schema of group '" + key.group() + "'")
                                + "; not stored");
                    }
                }
            }
            if (any) {
                if (queue != null) {
                    queue.add(t, row); // copied
                } else if (row != null) {
                    writer.update(t, row);
                } else {
                    sample.update();
                }
                last = t;
                tally.updates++;
            }
            i = end;
        }
    }

    private static final java.util.Comparator<Sample> BY_SECOND =
            java.util.Comparator.comparingLong(s -> s.at().getEpochSecond());

    private static boolean sortedBySecond(List<Sample> samples) {
        for (int k = 1; k < samples.size(); k++) {
            if (samples.get(k).at().getEpochSecond() < samples.get(k - 1).at().getEpochSecond()) {
                return false;
            }
        }
        return true;
    }

    /** Metrics of samples[from, to) counted once each (a metric twice in one second is one value). */
    private static int distinctMetrics(List<Sample> samples, int from, int to) {
        Set<String> seen = new java.util.HashSet<>();
        for (int k = from; k < to; k++) {
            seen.add(samples.get(k).series().metric());
        }
        return seen.size();
    }

    // ------------------------------------------------------------------ backfill

    /**
     * Creates the files of {@code series} holding history from {@code from} to {@code end}: each
     * archive's rows that fall in that span come from {@code source} (one call per series and
     * archive resolution); rows outside it are unknown. The files are created with their last
     * update at {@code end}, so live {@link #write}s of later samples continue them seamlessly.
     *
     * <p>Only new files: a file that exists already is reported and left untouched (this class
     * never rewrites stored data). Metrics of a file's group that are not in {@code series} stay
     * unknown. The partly elapsed row of each archive at {@code end} is left to the live updates.
     */
    public Backfill.Report backfill(Collection<SeriesId> series, Instant from, Instant end, Backfill.RowSource source) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(source, "source");
        requireOpen();
        if (readOnly) {
            throw new IllegalStateException("this store over " + dataDir + " is read-only");
        }
        if (!from.isBefore(end)) {
            throw new IllegalArgumentException("backfill from " + from + " must be before end " + end);
        }
        Map<SeriesFile, List<SeriesId>> byFile = new LinkedHashMap<>();
        for (SeriesId id : series) {
            byFile.computeIfAbsent(SeriesFile.forWrite(id, schema), f -> new ArrayList<>()).add(id);
        }
        long fromS = from.getEpochSecond();
        long endS = end.getEpochSecond();
        int created = 0;
        long rows = 0;
        List<String> errors = new ArrayList<>();
        for (Map.Entry<SeriesFile, List<SeriesId>> e : byFile.entrySet()) {
            SeriesFile key = e.getKey();
            Path path;
            try {
                path = key.path(dataDir);
            } catch (IllegalArgumentException ex) {
                errors.add(key + ": " + ex.getMessage());
                continue;
            }
            if (Files.exists(path)) {
                errors.add(path + ": exists already; backfill only creates new files, left untouched");
                continue;
            }
            List<String> wanted = key.soleMetric() == null ? schema.metricsOf(key.group()).orElseThrow() : List.of(key.soleMetric());
            try {
                rows += files.withFile(path, h -> {
                    long step = layoutForDevice.apply(key.device()).step().getSeconds();
                    // full layout: a backfill source may give MIN/MAX rows that differ from AVERAGE
                    // even at the finest resolution (its rows may consolidate finer data). Filled
                    // through RRD4J and closed: the next write opens it like any other file
                    try (RrdDb db = create(key, path, wanted, endS + step, false, false)) { // start (last update) = end
                        return fill(db, e.getValue(), fromS, source);
                    }
                });
                created++;
            } catch (IOException | RuntimeException | InternalError ex) {
                errors.add(path + ": backfill failed: " + describe(ex));
            }
        }
        return new Backfill.Report(created, rows, errors);
    }

    private static long fill(RrdDb db, List<SeriesId> series, long fromS, Backfill.RowSource source) throws IOException {
        long written = 0;
        Map<SeriesId, Map<Long, Backfill.Rows>> cache = new LinkedHashMap<>();
        for (int i = 0; i < db.getArcCount(); i++) {
            org.rrd4j.core.Archive arc = db.getArchive(i);
            long arcStep = arc.getArcStep();
            int size = arc.getRows();
            long arcEnd = arc.getEndTime();
            // first row wholly after 'from': it ends at a multiple of the step at least one step after from
            long firstEnd = Math.max(arc.getStartTime(), (Math.floorDiv(fromS, arcStep) + 1) * arcStep);
            if (firstEnd > arcEnd) {
                continue;
            }
            int count = Math.toIntExact((arcEnd - firstEnd) / arcStep + 1);
            Consolidation cf = Consolidation.valueOf(arc.getConsolFun().name());
            for (SeriesId id : series) {
                if (!db.containsDs(id.metric())) {
                    continue;
                }
                Backfill.Rows r = cache.computeIfAbsent(id, k -> new java.util.HashMap<>()).computeIfAbsent(arcStep,
                        k -> source.rows(id, Duration.ofSeconds(arcStep), Instant.ofEpochSecond(firstEnd), count));
                double[] got = r.of(cf);
                if (got.length != count) {
                    throw new IllegalStateException(id + ": row source gave " + got.length + " rows, " + count + " wanted");
                }
                // Robin.setValues takes the whole archive oldest first; the newest row ends at arcEnd
                double[] all = new double[size];
                Arrays.fill(all, 0, size - count, Double.NaN);
                System.arraycopy(got, 0, all, size - count, count);
                arc.getRobin(db.getDsIndex(id.metric())).setValues(all);
                written += count;
            }
        }
        return written;
    }

    private RrdDb openExisting(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("exists but is not a regular file; left untouched");
        }
        try {
            return RrdDb.getBuilder().setPath(path.toString()).setBackendFactory(backend).setReadOnly(readOnly).build();
        } catch (IOException | RuntimeException | InternalError e) {
            throw new IOException("cannot open existing RRD file (left untouched): " + describe(e), e);
        }
    }

    private RrdDb create(SeriesFile key, Path path, List<String> dsNames, long firstSample) throws IOException {
        return create(key, path, dsNames, firstSample, true, true);
    }

    /**
     * @param onePointMinMaxFromAverage leave out the MIN and MAX archives whose rows hold a single
     *                                  primary point (see {@link #onePointArchive}); live polling
     *                                  files only
     */
    private RrdDb create(SeriesFile key, Path path, List<String> dsNames, long firstSample, boolean log,
                         boolean onePointMinMaxFromAverage) throws IOException {
        RrdLayout layout = Objects.requireNonNull(layoutForDevice.apply(key.device()),
                () -> "no RRD layout for device '" + key.device() + "'");
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new IOException("cannot create directory " + path.getParent() + ": " + describe(e), e);
        }
        long step = layout.step().getSeconds();
        Path temp = path.resolveSibling(path.getFileName() + TEMP_SUFFIX);
        Files.deleteIfExists(temp); // a leftover of an interrupted creation, never data
        RrdDef def = definition(temp.toString(), dsNames, firstSample - step, layout, onePointMinMaxFromAverage);
        try {
            preallocate(temp, def.getEstimatedSize());
            RrdDb.getBuilder().setRrdDef(def).setBackendFactory(backend).build().close();
            if (log) {
                // the header RRD4J just wrote through the mapping is on disk before the file gets
                // its name: a power cut never leaves a named file of zeros. A backfill creates
                // hundreds of files at once and skips this (their rows are rebuilt if lost)
                try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ch.force(false);
                }
            }
            try {
                Files.createLink(path, temp); // atomic, and fails rather than replace an existing file
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temp, path); // without REPLACE_EXISTING: refuses an existing target
            }
        } catch (FileAlreadyExistsException e) {
            throw new IOException("appeared while being created (another writer?); left untouched", e);
        } catch (IOException | RuntimeException | InternalError e) {
            throw new IOException("cannot create RRD file: " + describe(e), e);
        } finally {
            Files.deleteIfExists(temp);
        }
        if (log) {
            LOG.info("created RRD file {} (step {} s, data sources {})", path, step, dsNames);
        } else {
            LOG.debug("created RRD file {} (step {} s, data sources {})", path, step, dsNames);
        }
        return openExisting(path);
    }

    /**
     * The RRD definition of a new file: one GAUGE per metric, and per resolution of the layout an
     * AVERAGE, MIN and MAX archive (package-private for the row writer's differential test).
     *
     * @param start the file's last update time at creation
     */
    static RrdDef definition(String path, List<String> dsNames, long start, RrdLayout layout,
                             boolean onePointMinMaxFromAverage) {
        RrdDef def = new RrdDef(path, start, layout.step().getSeconds());
        for (String ds : dsNames) {
            // min/max unknown: gauges may be negative (temperatures), rates are checked upstream
            def.addDatasource(ds, DsType.GAUGE, layout.heartbeat().getSeconds(), Double.NaN, Double.NaN);
        }
        for (ConsolFun cf : List.of(ConsolFun.AVERAGE, ConsolFun.MIN, ConsolFun.MAX)) {
            for (RrdLayout.Archive a : layout.archives()) {
                int steps = layout.stepsPerRow(a);
                if (onePointMinMaxFromAverage && cf != ConsolFun.AVERAGE && steps == 1) {
                    continue; // identical to the AVERAGE archive of this resolution; fetch reads that one
                }
                def.addArchive(cf, RrdLayout.XFF, steps, a.rows());
            }
        }
        return def;
    }

    /**
     * Gives the new file real disk blocks with ordinary writes before RRD4J maps it.
     *
     * <p>Why: RRD4J sizes a new file with {@code setLength} (a sparse file) and then fills it
     * through the memory mapping; on a full disk a mapped write to an unbacked page is a SIGBUS,
     * which the JVM reports as an InternalError long after the fact, and RRD4J then leaves the
     * half-built file open (a leaked descriptor and mapping per retry). Plain writes fail cleanly
     * with "No space left on device" instead, and once every block exists the file never needs
     * more space: RRD files do not grow.
     */
    private static void preallocate(Path temp, long size) throws IOException {
        ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
        try (FileChannel ch = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            long written = 0;
            while (written < size) {
                zeros.clear().limit((int) Math.min(zeros.capacity(), size - written));
                written += ch.write(zeros);
            }
            // the blocks exist once write() returned (a full disk fails here); create() makes
            // them durable together with the header
        }
    }

    // ------------------------------------------------------------------ read

    @Override
    public SeriesData fetch(SeriesId series, Instant from, Instant to, Duration resolution, Consolidation cf) {
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(cf, "cf");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("fetch of " + series + ": 'to' " + to + " is before 'from' " + from);
        }
        if (resolution.isNegative() || resolution.isZero()) {
            throw new IllegalArgumentException("fetch of " + series + ": resolution must be positive, got " + resolution);
        }
        requireOpen();
        List<String> searched = new ArrayList<>();
        for (SeriesFile key : SeriesFile.candidates(series, schema)) {
            Path path = key.path(dataDir);
            searched.add(path.toString());
            if (!Files.isRegularFile(path)) {
                continue; // checked first so unknown names never create handles or files
            }
            Optional<SeriesData> data;
            try {
                data = files.withFile(path, h -> {
                    // held rows first: a reader in this process sees every accepted sample (a
                    // failed drain closes the file; the read then shows what the disk holds)
                    List<String> errors = new ArrayList<>(0);
                    h.drain(errors);
                    errors.forEach(e -> LOG.error("RRD file {}", e));
                    if (h.db() != null) {
                        return readIfPresent(h.db(), series, from, to, resolution, cf);
                    }
                    // a row-writer file keeps no RrdDb (heap): RRD4J reads through one of its own
                    // over the same shared pages, under the file's lock
                    try (RrdDb db = openExisting(path)) {
                        return readIfPresent(db, series, from, to, resolution, cf);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(path + ": " + e.getMessage(), e);
            }
            if (data.isPresent()) {
                return data.get();
            }
        }
        throw new SeriesNotFoundException(series, "looked in " + String.join(", ", searched));
    }

    private static Optional<SeriesData> readIfPresent(RrdDb db, SeriesId series, Instant from, Instant to,
                                                      Duration resolution, Consolidation cf) throws IOException {
        if (!db.containsDs(series.metric())) {
            return Optional.empty();
        }
        return Optional.of(read(db, series, from, to, resolution, cf));
    }

    private static SeriesData read(RrdDb db, SeriesId series, Instant from, Instant to, Duration resolution,
                                   Consolidation cf) throws IOException {
        ConsolFun fun = ConsolFun.valueOf(cf.name());
        List<ArchiveChoice.Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < db.getArcCount(); i++) {
            org.rrd4j.core.Archive arc = db.getArchive(i);
            if (arc.getConsolFun() == fun) {
                candidates.add(new ArchiveChoice.Candidate(i, arc.getArcStep(), arc.getStartTime()));
            }
        }
        if (fun != ConsolFun.AVERAGE) {
            // files created by live polling have no MIN/MAX archive of one-point rows: the
            // AVERAGE archive of that resolution holds the same values (see onePointArchive)
            for (int i = 0; i < db.getArcCount(); i++) {
                org.rrd4j.core.Archive arc = db.getArchive(i);
                long arcStep = arc.getArcStep();
                if (onePointArchive(arc) && arc.getConsolFun() == ConsolFun.AVERAGE
                        && candidates.stream().noneMatch(c -> c.step() == arcStep)) {
                    candidates.add(new ArchiveChoice.Candidate(i, arcStep, arc.getStartTime()));
                }
            }
        }
        if (candidates.isEmpty()) {
            throw new IOException("has no " + cf + " archive");
        }
        long fromS = from.getEpochSecond();
        long toS = to.getEpochSecond() + (to.getNano() > 0 ? 1 : 0);
        ArchiveChoice.Candidate chosen = ArchiveChoice.choose(candidates, Math.max(1, resolution.getSeconds()), fromS);
        org.rrd4j.core.Archive arc = db.getArchive(chosen.index());
        long step = chosen.step();
        // rows are aligned to multiples of step; row t holds the interval (t - step, t] (rrdtool
        // convention). Like rrdtool/RRD4J fetch: first row floor(from), last row ceil(to).
        long first = Math.floorDiv(fromS, step) * step;
        long last = -Math.floorDiv(-toS, step) * step;
        long count = (last - first) / step + 1;
        if (count > MAX_POINTS) {
            throw new IllegalArgumentException("fetch of " + series + " from " + from + " to " + to + " at " + step
                    + " s would return " + count + " points; ask for a coarser resolution or a shorter range");
        }
        long arcFirst = arc.getStartTime();
        long arcLast = arc.getEndTime();
        long lo = Math.max(first, arcFirst);
        long hi = Math.min(last, arcLast);
        double[] stored = lo <= hi
                ? arc.getRobin(db.getDsIndex(series.metric())).getValues(
                        Math.toIntExact((lo - arcFirst) / step), Math.toIntExact((hi - lo) / step + 1))
                : new double[0];
        List<SeriesData.Point> points = new ArrayList<>((int) count);
        for (long t = first; t <= last; t += step) {
            double v = t >= lo && t <= hi ? stored[(int) ((t - lo) / step)] : Double.NaN;
            points.add(new SeriesData.Point(Instant.ofEpochSecond(t), v));
        }
        return new SeriesData(series, Duration.ofSeconds(step), points);
    }

    /**
     * Whether each row of the archive consolidates a single primary data point. The AVERAGE, MIN
     * and MAX of one value are that value, and a row with its one point unknown is unknown under
     * every function (the x-files factor decides alike), so MIN and MAX archives of such rows
     * would store exactly what the AVERAGE archive stores. New files written by polling leave
     * them out: RRD4J updates every archive of every data source on every update (the fleet
     * benchmark's profile: its cost per archive dominates the write), and at the stock layout this is 2 of
     * 12 archives (2 of 15 below a 60 s interval) with the same retention at every resolution.
     */
    static boolean onePointArchive(org.rrd4j.core.Archive arc) throws IOException {
        return arc.getSteps() == 1;
    }

    @Override
    public List<SeriesId> list(String device) {
        Objects.requireNonNull(device, "device");
        SeriesFile.requireComponent("device", device);
        requireOpen();
        Path deviceDir = dataDir.resolve(device);
        List<SeriesId> result = new ArrayList<>();
        if (!Files.isDirectory(deviceDir)) {
            return result;
        }
        try (DirectoryStream<Path> top = Files.newDirectoryStream(deviceDir)) {
            for (Path entry : top) {
                String name = entry.getFileName().toString();
                if (Files.isDirectory(entry)) {
                    try (DirectoryStream<Path> inGroup = Files.newDirectoryStream(entry, "*" + SeriesFile.SUFFIX)) {
                        for (Path file : inGroup) {
                            addSeries(result, device, file, SeriesFile.groupAndInstance(name, file.getFileName().toString()));
                        }
                    }
                } else {
                    addSeries(result, device, entry, SeriesFile.groupAndInstance(null, name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + deviceDir + ": " + e.getMessage(), e);
        }
        result.sort(java.util.Comparator.comparing(SeriesId::path));
        return result;
    }

    private void addSeries(List<SeriesId> result, String device, Path file, Optional<String[]> groupInstance) {
        if (groupInstance.isEmpty() || !Files.isRegularFile(file)) {
            return;
        }
        String[] gi = groupInstance.get();
        try {
            List<String> dsNames = files.withFile(file, h -> {
                if (!h.isOpen()) {
                    h.attach(openExisting(file));
                }
                return h.dsNames();
            });
            for (String ds : dsNames) {
                result.add(new SeriesId(device, gi[0], gi[1], ds));
            }
        } catch (IOException | RuntimeException | InternalError e) {
            // listing must still show the readable series; the broken file is a write error too
            LOG.warn("skipping {} while listing device {}: {}", file, device, describe(e));
        }
    }

    @Override
    public List<String> devices() {
        requireOpen();
        List<String> result = new ArrayList<>();
        if (!Files.isDirectory(dataDir)) {
            return result;
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(dataDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                if (holdsRrdFile(dir)) {
                    result.add(dir.getFileName().toString());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataDir + ": " + e.getMessage(), e);
        }
        result.sort(null);
        return result;
    }

    private static boolean holdsRrdFile(Path deviceDir) throws IOException {
        try (var walk = Files.walk(deviceDir, 2)) {
            return walk.anyMatch(p -> p.getFileName().toString().endsWith(SeriesFile.SUFFIX) && Files.isRegularFile(p));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * {@inheritDoc}
     *
     * <p>Tries every open file, then throws if any could not be synced: the caller asked for
     * durability and must learn that it did not get it.
     *
     * @throws UncheckedIOException naming every file that could not be synced
     */
    @Override
    public void flush() {
        requireOpen();
        List<String> failures = new ArrayList<>(files.drainAll());
        failures.addAll(files.syncAll());
        if (!failures.isEmpty()) {
            throw new UncheckedIOException(new IOException("flush failed: " + String.join("; ", failures)));
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (retainedSamples.get() > 0) {
            LOG.error("closing with {} sample(s) not stored: they waited for disk space", retainedSamples.get());
        }
        files.closeAll();
        backend.close();
        writeBehindTimer.shutdown();
    }

    /** The periodic write of held rows of files that got none since the last sweep (write-behind). */
    private void sweep() {
        try {
            if (!closed) {
                files.sweep().forEach(e -> LOG.error("RRD file {}", e));
            }
        } catch (RuntimeException e) {
            LOG.error("writing held RRD rows failed: {}", e.toString(), e);
        }
    }

    /** Rows held for batched writes (write-behind), in all files. */
    long heldRows() {
        return files.heldRows();
    }

    /** Open files that keep RRD4J's object graph (only layouts the row writer does not cover). */
    int rrdDbCount() {
        return files.rrdDbCount();
    }

    /** Number of files currently open (for tests and diagnostics). */
    int openFileCount() {
        return files.openCount();
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("series store on " + dataDir + " is closed");
        }
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        return e.getClass().getSimpleName() + (msg == null ? "" : ": " + msg);
    }
}
