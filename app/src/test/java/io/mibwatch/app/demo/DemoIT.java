package io.mibwatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo machinery end to end, shortened: 30 minutes of backfill, a 5 s poll interval and the
 * demo's four kinds of event 8-10 s after the start. The daemon polls the fleet over UDP and
 * stores into the backfilled files; the alert transitions it shows are collected from its pipeline.
 */
class DemoIT {

    @Test
    void fleetBackfillAndDaemonRunTheScenarioAndStopCleanly(@TempDir Path dir) throws Exception {
        var scenario = ScenarioLoader.parse("""
                faults:
                  - {at: 8s, duration: 1m, device: srv2, kind: cpu_spike, value: 97}
                  - {at: 8s, duration: 1m, device: sw1, kind: interface_down, ifindex: 10201}
                  - {at: 9s, device: wan1, kind: reboot}
                  - {at: 10s, duration: 1m, device: fw1, kind: timeout}
                """, "demo-it.yaml");
        List<String> events = new CopyOnWriteArrayList<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        Instant started;
        try (Demo demo = Demo.start(new Demo.Settings(new DataDir(dir), Duration.ofMinutes(30), Duration.ofSeconds(5), scenario),
                Clock.systemUTC())) {
            started = demo.simulation().clock().simStart();
            System.out.println("demo started: " + demo.timings());
            assertEquals(List.of(), demo.timings().errors());
            assertTrue(demo.timings().files() > 300, "files: " + demo.timings().files());
            demo.daemon().alerting().addListener(e -> events.add(e.line()));
            demo.daemon().addListener(r -> {
                if (!r.ok()) failed.add(r.device());
            });
            // the CPU rule waits 5 minutes before firing: pending is what shows in this time
            String cpu = "alert PENDING CRITICAL reference:cpu/load@srv2/cpu/196608/load: cpu/196608/load = 97 > critical 90";
            String ifDown = "alert FIRING CRITICAL event:ifdown@sw1/interfaces/10201/operStatus: "
                    + "interface 10201 on sw1 is down while admin up";
            String reboot = "alert FIRING WARNING event:reboot@wan1/";
            long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
            while (System.nanoTime() < deadline && !(seen(events, cpu) && seen(events, ifDown)
                    && seen(events, reboot) && failed.contains("fw1"))) {
                Thread.sleep(200);
            }
            assertTrue(seen(events, cpu), events.toString());
            assertTrue(seen(events, ifDown), events.toString());
            assertTrue(seen(events, reboot), events.toString());
            assertTrue(failed.contains("fw1"), "fw1 timed out: " + failed);
            assertEquals(Set.of("fw1"), failed, "only fw1 fails");

            // the live polls continue the backfilled file: history before the start, polls after it
            SeriesData d = demo.daemon().store().fetch(new SeriesId("core1", "interfaces", "1", "inOctets"),
                    started.minus(Duration.ofMinutes(25)), started.minus(Duration.ofMinutes(5)), Duration.ofMinutes(5),
                    Consolidation.AVERAGE);
            assertTrue(d.points().stream().allMatch(p -> p.value() > 0), "backfilled: " + d.points());
            SeriesData live = demo.daemon().store().fetch(new SeriesId("srv2", "cpu", "196608", "load"),
                    started.plusSeconds(12), Instant.now(), Duration.ofSeconds(5), Consolidation.MAX);
            assertTrue(live.points().stream().anyMatch(p -> p.value() == 97), "live CPU spike stored: " + live.points());
        }
    }

    private static boolean seen(List<String> events, String part) {
        return events.stream().anyMatch(e -> e.contains(part));
    }
}
