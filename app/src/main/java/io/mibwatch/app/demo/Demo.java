package io.mibwatch.app.demo;

import io.mibwatch.app.baseline.RrdStoredHistory;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.storage.Backfill;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.alert.TransitionReason;
import io.mibwatch.thresholds.baseline.BaselineRules;
import io.mibwatch.thresholds.pipeline.AlertEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one-command demo: the built-in simulated fleet on loopback (free ports), weeks of history
 * backfilled from the fleet's models straight into RRD archives, and the appliance ({@link Daemon})
 * polling the fleet while a scenario makes things happen. {@link #close()} stops the daemon
 * (which flushes) and then the fleet.
 *
 * <p>Order: history is backfilled up to T0 (now) from the fleet's models, then the fleet starts
 * (its scenario's time zero), then the daemon continues the same files live. Everything runs in this process; nothing listens beyond 127.0.0.1.
 */
public final class Demo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Demo.class);
    public static final String SCENARIO_RESOURCE = "demo-scenario.yaml";
    /** The built-in fleet's router with IP SLA jitter operations 20 and 30 (the demo's voice service). */
    static final String VOICE_DEVICE = "wan1";
    /** The demo's service (users complain about it). */
    public static final String VOICE_SERVICE = "voice";
    /** The server whose CPU the demo pushes out of its time-of-day baseline. */
    static final String BASELINE_DEVICE = "srv3";
    /** When (after the start) and how long srv3's CPU leaves its baseline. */
    static final Duration BASELINE_SPIKE_AT = Duration.ofMinutes(2);
    static final Duration BASELINE_SPIKE_FOR = Duration.ofMinutes(10);
    /** How far back users' complaints are seeded: what {@code thresholds suggest} reads by default. */
    static final Duration COMPLAINT_HISTORY = Duration.ofDays(7);
    static final SimulatedUsers.Office OFFICE = new SimulatedUsers.Office(
            List.of("ann", "bob", "chen", "dana", "eve"), java.time.LocalTime.of(8, 0), java.time.LocalTime.of(18, 0),
            java.time.ZoneId.systemDefault());

    /**
     * @param dataDir  the appliance's data directory (RRD files under {@code rrd/})
     * @param history  how far back to backfill (0: none)
     * @param interval poll interval of every device
     * @param baselineSpikeAt when (after the start) srv3's CPU leaves its learned baseline
     */
    public record Settings(DataDir dataDir, Duration history, Duration interval, Scenario scenario, Duration baselineSpikeAt) {
        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(history, "history");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(scenario, "scenario");
            Objects.requireNonNull(baselineSpikeAt, "baselineSpikeAt");
        }

        /** The baseline spike 2 minutes in. */
        public Settings(DataDir dataDir, Duration history, Duration interval, Scenario scenario) {
            this(dataDir, history, interval, scenario, BASELINE_SPIKE_AT);
        }
    }

    /**
     * What the demo did for the user-perception features (baselines, Apdex, red button, voice), for the guide.
     *
     * @param baselineSpike the cpu_spike added for {@link #BASELINE_DEVICE}, empty when its baseline is
     *                      still learning (too little history)
     * @param slotLimit     the highest limit of that device's CPUs in the spike's slot
     * @param complaints    complaints seeded during the voice service's past degradations (and a few unrelated ones)
     * @param users         how many simulated users complained
     */
    public record Perception(Optional<Fault.CpuSpike> baselineSpike, double slotLimit, int complaints, int users) {
    }

    /** What starting took: figures the command prints. */
    public record Timings(Duration simulator, Duration backfill, int files, long rows, Duration daemon, List<String> errors) {
    }

    private final Simulation simulation;
    private final MibwatchConfig config;
    private final Timings timings;
    private final Daemon daemon;

    private final Perception perception;

    private Demo(Simulation simulation, MibwatchConfig config, Timings timings, Daemon daemon, Perception perception) {
        this.simulation = simulation;
        this.config = config;
        this.timings = timings;
        this.daemon = daemon;
        this.perception = perception;
    }

    /** The demo's built-in scenario (a resource). */
    public static Scenario builtInScenario() {
        try (InputStream in = Demo.class.getResourceAsStream(SCENARIO_RESOURCE)) {
            if (in == null) throw new IllegalStateException("resource " + SCENARIO_RESOURCE + " missing from the jar");
            return ScenarioLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), SCENARIO_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (io.mibwatch.simulator.scenario.ScenarioException e) {
            throw new IllegalStateException("the built-in demo scenario is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Backfills, starts the fleet, starts the daemon. On failure everything started is stopped again.
     *
     * <p>The history ends at T0 (now); the fleet's models all start at T0, but the fleet's clock
     * is created after the backfill ({@code new SimClock(clock, T0, 1)}), so simulated time
     * reaches T0 + x when x real seconds have passed since the fleet started: the scenario's
     * times count from the moment the fleet answers, however long the backfill took. The
     * simulated time then lags the wall clock by the backfill time, which no poll can notice
     * (rates and sysUpTime only compare two polls).
     */
    public static Demo start(Settings s, Clock clock) throws Exception {
        Instant t0 = Instant.ofEpochSecond(clock.instant().getEpochSecond());
        List<Simulation.Source> sources = Simulation.builtInSources();
        Map<String, DeviceModel> models = new LinkedHashMap<>();
        for (Simulation.Source src : sources) {
            models.put(src.name(), DeviceModel.of(src.name(), src.values(), t0, TrafficShape.DEFAULT, s.scenario()));
        }
        // the devices' poll settings are known before their ports: ports only matter to the daemon
        MibwatchConfig planning = ConfigLoader.parse(configYaml(
                sources.stream().map(src -> new SnmpSimulator.Endpoint(src.name(),
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 161))).toList(), s.interval()), "demo configuration");
        long b0 = System.nanoTime();
        Backfill.Report report = backfill(models, planning, s.dataDir().rrd(), t0, s.history());
        Duration backfillTook = Duration.ofNanos(System.nanoTime() - b0);
        // a CPU spike that is abnormal for the slot it happens in, as the daemon will learn it
        Baseline spike = baselineSpike(planning, s.dataDir().rrd(), t0, s.baselineSpikeAt());
        Scenario scenario = s.scenario();
        if (spike.fault().isPresent()) {
            List<Fault> faults = new ArrayList<>(scenario.faults());
            faults.add(spike.fault().get());
            scenario = new Scenario(faults);
        }

        long f0 = System.nanoTime();
        Simulation sim = Simulation.builder().sources(sources).scenario(scenario).shape(TrafficShape.DEFAULT)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .clock(new SimClock(clock, t0, 1)).start();
        try {
            Duration simTook = Duration.ofNanos(System.nanoTime() - f0);
            String yaml = configYaml(sim.endpoints(), s.interval());
            MibwatchConfig cfg = ConfigLoader.parse(yaml, "demo configuration");
            // the CLI (apdex, thresholds suggest, ...) reads the services from the config file
            java.nio.file.Files.writeString(s.dataDir().config(),
                    "# written by mibwatch demo\ndata_dir: " + s.dataDir().root().toAbsolutePath() + "\n" + yaml);
            long d0 = System.nanoTime();
            Daemon daemon = new Daemon(cfg, s.dataDir(), clock);
            daemon.alerting().addListener(Demo::showPending);
            SimulatedUsers.Plan users;
            try {
                users = seedComplaints(daemon, s.scenario(), t0, s.history(), clock);
                daemon.start();
            } catch (RuntimeException e) {
                daemon.close();
                throw e;
            }
            Timings timings = new Timings(simTook, backfillTook, report.files(), report.rows(),
                    Duration.ofNanos(System.nanoTime() - d0), report.errors());
            return new Demo(sim, cfg, timings, daemon, new Perception(spike.fault(), spike.limit(),
                    users.complaints().size(), OFFICE.users().size()));
        } catch (Exception | Error e) {
            sim.close();
            throw e;
        }
    }

    /**
     * The pipeline logs FIRED and RESOLVED itself; the demo's console shows PENDING too, so a fault
     * whose rule waits (srv2's CPU: the reference rule's 5 minutes) shows when it is first seen.
     */
    private static void showPending(AlertEvent e) {
        if (e.transition().reason() == TransitionReason.PENDING) {
            LOG.info(e.line());
        }
    }

    /** The appliance's configuration for the fleet: v2c community public, one device per endpoint. */
    static String configYaml(List<SnmpSimulator.Endpoint> endpoints, Duration interval) {
        StringBuilder y = new StringBuilder();
        // the timeout must be shorter than the interval; 2 s is plenty on loopback
        long timeoutMs = Math.min(2000, interval.toMillis() / 2);
        y.append("defaults:\n  interval: ").append(interval.getSeconds()).append("s\n  timeout: ").append(timeoutMs)
                .append("ms\n  retries: 1\n")
                .append("  credentials: demo\ncredentials:\n  demo: {community: public}\ndevices:\n");
        for (SnmpSimulator.Endpoint e : endpoints) {
            y.append("  - {name: ").append(e.device()).append(", address: ")
                    .append(e.address().getAddress().getHostAddress()).append(", port: ").append(e.address().getPort())
                    .append(", version: v2c}\n");
        }
        // learned time-of-day baselines of the servers' CPUs: p90 of the hour slot + 50 %, armed
        // after two weeks of history (the demo backfills four)
        y.append("thresholds:\n  baselines:\n    - name: cpu-baseline\n      match: {device: \"srv*\", metric: cpu/load}\n")
                .append("      reference: p90\n      margin: 50%\n      slot: 60m\n      weeks: 4\n      arm_weeks: 2\n");
        if (endpoints.stream().anyMatch(e -> e.device().equals(VOICE_DEVICE))) {
            // one service users feel: voice calls over wan1's two IP SLA jitter operations;
            // 150 ms is ITU-T G.114's one-way delay limit for good interactive voice
            y.append("services:\n  - name: ").append(VOICE_SERVICE).append("\n    window: 5m\n    apdex_alert: {below: 0.85, for: 10m}\n")
                    .append("    members:\n")
                    .append("      - {device: ").append(VOICE_DEVICE).append(", series: cisco_rtt/20/rtt, t: 150ms}\n")
                    .append("      - {device: ").append(VOICE_DEVICE).append(", series: cisco_rtt/30/rtt, t: 150ms}\n");
        }
        return y.toString();
    }

    /**
     * History of every device from {@code simStart - history} to {@code simStart}, into the files the
     * daemon will continue (same schema and layout as the daemon's). Devices in parallel.
     */
    static Backfill.Report backfill(Map<String, DeviceModel> models, MibwatchConfig cfg, Path rrdDir, Instant end,
                                    Duration history) {
        if (history.isZero()) {
            return new Backfill.Report(0, 0, List.of());
        }
        Instant from = end.minus(history);
        AtomicInteger files = new AtomicInteger();
        AtomicLong rows = new AtomicLong();
        AtomicLong computeNanos = new AtomicLong();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        try (RrdSeriesStore store = new RrdSeriesStore(rrdDir, new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(cfg.devices().stream().filter(x -> x.name().equals(d)).findFirst()
                        .map(DeviceConfig::interval).orElse(cfg.defaults().interval())), RrdStoreOptions.defaults())) {
            cfg.devices().parallelStream().forEach(d -> {
                ModelHistory h = new ModelHistory(models.get(d.name()), d.metrics());
                List<SeriesId> series = h.series();
                Backfill.Report r = store.backfill(series, from, end, (id, res, first, count) -> {
                    long t = System.nanoTime();
                    try {
                        return h.rows(id, res, first, count);
                    } finally {
                        computeNanos.addAndGet(System.nanoTime() - t);
                    }
                });
                files.addAndGet(r.files());
                rows.addAndGet(r.rows());
                errors.addAll(r.errors());
            });
        }
        LOG.info("backfill: {} files, {} rows; computing rows took {} ms (summed over threads)", files.get(), rows.get(),
                computeNanos.get() / 1_000_000);
        if (!errors.isEmpty()) {
            LOG.warn("backfill: {} file(s) failed, first: {}", errors.size(), errors.get(0));
        }
        return new Backfill.Report(files.get(), rows.get(), errors);
    }

    private record Baseline(Optional<Fault.CpuSpike> fault, double limit) {
    }

    /**
     * Learns {@link #BASELINE_DEVICE}'s CPU baselines from the backfilled files exactly as the daemon
     * will (the config's rule, {@link BaselineRules}) and returns a cpu_spike a little above the
     * highest limit of the slot {@code t0 + after} falls in: a value that is abnormal for
     * that time of day, whatever time the demo is started. Empty while the baseline is learning.
     */
    static Baseline baselineSpike(MibwatchConfig cfg, Path rrdDir, Instant t0, Duration after) {
        if (cfg.thresholds().baselines().isEmpty() || !java.nio.file.Files.isDirectory(rrdDir)) {
            return new Baseline(Optional.empty(), Double.NaN);
        }
        Instant at = t0.plus(after);
        try (RrdSeriesStore ro = RrdSeriesStore.readOnly(rrdDir, new SeriesSchema(StandardMetrics.dsNamesByGroup()));
             BaselineRules rules = BaselineRules.of(cfg.thresholds(), new RrdStoredHistory(ro),
                     Clock.fixed(t0, java.time.ZoneOffset.UTC), () -> ro.list(BASELINE_DEVICE), java.time.ZoneId.systemDefault())) {
            rules.refreshNow();
            List<BaselineRules.Status> st = rules.status(ro.list(BASELINE_DEVICE), at);
            if (st.isEmpty() || st.stream().anyMatch(x -> x.limit().isEmpty())) {
                return new Baseline(Optional.empty(), Double.NaN);
            }
            double limit = st.stream().mapToDouble(x -> x.limit().getAsDouble()).max().orElseThrow();
            int value = (int) Math.min(100, Math.ceil(limit) + 5);
            if (value <= limit) {
                return new Baseline(Optional.empty(), limit); // no CPU value is abnormal in this slot
            }
            return new Baseline(Optional.of(new Fault.CpuSpike(after, BASELINE_SPIKE_FOR,
                    new io.mibwatch.simulator.scenario.DevicePattern(BASELINE_DEVICE), value)), limit);
        } catch (RuntimeException e) {
            LOG.warn("demo: no baseline spike: {}", e.toString());
            return new Baseline(Optional.empty(), Double.NaN);
        }
    }

    /**
     * The voice service's users pressed the red button during the past degradations of its IP SLA
     * operations (the scenario's degradation faults, which the backfill shows too): their active
     * periods and complaints of the last {@link #COMPLAINT_HISTORY} go into the event store through
     * the same {@code RedButtonStore} the CLI writes, so {@code thresholds suggest voice} has
     * something to rank right away.
     */
    static SimulatedUsers.Plan seedComplaints(Daemon daemon, Scenario scenario, Instant t0, Duration history, Clock clock) {
        Duration back = history.compareTo(COMPLAINT_HISTORY) < 0 ? history : COMPLAINT_HISTORY;
        List<SimulatedUsers.Window> bad = degradedWindows(scenario, t0, back);
        if (back.isZero() || bad.isEmpty()) {
            return new SimulatedUsers.Plan(List.of(), List.of());
        }
        SimulatedUsers.Plan plan = SimulatedUsers.plan(VOICE_SERVICE, OFFICE, bad, t0.minus(back), t0, 20261121L);
        var store = daemon.alerting().store().redButton();
        Instant now = clock.instant();
        plan.active().forEach(a -> store.addActivePeriod(a, now));
        plan.complaints().forEach(c -> store.addComplaint(c, now));
        LOG.info("demo: {} users' {} active periods and {} complaints about {} seeded ({} degradations of {}'s IP SLA in the last {} days)",
                OFFICE.users().size(), plan.active().size(), plan.complaints().size(), VOICE_SERVICE, bad.size(),
                VOICE_DEVICE, back.toDays());
        return plan;
    }

    /** The voice device's degradation episodes between {@code t0 - back} and {@code t0}. */
    static List<SimulatedUsers.Window> degradedWindows(Scenario scenario, Instant t0, Duration back) {
        List<SimulatedUsers.Window> out = new ArrayList<>();
        for (Fault f : scenario.faults()) {
            if (f instanceof Fault.Degradation d && d.device().matches(VOICE_DEVICE)
                    && (d.operation() == 20 || d.operation() == 30)) {
                for (Duration e : d.episodes(back.negated(), Duration.ZERO)) {
                    out.add(new SimulatedUsers.Window(t0.plus(e), t0.plus(e).plus(d.duration())));
                }
            }
        }
        out.sort(java.util.Comparator.comparing(SimulatedUsers.Window::from));
        return out;
    }

    public Perception perception() {
        return perception;
    }

    public Simulation simulation() {
        return simulation;
    }

    public Daemon daemon() {
        return daemon;
    }

    public MibwatchConfig config() {
        return config;
    }

    public Timings timings() {
        return timings;
    }

    /** Stops the daemon (flushing every RRD file), then the fleet. */
    @Override
    public void close() {
        try {
            daemon.close();
        } finally {
            simulation.close();
        }
    }
}
