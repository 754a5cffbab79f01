package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.baseline.BaselineService;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.StoredHistory;
import io.mibwatch.thresholds.baseline.TimedValue;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OnDemandBaselinesTest {
    static final Instant NOW = Instant.parse("2026-11-16T12:00:00Z");
    static final SeriesId S = new SeriesId("r1", "cpu", "1", "load");

    @Test
    void learnsWithTheBaselineMathsOnceThenAgainAfterKeep() {
        AtomicInteger reads = new AtomicInteger();
        List<Instant> asked = new ArrayList<>();
        StoredHistory history = (series, from, to, maxStep) -> {
            reads.incrementAndGet();
            asked.add(from);
            List<TimedValue> v = new ArrayList<>();
            for (Instant t = from; t.isBefore(to); t = t.plus(Duration.ofMinutes(5))) {
                v.add(new TimedValue(t, t.atZone(ZoneOffset.UTC).getHour()));
            }
            return new StoredHistory.Rows(Duration.ofMinutes(5), v);
        };
        ManualClock clock = new ManualClock(NOW);
        BaselineService.Settings settings = BaselineService.Settings.defaults(ZoneOffset.UTC);
        OnDemandBaselines b = new OnDemandBaselines(history, settings, clock, Duration.ofHours(1));
        BaselineTable t = b.forSeries(S, SlotWidth.MIN_20).orElseThrow();
        assertEquals(Instant.parse("2026-10-19T12:00:00Z"), asked.get(0), "four weeks back");
        assertEquals(6.0, t.at(Instant.parse("2026-11-13T06:30:00Z")).p90(), 1e-12);
        clock.advance(Duration.ofMinutes(59));
        b.forSeries(S, SlotWidth.MIN_20);
        assertEquals(1, reads.get(), "cached within the hour");
        b.forSeries(S, SlotWidth.MIN_60);
        assertEquals(2, reads.get(), "each slot width learned on its own");
        clock.advance(Duration.ofMinutes(1));
        b.forSeries(S, SlotWidth.MIN_20);
        assertEquals(3, reads.get(), "learned again after an hour");
    }

    @Test
    void anUnreadableSeriesHasNoBaseline() {
        OnDemandBaselines b = new OnDemandBaselines((s, f, t, m) -> {
            throw new IllegalStateException("no stored series " + s);
        }, BaselineService.Settings.defaults(ZoneOffset.UTC), new ManualClock(NOW), Duration.ofHours(1));
        assertTrue(b.forSeries(S, SlotWidth.MIN_20).isEmpty());
    }
}
