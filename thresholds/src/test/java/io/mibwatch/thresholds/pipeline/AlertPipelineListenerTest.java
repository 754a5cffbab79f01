package io.mibwatch.thresholds.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listeners see every stored transition as a console line, in order; one that throws stops no other. */
class AlertPipelineListenerTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final SeriesId CPU = new SeriesId("r1", "cpu", "1", "load");

    @TempDir
    Path tmp;

    @Test
    void transitionsOfAFaultReachTheListenersAsLines() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                """, "test.yaml");
        ManualClock clock = new ManualClock(T0);
        List<String> lines = new ArrayList<>();
        try (AlertPipeline a = AlertPipeline.open(cfg, tmp.resolve("alerts.db"), StoredData.EMPTY, clock,
                AlertPipeline.RECHECK)) {
            a.addListener(e -> {
                throw new IllegalStateException("a broken console");
            });
            a.addListener(e -> lines.add(e.line()));
            // the stock CPU rule: critical above 90 for 5 minutes, re-armed below 75
            double[] cpu = {95, 95, 95, 95, 95, 95, 40};
            for (int i = 0; i < cpu.length; i++) {
                Instant at = T0.plusSeconds(60L * i);
                clock.set(at);
                a.onCycle(DeviceCycle.reached("r1", at, List.of(new Sample(CPU, at, cpu[i])), false));
            }
        }
        String id = "reference:cpu/load@r1/cpu/1/load";
        assertEquals(List.of(
                "alert PENDING CRITICAL " + id + ": cpu/1/load = 95 > critical 90 (pending: 0s of 300s)",
                "alert FIRING CRITICAL " + id + ": cpu/1/load = 95 > critical 90",
                "alert RESOLVED CRITICAL " + id + ": cpu/1/load = 95 > critical 90"), lines);
    }
}
