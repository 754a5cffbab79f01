package io.mibwatch.app.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.app.Main;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.app.demo.ModelHistory;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.storage.Backfill;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.baseline.BaselineRules;
import io.mibwatch.thresholds.rule.BaselineRule;
import io.mibwatch.thresholds.store.AlertRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Baseline alerts through the real daemon. Three simulated Linux servers of the built-in fleet,
 * their past backfilled from the simulator's models into real RRD files (srv1 and srv2 three
 * weeks, srv3 five days), then polled live over SNMP at 03:10 on a Tuesday (the daemon's and the
 * simulator's clocks are both shifted there). A {@code thresholds.baselines} rule watches every
 * CPU at p90 + 50 % of its hourly slot:
 * <ul>
 *   <li>srv1's CPUs are pinned by a cpu_spike at a value that is normal at 11:00 (below that
 *       slot's limit) but abnormal at 03:00: it alerts;</li>
 *   <li>srv2 runs its normal night: nothing;</li>
 *   <li>srv3 gets the same spike but has too little history: its baseline is LEARNING, no alert.</li>
 * </ul>
 */
class BaselineDaemonIT {
    /** Tuesday 03:10 UTC. */
    static final Instant NOW = Instant.parse("2026-11-17T03:10:00Z");
    static final Instant ELEVEN = Instant.parse("2026-11-17T11:10:00Z");
    static final Duration INTERVAL = Duration.ofSeconds(5);

    @TempDir
    Path tmp;

    static String config(List<String> devices, Map<String, Integer> ports) {
        StringBuilder y = new StringBuilder("""
                defaults: {interval: 5s, timeout: 1s, retries: 0}
                credentials: {lab: {community: public}}
                devices:
                """);
        for (String d : devices) {
            y.append("  - {name: ").append(d).append(", address: 127.0.0.1, port: ").append(ports.getOrDefault(d, 161))
                    .append(", credentials: lab, metrics: [system, cpu]}\n");
        }
        y.append("""
                thresholds:
                  baselines:
                    - name: cpu-baseline
                      match: {metric: cpu/load}
                      reference: p90
                      margin: 50%
                      slot: 60m
                      weeks: 4
                      arm_weeks: 2
                      zone: UTC
                """);
        return y.toString();
    }

    static void await(String what, Duration max, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void abnormalForItsSlotAlertsNormalDoesNotLearningDoesNot() throws Exception {
        List<String> devices = List.of("srv1", "srv2", "srv3");
        List<Simulation.Source> sources = Simulation.builtInSources().stream()
                .filter(s -> devices.contains(s.name())).toList();
        Path data = tmp.resolve("data");
        MibwatchConfig planning = ConfigLoader.parse(config(devices, Map.of()), "baseline-it.yaml");
        try (RrdSeriesStore store = new RrdSeriesStore(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(INTERVAL), RrdStoreOptions.defaults())) {
            for (Simulation.Source src : sources) {
                DeviceModel m = DeviceModel.of(src.name(), src.values(), NOW, TrafficShape.DEFAULT, Scenario.EMPTY);
                ModelHistory h = new ModelHistory(m, planning.device(src.name()).orElseThrow().metrics());
                Duration back = src.name().equals("srv3") ? Duration.ofDays(5) : Duration.ofDays(21);
                Backfill.Report r = store.backfill(h.series(), NOW.minus(back), NOW, h);
                assertEquals(List.of(), r.errors());
            }
        }

        // what the daemon will learn, learned here first: a spike value normal at 11:00, abnormal at 03:00
        Clock fixed = Clock.fixed(NOW, ZoneOffset.UTC);
        double spike;
        try (RrdSeriesStore ro = RrdSeriesStore.readOnly(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()));
             BaselineRules learned = BaselineRules.of(planning.thresholds(), new RrdStoredHistory(ro), fixed,
                     () -> ro.list("srv1"), ZoneOffset.UTC)) {
            learned.refreshNow();
            List<BaselineRules.Status> night = learned.status(ro.list("srv1"), NOW);
            List<BaselineRules.Status> day = learned.status(ro.list("srv1"), ELEVEN);
            assertTrue(!night.isEmpty() && night.stream().allMatch(s -> s.readiness() == BaselineRule.Readiness.ARMED), night.toString());
            double nightLimit = night.stream().mapToDouble(s -> s.limit().getAsDouble()).max().orElseThrow();
            double dayLimit = day.stream().mapToDouble(s -> s.limit().getAsDouble()).min().orElseThrow();
            System.out.printf("srv1 CPU baseline limits (p90 + 50%%): 03:00 max %.1f %%, 11:00 min %.1f %%%n", nightLimit, dayLimit);
            assertTrue(Math.ceil(nightLimit) + 1 < Math.floor(dayLimit), "the day is busier than the night: " + night + " / " + day);
            spike = Math.floor((Math.ceil(nightLimit) + Math.floor(dayLimit)) / 2);
        }

        Clock shifted = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), NOW));
        Scenario scenario = ScenarioLoader.parse("faults:\n"
                + "  - {at: 0s, duration: 1h, device: srv1, kind: cpu_spike, value: " + (int) spike + "}\n"
                + "  - {at: 0s, duration: 1h, device: srv3, kind: cpu_spike, value: " + (int) spike + "}\n", "spike.yaml");
        try (Simulation sim = Simulation.builder().sources(sources).scenario(scenario).shape(TrafficShape.DEFAULT)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .clock(new SimClock(shifted, shifted.instant(), 1)).start()) {
            Map<String, Integer> ports = sim.endpoints().stream()
                    .collect(Collectors.toMap(e -> e.device(), e -> e.address().getPort()));
            MibwatchConfig cfg = ConfigLoader.parse(config(devices, ports), "baseline-it.yaml");
            Set<String> polled = ConcurrentHashMap.newKeySet();
            try (Daemon daemon = new Daemon(cfg, new DataDir(data), shifted, Duration.ofMillis(500))) {
                daemon.addListener(r -> {
                    if (r.ok() && r.samples().stream().anyMatch(s -> s.series().group().equals("cpu"))) {
                        polled.add(r.device() + "#" + r.started().getEpochSecond() / 5);
                    }
                });
                daemon.start();
                BaselineRules rules = daemon.alerting().baselines();
                await("baselines learned at start", Duration.ofSeconds(60), rules::learned);
                await("a FIRING baseline alert on srv1", Duration.ofSeconds(30), () -> alerts(daemon).stream()
                        .anyMatch(a -> a.device().equals("srv1") && a.state() == AlertState.FIRING));
                int before = polled.size();
                await("two more cycles of every device", Duration.ofSeconds(30), () -> polled.size() >= before + 6);

                List<AlertRow> all = alerts(daemon);
                System.out.println("baseline alerts: " + all.stream().map(a -> a.device() + " " + a.series() + " "
                        + a.state() + " " + a.severity() + " " + a.value()).toList());
                assertTrue(all.stream().allMatch(a -> a.device().equals("srv1")), "only srv1 alerts: " + all);
                List<SeriesId> srv1Cpus = daemon.store().list("srv1").stream()
                        .filter(s -> s.group().equals("cpu") && s.metric().equals("load")).toList();
                assertEquals(srv1Cpus.size(), all.stream().filter(a -> a.state() == AlertState.FIRING).count(),
                        "every srv1 CPU (" + srv1Cpus + ") is out of its 03:00 baseline: " + all);

                List<BaselineRules.Status> status = rules.status(daemon.store().list("srv3"), shifted.instant());
                assertTrue(!status.isEmpty() && status.stream().allMatch(s -> s.readiness() == BaselineRule.Readiness.LEARNING),
                        "srv3 has 5 days of history: " + status);
                assertTrue(rules.status(daemon.store().list("srv2"), shifted.instant()).stream()
                        .allMatch(s -> s.readiness() == BaselineRule.Readiness.ARMED));
            }
            // the CLI learns the same way from the same files
            Path file = tmp.resolve("mibwatch.yaml");
            Files.writeString(file, config(devices, ports));
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = Main.run(new PrintWriter(out), new PrintWriter(err), "baseline", "status", "--config", file.toString(),
                    "--data", data.toString(), "--at", NOW.plusSeconds(60).toString(), "--json");
            assertEquals(0, rc, err.toString());
            JsonNode j = new ObjectMapper().readTree(out.toString());
            Map<String, String> states = new java.util.TreeMap<>();
            j.get("series").forEach(n -> states.merge(n.get("device").asText(), n.get("state").asText(),
                    (a, b) -> a.equals(b) ? a : "mixed"));
            assertEquals(Map.of("srv1", "armed", "srv2", "armed", "srv3", "learning"), states, out.toString());
        }
    }

    static List<AlertRow> alerts(Daemon daemon) {
        return daemon.alerting().store().alerts().stream().filter(a -> a.rule().equals("cpu-baseline")).toList();
    }
}
