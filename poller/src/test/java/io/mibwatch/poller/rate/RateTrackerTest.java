package io.mibwatch.poller.rate;

import static io.mibwatch.core.series.ValueKind.COUNTER64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RateTrackerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final SeriesId IN = new SeriesId("core1", "if", "3", "inOctets");
    static final SeriesId OUT = new SeriesId("core1", "if", "3", "outOctets");
    static final SeriesId OTHER = new SeriesId("edge1", "if", "1", "inOctets");

    static CounterObservation at(long seconds, long raw) {
        return new CounterObservation(raw, COUNTER64, T0.plusSeconds(seconds), 1_000_000 + seconds * 100, -1);
    }

    static GapReason gapReason(RateResult r) {
        return assertInstanceOf(RateResult.Gap.class, r).reason();
    }

    static double perSecond(RateResult r) {
        return assertInstanceOf(RateResult.Rate.class, r).perSecond();
    }

    @Test
    void firstOfferIsAGapThenRatesFollowPerSeries() {
        RateTracker t = new RateTracker();
        assertEquals(GapReason.FIRST_SAMPLE, gapReason(t.offer(IN, at(0, 1_000), Double.NaN)));
        assertEquals(GapReason.FIRST_SAMPLE, gapReason(t.offer(OUT, at(0, 50), Double.NaN)));
        assertEquals(100.0, perSecond(t.offer(IN, at(60, 7_000), Double.NaN)));
        assertEquals(1.0, perSecond(t.offer(OUT, at(60, 110), Double.NaN)));
        assertEquals(50.0, perSecond(t.offer(IN, at(120, 10_000), Double.NaN)));
        assertEquals(2, t.size());
    }

    @Test
    void aGapStillMovesTheBaseline() {
        RateTracker t = new RateTracker();
        t.offer(IN, at(0, 0), 100.0);
        assertEquals(GapReason.IMPLAUSIBLE_RATE, gapReason(t.offer(IN, at(60, 60_000_000), 100.0)));
        // the next rate is from the implausible value on, not from 0 again
        assertEquals(10.0, perSecond(t.offer(IN, at(120, 60_000_600), 100.0)));
    }

    @Test
    void forgetStartsOver() {
        RateTracker t = new RateTracker();
        t.offer(IN, at(0, 0), Double.NaN);
        t.offer(OUT, at(0, 0), Double.NaN);
        t.offer(OTHER, at(0, 0), Double.NaN);
        t.forget(IN);
        assertEquals(GapReason.FIRST_SAMPLE, gapReason(t.offer(IN, at(60, 600), Double.NaN)));
        t.forgetDevice("core1");
        assertEquals(1, t.size());
        assertEquals(GapReason.FIRST_SAMPLE, gapReason(t.offer(OUT, at(120, 600), Double.NaN)));
        assertEquals(5.0, perSecond(t.offer(OTHER, at(120, 600), Double.NaN)));
    }

    /**
     * Threads race to offer the first observation of many fresh series at once. With an atomic
     * update exactly one offer per series finds no previous value; a get-then-put tracker lets two
     * threads both see "none" and both report a first sample (and lose one baseline).
     */
    @Test
    void concurrentFirstOffersSeeExactlyOneFirstSample() throws Exception {
        RateTracker t = new RateTracker();
        int threads = 4;
        int series = 20_000;
        List<SeriesId> ids = new ArrayList<>();
        for (int i = 0; i < series; i++) {
            ids.add(new SeriesId("d" + i, "if", "1", "inOctets"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> futures = new ArrayList<>();
        for (int th = 0; th < threads; th++) {
            final long offset = th;
            futures.add(pool.submit(() -> {
                start.await();
                int[] firsts = new int[series];
                for (int i = 0; i < series; i++) {
                    RateResult r = t.offer(ids.get(i), at(offset, offset * 10), Double.NaN);
                    if (r instanceof RateResult.Gap g && g.reason() == GapReason.FIRST_SAMPLE) {
                        firsts[i]++;
                    }
                }
                return firsts;
            }));
        }
        start.countDown();
        int[] total = new int[series];
        for (Future<int[]> f : futures) {
            int[] firsts = f.get(60, TimeUnit.SECONDS);
            for (int i = 0; i < series; i++) {
                total[i] += firsts[i];
            }
        }
        pool.shutdown();
        for (int i = 0; i < series; i++) {
            assertEquals(1, total[i], "first samples of " + ids.get(i));
        }
        assertEquals(series, t.size());
    }
}
