package io.mibwatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.app.Main;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.DevicePattern;
import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.storage.Backfill;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.redbutton.ActivePeriod;
import io.mibwatch.thresholds.redbutton.Complaint;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red button end to end, driven by the simulator (the red button's acceptance). wan1's IP SLA
 * operation 20 degrades at seeded random times (+250 ms RTT, 3 % loss, 20 minutes every 2 hours): a
 * scenario fault in the simulator's model, so the week of history backfilled into real RRD files
 * and the live agent the daemon polls over SNMP both show it. Simulated users with working hours
 * record their active periods and complain during the degradations through the CLI
 * ({@code mibwatch active}, {@code mibwatch complain}) into the event store the running daemon
 * holds; one of them complains live, during the degradation in progress. Then
 * {@code mibwatch thresholds suggest voice --json} ranks the degraded RTT first, significant, with
 * T between its good and bad levels; the other operation's RTT, the router's CPU and an
 * interface's traffic are not significant.
 */
class RedButtonSimIT {
    static final Duration HISTORY = Duration.ofDays(7);
    static final Instant T0 = Instant.parse("2026-11-18T10:00:00Z");

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static String config(int port) {
        return """
                defaults: {interval: 5s, timeout: 1s, retries: 0}
                credentials: {lab: {community: public}}
                devices:
                  - {name: wan1, address: 127.0.0.1, port: %d, credentials: lab}
                services:
                  - name: voice
                    members:
                      - {device: wan1, series: cisco_rtt/20/rtt, t: 150ms}
                      - {device: wan1, series: cisco_rtt/30/rtt, t: 150ms}
                      - {device: wan1, series: cisco_cpu/7/load5min, t: 80}
                      - {device: wan1, series: interfaces/2/inOctets, t: 20000000}
                """.formatted(port);
    }

    @Test
    void complaintsDuringSimulatedDegradationsMakeTheDegradedRttTheSignificantMetric() throws Exception {
        // a fixed Wednesday morning: the daemon's and the simulator's clocks run from there in real time
        Instant t0 = T0;
        Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Clock.systemUTC().instant(), t0));
        // the episode grid anchored so that one episode began 5 minutes before the start: live polls see it
        Fault.Degradation probe = new Fault.Degradation(Duration.ZERO, new DevicePattern("wan1"), 20,
                Duration.ofMinutes(20), Duration.ofHours(2), Duration.ofMillis(250), 3, 11);
        Duration anchor = Duration.ofMinutes(-5).minus(probe.episodeStart(-1));
        Fault.Degradation degradation = new Fault.Degradation(anchor, new DevicePattern("wan1"), 20,
                Duration.ofMinutes(20), Duration.ofHours(2), Duration.ofMillis(250), 3, 11);
        assertTrue(degradation.activeAt(Duration.ZERO) && degradation.activeAt(Duration.ofMinutes(14)));
        Scenario scenario = new Scenario(List.of(degradation));
        List<Simulation.Source> sources = Simulation.builtInSources().stream().filter(s -> s.name().equals("wan1")).toList();
        DeviceModel model = DeviceModel.of("wan1", sources.get(0).values(), t0, TrafficShape.DEFAULT, scenario);

        Path data = tmp.resolve("data");
        MibwatchConfig planning = ConfigLoader.parse(config(161), "red-button-it.yaml");
        try (RrdSeriesStore store = new RrdSeriesStore(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(5)), RrdStoreOptions.defaults())) {
            ModelHistory h = new ModelHistory(model, planning.device("wan1").orElseThrow().metrics());
            Backfill.Report r = store.backfill(h.series(), t0.minus(HISTORY), t0, h);
            assertEquals(List.of(), r.errors());
        }

        // the simulated users: working hours 08:00-18:00 UTC on weekdays, complaining during past degradations
        List<SimulatedUsers.Window> bad = new ArrayList<>();
        for (Duration e : degradation.episodes(HISTORY.negated(), Duration.ZERO)) {
            bad.add(new SimulatedUsers.Window(t0.plus(e), t0.plus(e).plus(degradation.duration())));
        }
        SimulatedUsers.Plan plan = SimulatedUsers.plan("voice", new SimulatedUsers.Office(List.of("ann", "bob", "chen", "dana"),
                LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneOffset.UTC), bad, t0.minus(HISTORY), t0, 42);

        try (Simulation sim = Simulation.builder().sources(sources).scenario(scenario).shape(TrafficShape.DEFAULT)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).clock(new SimClock(clock, t0, 1)).start()) {
            Path file = tmp.resolve("mibwatch.yaml");
            Files.writeString(file, config(sim.endpoints().get(0).address().getPort()));
            MibwatchConfig cfg = ConfigLoader.load(file);
            List<Sample> liveRtt = new CopyOnWriteArrayList<>();
            try (Daemon daemon = new Daemon(cfg, new DataDir(data), clock, Duration.ofMillis(500))) {
                daemon.addListener(c -> c.samples().stream()
                        .filter(s -> s.series().group().equals("cisco_rtt") && s.series().instance().equals("20")
                                && s.series().metric().equals("rtt"))
                        .forEach(liveRtt::add));
                daemon.start();
                for (ActivePeriod a : plan.active()) {
                    Run r = run("active", "voice", "--user", a.user(), "--from", a.from().toString(), "--to", a.to().toString(),
                            "--config", file.toString(), "--data", data.toString());
                    assertEquals(0, r.code(), r.err());
                }
                for (Complaint c : plan.complaints()) {
                    Run r = run("complain", "voice", "--user", c.user(), "--at", c.at().toString(), "--config", file.toString(),
                            "--data", data.toString());
                    assertEquals(0, r.code(), r.err());
                }
                // live: zoe is on a call now, during the degradation in progress, and presses the button
                assertEquals(0, run("active", "voice", "--user", "zoe", "--from", t0.minus(Duration.ofMinutes(30)).toString(),
                        "--to", t0.plus(Duration.ofMinutes(30)).toString(), "--config", file.toString(),
                        "--data", data.toString()).code());
                long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (liveRtt.size() < 3 && System.nanoTime() < end) {
                    Thread.sleep(100);
                }
                assertTrue(liveRtt.size() >= 3 && liveRtt.stream().allMatch(s -> s.value() > 250),
                        "the live polls see the degradation: " + liveRtt);
                assertEquals(0, run("complain", "voice", "--user", "zoe", "--at", clock.instant().toString(),
                        "--config", file.toString(), "--data", data.toString()).code());

                Run r = run("thresholds", "suggest", "voice", "--json", "--from", t0.minus(HISTORY).toString(),
                        "--to", clock.instant().toString(), "--config", file.toString(), "--data", data.toString());
                assertEquals(0, r.code(), r.err());
                System.out.println(r.out());
                JsonNode j = new ObjectMapper().readTree(r.out());
                assertTrue(j.get("complaints_accepted").asInt() >= 10, r.out());
                JsonNode top = j.get("metrics").get(0);
                assertEquals("wan1:cisco_rtt/20/rtt", top.get("series").asText(), r.out());
                assertTrue(top.get("significant").asBoolean(), r.out());

                // the good and bad levels, from the model: RTT outside and inside degradations
                double good = 0;
                double worst = Double.MAX_VALUE;
                for (Instant t = t0.minus(HISTORY); t.isBefore(t0); t = t.plusSeconds(60)) {
                    Duration since = Duration.between(t0, t);
                    boolean near = degradation.activeAt(since) || degradation.activeAt(since.plusMinutes(5))
                            || degradation.activeAt(since.minusMinutes(5));
                    double rtt = model.ipSla(20, t).rttMs();
                    if (degradation.activeAt(since)) {
                        worst = Math.min(worst, rtt);
                    } else if (!near) {
                        good = Math.max(good, rtt);
                    }
                }
                double tf = top.get("t_frustrated").asDouble();
                double ts = top.get("t_satisfied").asDouble();
                double t = top.get("apdex_t").asDouble();
                System.out.printf("good RTT <= %.1f ms, degraded RTT >= %.1f ms, suggested T_frustrated %.1f ms, "
                        + "T_satisfied %.1f ms, Apdex t %.1f ms%n", good, worst, tf, ts, t);
                // the Apdex T (T_frustrated / 4) lies between the good and the bad level; the frustrated
                // level is what the complained-about samples reached, the satisfied one what normal time had
                assertTrue(good < t && t < worst, "Apdex t " + t + " between good " + good + " and bad " + worst);
                assertTrue(good < tf && tf <= top.get("complaint_windows").get("median").asDouble(), "T_frustrated " + tf);
                assertTrue(ts < t && ts >= top.get("normal_windows").get("median").asDouble(), "T_satisfied " + ts);
                for (int i = 1; i < j.get("metrics").size(); i++) {
                    JsonNode m = j.get("metrics").get(i);
                    assertFalse(m.get("significant").asBoolean(), "unrelated: " + m);
                }
                assertEquals(List.of("wan1:cisco_rtt/20/rtt", "wan1:cisco_rtt/30/rtt", "wan1:cisco_cpu/7/load5min",
                                "wan1:interfaces/2/inOctets").stream().sorted().toList(),
                        j.findValuesAsText("series").stream().sorted().toList());
            }
        }
    }
}
