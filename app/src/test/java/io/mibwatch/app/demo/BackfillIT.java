package io.mibwatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.Main;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.storage.Backfill;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.catalog.metric.StandardMetrics;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.OID;

/**
 * Four weeks of the built-in fleet backfilled into real RRD files: what is stored is the model,
 * and {@code mibwatch query} reads it back. Prints the figures (time, files, rows); asserts none
 * of them (no timed asserts).
 */
class BackfillIT {

    @Test
    void fourWeeksOfTheFleetAreStoredAsTheModelSaysAndQueryReadsThem(@TempDir Path dir) throws Exception {
        // backfill end = now, so that query's relative times (-7d) reach the backfilled rows
        Instant now = Instant.ofEpochSecond(Clock.systemUTC().instant().getEpochSecond());
        try (Simulation sim = Simulation.builder().builtIn().scenario(Scenario.EMPTY)
                .clock(new SimClock(new ManualClock(now), now, 1)).start()) {
            MibwatchConfig cfg = ConfigLoader.parse(Demo.configYaml(sim.endpoints(), Duration.ofSeconds(30)), "test");
            long t0 = System.nanoTime();
            Backfill.Report r = Demo.backfill(sim.models(), cfg, dir.resolve("rrd"), now, Duration.ofDays(28));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long bytes;
            try (Stream<Path> s = Files.walk(dir)) {
                bytes = s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
            }
            System.out.printf("backfill: 20 devices x 28 days in %d ms: %d files, %d rows, %.1f MiB%n",
                    ms, r.files(), r.rows(), bytes / 1048576.0);
            assertEquals(java.util.List.of(), r.errors());
            assertTrue(r.files() > 300, "files: " + r.files());

            // 1-hour averages of core1's busiest port equal the model's rate integral per hour within 1%
            DeviceModel core1 = sim.model("core1");
            OID hcIn1 = new OID("1.3.6.1.2.1.31.1.1.1.6.1");
            try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
                SeriesData d = store.fetch(new SeriesId("core1", "interfaces", "1", "inOctets"),
                        now.minus(Duration.ofDays(20)), now.minus(Duration.ofDays(13)), Duration.ofHours(1), Consolidation.AVERAGE);
                assertEquals(Duration.ofHours(1), d.step());
                int checked = 0;
                for (SeriesData.Point p : d.points()) {
                    double expected = core1.load(hcIn1).integral(core1.shape(), p.at().minusSeconds(3600), p.at()) / 3600;
                    assertEquals(expected, p.value(), expected * 0.01, "hour ending " + p.at());
                    checked++;
                }
                assertTrue(checked >= 168, "a week of hours: " + checked);
            }
        }
        StringWriter out = new StringWriter();
        int rc = Main.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "query", "core1", "interfaces/1/inOctets",
                "--from", "-7d", "--resolution", "3600", "--csv", "--data", dir.toString());
        assertEquals(0, rc, out.toString());
        long known = out.toString().lines().filter(l -> l.matches("\\d{4}-.*Z,[0-9.eE+-]+")).count();
        assertTrue(known >= 160, "query shows a week of hourly values: " + known + "\n" + out.toString().lines().limit(5).toList());
    }
}
