package io.mibwatch.thresholds.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BaselineServiceTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final SeriesId A = new SeriesId("core1", "cpu", "1", "load");
    static final SeriesId B = new SeriesId("core1", "cpu", "2", "load");
    static final Instant T0 = Instant.parse("2026-11-02T00:30:00Z");

    /** An in-memory store: synthetic history up to the asked end; records the calls. */
    static final class FakeStore implements StoredHistory {
        final List<String> calls = new ArrayList<>();
        volatile boolean failB;

        @Override
        public Rows history(SeriesId s, Instant from, Instant to, Duration maxStep) {
            calls.add(s.path() + " " + from + ".." + to + " " + maxStep.toMinutes() + "m");
            if (failB && s.equals(B)) {
                throw new IllegalStateException(s + ": unreadable");
            }
            int days = (int) Duration.between(from, to).toDays();
            return new Rows(Synthetic.STEP, Synthetic.history(to, days, UTC, s.hashCode()));
        }
    }

    static BaselineService.Settings settings() {
        return new BaselineService.Settings(4, Set.of(SlotWidth.MIN_60), true, UTC, Duration.ofDays(1));
    }

    @Test
    void learnsFourWeeksThenRefreshesAfterADay() {
        ManualClock clock = new ManualClock(T0);
        FakeStore store = new FakeStore();
        BaselineService svc = new BaselineService(store, clock, () -> List.of(A), settings());
        assertEquals(Optional.empty(), svc.forSeries(A, SlotWidth.MIN_60), "nothing before the first refresh");

        assertTrue(svc.refreshIfDue());
        assertEquals(List.of("cpu/1/load 2026-10-05T00:30:00Z..2026-11-02T00:30:00Z 60m"), store.calls);
        BaselineTable first = svc.forSeries(A, SlotWidth.MIN_60).orElseThrow();
        assertTrue(first.armed(Arming.DEFAULT));
        assertEquals(Optional.empty(), svc.forSeries(A, SlotWidth.MIN_20), "width not configured");
        assertEquals(Optional.empty(), svc.forSeries(B, SlotWidth.MIN_60), "series not configured");

        clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertFalse(svc.refreshIfDue());
        assertEquals(1, store.calls.size());
        assertSame(first, svc.forSeries(A, SlotWidth.MIN_60).orElseThrow());

        clock.advance(Duration.ofMinutes(1));
        assertTrue(svc.refreshIfDue());
        assertEquals("cpu/1/load 2026-10-06T00:30:00Z..2026-11-03T00:30:00Z 60m", store.calls.get(1));
        assertEquals(Optional.of(T0.plus(Duration.ofDays(1))), svc.lastRefresh());
        assertFalse(first == svc.forSeries(A, SlotWidth.MIN_60).orElseThrow(), "relearned");
    }

    @Test
    void oneUnreadableSeriesKeepsItsOldTableAndTheOthersRefresh() {
        ManualClock clock = new ManualClock(T0);
        FakeStore store = new FakeStore();
        BaselineService svc = new BaselineService(store, clock, () -> List.of(A, B), settings());
        svc.refreshIfDue();
        BaselineTable oldB = svc.forSeries(B, SlotWidth.MIN_60).orElseThrow();
        BaselineTable oldA = svc.forSeries(A, SlotWidth.MIN_60).orElseThrow();
        store.failB = true;
        clock.advance(Duration.ofDays(1));
        svc.refreshIfDue();
        assertSame(oldB, svc.forSeries(B, SlotWidth.MIN_60).orElseThrow());
        assertFalse(oldA == svc.forSeries(A, SlotWidth.MIN_60).orElseThrow());
    }

    @Test
    void backgroundThreadLearnsWithoutTheCaller() throws InterruptedException {
        ManualClock clock = new ManualClock(T0);
        CountDownLatch asked = new CountDownLatch(1);
        List<String> threads = new ArrayList<>();
        StoredHistory store = (s, from, to, max) -> {
            synchronized (threads) {
                threads.add(Thread.currentThread().getName());
            }
            asked.countDown();
            return new StoredHistory.Rows(Synthetic.STEP, List.of());
        };
        try (BaselineService svc = new BaselineService(store, clock, () -> List.of(A), settings())) {
            svc.start(Duration.ofMillis(10));
            assertTrue(asked.await(10, TimeUnit.SECONDS), "background refresh never ran");
            synchronized (threads) {
                assertEquals("baseline-refresh", threads.get(0));
            }
        }
    }
}
