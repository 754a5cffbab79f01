package io.mibwatch.thresholds.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A firing alert's value moves every poll; the store gets it with the next event or the periodic
 * recheck (in the burst benchmark one write per firing alert and poll was a cost of its own), while states are
 * written at once. Real SQLite file; nothing stored in the series store.
 */
class AlertPipelineValuesTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final SeriesId CPU = new SeriesId("r1", "cpu", "1", "load");
    static final String ID = "reference:cpu/load@r1/cpu/1/load";

    @TempDir
    Path tmp;

    @Test
    void valuesOfAFiringAlertReachTheStoreByTheNextRecheckStatesAtOnce() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                """, "test.yaml");
        ManualClock clock = new ManualClock(T0);
        Path db = tmp.resolve("alerts.db");
        try (AlertPipeline a = AlertPipeline.open(cfg, db, StoredData.EMPTY, clock, AlertPipeline.RECHECK)) {
            Instant at = T0;
            int i = 0;
            while (a.store().alert(ID).map(r -> r.state() != AlertState.FIRING).orElse(true)) {
                at = T0.plusSeconds(60L * i++);
                cycle(a, clock, at, 95);
                if (i > 10) {
                    throw new AssertionError("cpu at 95 % never fired: " + a.store().alerts());
                }
            }
            // the cycle that fired it wrote it, with its value
            assertEquals(95, row(a).value().orElseThrow());
            // a new value, nothing else: the store keeps the last written one until the recheck
            at = at.plusSeconds(60);
            cycle(a, clock, at, 97);
            assertEquals(97, a.tracker().alert(io.mibwatch.thresholds.alert.AlertId.parse(ID)).orElseThrow().value());
            assertEquals(95, row(a).value().orElseThrow());
            a.periodic();
            assertEquals(97, row(a).value().orElseThrow());
            // a value left pending is written on close, not lost
            at = at.plusSeconds(60);
            cycle(a, clock, at, 99);
        }
        try (AlertStore reopened = AlertStore.open(db)) {
            AlertRow r = reopened.alert(ID).orElseThrow();
            assertEquals(AlertState.FIRING, r.state());
            assertEquals(99, r.value().orElseThrow());
        }
    }

    static AlertRow row(AlertPipeline a) {
        return a.store().alert(ID).orElseThrow();
    }

    static void cycle(AlertPipeline a, ManualClock clock, Instant at, double cpu) {
        clock.set(at);
        a.onCycle(DeviceCycle.reached("r1", at.plusMillis(5), List.of(new Sample(CPU, at, cpu)), false));
    }
}
