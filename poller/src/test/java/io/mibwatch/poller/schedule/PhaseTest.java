package io.mibwatch.poller.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhaseTest {

    @ParameterizedTest
    @CsvSource({
            // now (epoch ms), interval s
            "0, 60",
            "59999, 60",
            "1700000000123, 60",
            "1700000000123, 300",
            "1700000000123, 1"
    })
    void firstFireIsWithinOneIntervalAndOnTheDevicesPhase(long nowMs, long intervalS) {
        Instant now = Instant.ofEpochMilli(nowMs);
        Duration interval = Duration.ofSeconds(intervalS);
        for (String dev : new String[] {"core1", "edge-2", "srv.example.org"}) {
            Instant fire = Phase.firstFire(dev, interval, now);
            assertTrue(!fire.isBefore(now), "not before now");
            assertTrue(fire.toEpochMilli() - nowMs < interval.toMillis(), "within one interval");
            assertEquals(Phase.offset(dev, interval).toMillis(), Math.floorMod(fire.toEpochMilli(), interval.toMillis()));
        }
    }

    @Test
    void offsetIsStableAcrossCalls() {
        assertEquals(Phase.offset("core1", Duration.ofSeconds(60)), Phase.offset("core1", Duration.ofSeconds(60)));
    }

    @Test
    void manyDevicesSpreadOverTheInterval() {
        // 600 devices on a 60 s interval: every 10-second bucket gets a fair share, none is empty
        int[] buckets = new int[6];
        IntStream.range(0, 600).forEach(i ->
                buckets[(int) (Phase.offset("dev" + i, Duration.ofSeconds(60)).toMillis() / 10_000)]++);
        for (int b : buckets) {
            assertTrue(b > 60 && b < 140, "bucket count " + b);
        }
        Set<Long> distinct = new HashSet<>();
        IntStream.range(0, 600).forEach(i -> distinct.add(Phase.offset("dev" + i, Duration.ofSeconds(60)).toMillis()));
        assertTrue(distinct.size() > 590, "offsets are mostly distinct: " + distinct.size());
    }
}
