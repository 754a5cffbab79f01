package io.mibwatch.app.daemon;

import io.mibwatch.app.alerting.AlertingWiring;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.log.FailureLog;
import io.mibwatch.poller.rate.RateTracker;
import io.mibwatch.poller.schedule.CycleListener;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.poller.schedule.DevicePoller;
import io.mibwatch.poller.schedule.PollScheduler;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpClient;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.storage.WriteReport;
import io.mibwatch.thresholds.pipeline.AlertPipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running appliance: schedule -> poll -> decode/rate -> store -> evaluate alerts, wired once.
 * Stopping it stops new polls, lets running cycles finish (bounded), then flushes
 * and closes every RRD file so nothing already polled is lost.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
    /** How often interfaces etc. are discovered again; LibreNMS' default is 6 hours too. */
    static final Duration REDISCOVER = Duration.ofHours(6);

    private final MibwatchConfig config;
    private final Clock clock;
    private final SeriesStore store;
    private final SnmpClient client;
    private final ExecutorService pipeline;
    private final PollScheduler scheduler;
    private final List<DevicePoller> pollers = new ArrayList<>();
    private final Map<String, DevicePoller> pollersByName = new java.util.HashMap<>();
    private final Map<String, DeviceStatus> status = new ConcurrentHashMap<>();
    private final AlertPipeline alerting;
    private final List<CycleListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** RRD write errors, one line per cause (a full disk fails every new file, every cycle). */
    private final FailureLog storeFailures;

    public Daemon(MibwatchConfig config, DataDir dataDir, Clock clock) throws IOException, SchedulerException {
        this(config, dataDir, clock, AlertPipeline.RECHECK);
    }

    /**
     * @param alertRecheck how often alerts are re-checked against the clock and the CLI's silences
     *                     and ack requests are picked up from the database
     */
    public Daemon(MibwatchConfig config, DataDir dataDir, Clock clock, Duration alertRecheck)
            throws IOException, SchedulerException {
        this(config, dataDir, clock, alertRecheck, null);
    }

    /**
     * @param layout RRD layout of new files per device; {@code null} for the stock layout at the
     *               device's interval. Benchmarks pass a smaller layout (same archives, shorter
     *               spans) so that a million series fit on a test machine's disk.
     */
    public Daemon(MibwatchConfig config, DataDir dataDir, Clock clock, Duration alertRecheck,
                  Function<String, RrdLayout> layout) throws IOException, SchedulerException {
        this.config = config;
        this.clock = clock;
        this.storeFailures = new FailureLog(clock, FailureLog.MINUTE, LOG::error, LOG::info);
        Path rrdDir = dataDir.rrd();
        Files.createDirectories(rrdDir);
        Map<String, Duration> intervals = new ConcurrentHashMap<>();
        config.devices().forEach(d -> intervals.put(d.name(), d.interval()));
        Duration fallback = config.defaults().interval();
        Function<String, RrdLayout> stock = device -> RrdLayout.stock(intervals.getOrDefault(device, fallback));
        this.store = new RrdSeriesStore(rrdDir, new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                layout == null ? stock : layout, new RrdStoreOptions(maxOpenFiles(kernelMapCount()), config.rrd().writeBehind()));
        this.client = new SnmpClient(clock);
        AtomicInteger n = new AtomicInteger();
        this.pipeline = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()), r -> {
            Thread t = new Thread(r, "mibwatch-pipeline-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.scheduler = new PollScheduler(clock, 4);
        this.alerting = AlertingWiring.open(config, store, dataDir.alertDb(), clock, alertRecheck);
        RateTracker rates = new RateTracker();
        for (DeviceConfig d : config.devices()) {
            status.put(d.name(), DeviceStatus.initial(d.name()));
            DevicePoller poller = new DevicePoller(d, client, rates, this::onCycle, pipeline, clock, REDISCOVER);
            pollers.add(poller);
            pollersByName.put(d.name(), poller);
        }
    }

    /** Mappings a JVM needs for itself (heap, code cache, jars, thread stacks), with room to spare. */
    static final long JVM_MAPPINGS = 16_384;
    /** Fewest files kept open, whatever the limit says. */
    static final int MIN_OPEN_FILES = 64;

    /**
     * How many RRD files stay open. Each open file is one memory mapping and no file descriptor
     * (the store closes it once the file is mapped), and Linux caps mappings per process at
     * {@code vm.max_map_count} (65530 by default). A file closed by the LRU bound is reopened at
     * its next write, and at a million series (90,000 interface files) that close and reopen cost
     * more than everything else together (burst benchmark, docs/benchmarks.md). So: as many as the kernel allows
     * after the JVM's own mappings.
     */
    static int maxOpenFiles(long maxMapCount) {
        long room = maxMapCount - JVM_MAPPINGS;
        return (int) Math.max(MIN_OPEN_FILES, Math.min(room, Integer.MAX_VALUE));
    }

    /** vm.max_map_count, or the kernel default when it cannot be read (not Linux, no /proc). */
    static long kernelMapCount() {
        return kernelMapCount(Path.of("/proc/sys/vm/max_map_count"));
    }

    /**
     * Reads a sysctl file line-wise. Not with {@code Files.readString}: procfs reports these
     * files as empty, and JDK 17's readAllBytes then returned only the first byte ("6" of
     * 65530), which silently capped the daemon at the store's 4,096 open files; the burst
     * benchmark then closed and reopened RRD files on every write.
     */
    static long kernelMapCount(Path sysctl) {
        try (java.io.BufferedReader r = Files.newBufferedReader(sysctl)) {
            String line = r.readLine();
            return line == null ? 65_530 : Long.parseLong(line.trim());
        } catch (IOException | RuntimeException e) {
            return 65_530;
        }
    }

    public void start() throws SchedulerException {
        LOG.info("mibwatch starting: {} device(s)", pollers.size());
        alerting.start();
        scheduler.start(pollers);
    }

    /** What one {@link #pollAllNow()} did: cycles started, answered, failed, samples produced. */
    public record FleetCycle(int started, int ok, int failed, long samples) {
    }

    /**
     * Starts one cycle of every device at once, now, outside the schedule (phases are ignored),
     * through the same pipeline as scheduled polls: store, alerts, status, listeners. A device
     * whose previous cycle is still running is skipped, as a scheduled poll would be. The
     * burst benchmark uses it to time a full fleet cycle. Only counts are kept, not the
     * reports: holding a million samples until the last device answers would make the
     * benchmark measure its own garbage collection.
     *
     * @return completes when every started cycle has been processed
     */
    public CompletableFuture<FleetCycle> pollAllNow() {
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong samples = new java.util.concurrent.atomic.AtomicLong();
        List<CompletableFuture<Void>> started = new ArrayList<>(pollers.size());
        for (DevicePoller p : pollers) {
            p.pollOnce().ifPresent(f -> started.add(f.thenAccept(r -> {
                if (r.ok()) {
                    ok.incrementAndGet();
                    samples.addAndGet(r.samples().size());
                } else {
                    failed.incrementAndGet();
                }
            })));
        }
        return CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
                .thenApply(v -> new FleetCycle(started.size(), ok.get(), failed.get(), samples.get()));
    }

    public AlertPipeline alerting() {
        return alerting;
    }

    /** Adds a consumer of finished cycles (the web UI's metrics, tests), called after storage and alerting. */
    public void addListener(CycleListener listener) {
        listeners.add(listener);
    }

    /** What the last discovery of {@code device} found (for the web pages' names), empty before the first. */
    public Optional<io.mibwatch.poller.discovery.Inventory> inventory(String device) {
        DevicePoller p = pollersByName.get(device);
        return p == null ? Optional.empty() : p.inventory();
    }

    public Optional<DeviceStatus> status(String device) {
        return Optional.ofNullable(status.get(device));
    }

    public SeriesStore store() {
        return store;
    }

    /**
     * Logs a write's errors once per cause (the error without its file path: the same cause hits
     * every file), and raises or resolves the RRD store's {@code mibwatch_disk_full} alert.
     */
    private void reportStoring(String device, WriteReport w) {
        for (String e : w.errors()) {
            int colon = e.indexOf(": ");
            storeFailures.failed("storing samples failed: " + (colon < 0 ? e : e.substring(colon + 2)),
                    "device " + device + ": " + e);
        }
        if (w.outOfSpace() > 0) {
            storeFailures.failed(OUT_OF_SPACE, "device " + device + ": " + w.outOfSpace() + " file(s)");
            alerting.storageWrite(RRD, Optional.of("cannot write RRD files: out of disk space (" + w.outOfSpace()
                    + " file(s) of " + device + ", their samples wait in memory)"));
        } else if (w.updates() > 0) {
            storeFailures.succeeded(OUT_OF_SPACE);
            // also after a restart, when the alert was restored from the store: a cheap no-op when not raised
            alerting.storageWrite(RRD, Optional.empty());
        }
    }

    private static final String OUT_OF_SPACE = "storing samples: out of disk space";
    /** The store named in the RRD side's {@code mibwatch_disk_full} alert. */
    static final String RRD = "rrd";

    private void onCycle(CycleReport r) {
        long stored = 0;
        if (r.ok()) {
            WriteReport w = store.write(r.samples());
            stored = w.updates();
            reportStoring(r.device(), w);
            if (!r.gapReasons().isEmpty()) {
                LOG.info("device {}: no rate this cycle for {}", r.device(), r.gapReasons());
            }
        }
        try {
            // after the RRD write, so rules reading history see this cycle too
            alerting.onCycle(AlertingWiring.cycle(r));
        } catch (RuntimeException e) {
            LOG.error("device {}: alert evaluation failed: {}", r.device(), e.toString(), e);
        }
        long storedFinal = stored;
        DeviceStatus before = status.get(r.device());
        DeviceStatus after = status.compute(r.device(), (k, s) -> {
            DeviceStatus old = s == null ? DeviceStatus.initial(k) : s;
            // planned OIDs of the wrong type: the device answered, but that part of the cycle failed
            String partial = r.partialFailure().map(PollFailure::message).orElse(null);
            return r.ok()
                    ? new DeviceStatus(k, true, r.started(), r.duration(), 0, partial, old.cycles() + 1,
                            old.failures() + (partial == null ? 0 : 1), old.samples() + storedFinal)
                    : new DeviceStatus(k, false, r.started(), r.duration(), old.consecutiveFailures() + 1,
                            r.failure().get().message(), old.cycles() + 1, old.failures() + 1, old.samples());
        });
        // log state changes, not every cycle: a thousand devices would flood the journal
        if (!r.ok() && (before == null || before.consecutiveFailures() == 0)) {
            LOG.warn("device {}: poll failed ({}): {}", r.device(), r.failure().get().cause(), r.failure().get().message());
        } else if (r.ok() && before != null && before.consecutiveFailures() > 0) {
            LOG.info("device {}: answering again after {} failed poll(s)", r.device(), before.consecutiveFailures());
        } else if (r.ok() && r.discovered()) {
            LOG.info("device {}: discovered, {} samples per cycle", r.device(), r.samples().size());
        }
        if (r.partialFailure().isPresent()
                && (before == null || before.lastError() == null || before.consecutiveFailures() > 0)) {
            LOG.warn("device {}: part of the poll failed ({}): {}", r.device(), r.partialFailure().get().cause(),
                    r.partialFailure().get().message());
        }
        for (CycleListener l : listeners) {
            try {
                l.onCycle(r);
            } catch (RuntimeException e) {
                LOG.error("cycle listener failed for {}: {}", r.device(), e.toString(), e);
            }
        }
        LOG.debug("device {}: cycle {}", r.device(), after);
    }

    /** Stops polling, waits up to the longest timeout for running cycles, flushes and closes storage. */
    @Override
    public void close() {
        LOG.info("mibwatch stopping");
        scheduler.close();
        Duration longest = config.devices().stream()
                .map(d -> d.timeout().multipliedBy(d.retries() + 1L))
                .max(Duration::compareTo).orElse(Duration.ofSeconds(5));
        // Let running cycles finish (their samples get stored), bounded by the longest
        // a request can take; infrastructure time, so System.nanoTime is right here.
        long deadline = System.nanoTime() + longest.toNanos() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (pollers.stream().anyMatch(DevicePoller::busy) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long stillRunning = pollers.stream().filter(DevicePoller::busy).count();
        if (stillRunning > 0) {
            LOG.warn("stopping with {} poll cycle(s) still running; their samples are dropped", stillRunning);
        }
        pipeline.shutdown();
        client.close();
        alerting.close();
        store.close();
        LOG.info("mibwatch stopped; RRD files flushed");
    }
}
