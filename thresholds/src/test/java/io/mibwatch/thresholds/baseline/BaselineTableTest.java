package io.mibwatch.thresholds.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.ThresholdsConfig.BaselineReference;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BaselineTableTest {

    static final Instant END = Instant.parse("2026-11-02T00:00:00Z"); // a Monday, midnight UTC

    // ---- independent reference: different slot arithmetic, percentiles by counting, mean by Kahan-free summation order

    /** Slot key by LocalDateTime fields, computed without SlotWidth/DayKind. */
    private static String refKey(Instant at, ZoneId zone, int minutes, boolean split) {
        LocalDateTime l = LocalDateTime.ofInstant(at, zone);
        int minuteOfDay = l.toLocalTime().toSecondOfDay() / 60;
        String kind = !split ? "ALL" : (l.getDayOfWeek() == DayOfWeek.SATURDAY || l.getDayOfWeek() == DayOfWeek.SUNDAY
                ? "WEEKEND" : "WEEKDAY");
        return kind + "/" + (minuteOfDay - minuteOfDay % minutes);
    }

    /** Percentile straight from its definition: the smallest observed x with #(v <= x) >= p% of n. */
    private static double refPercentile(List<Double> values, int p) {
        double best = Double.POSITIVE_INFINITY;
        for (double x : values) {
            long le = values.stream().filter(v -> v <= x).count();
            if (le * 100 >= (long) p * values.size() && x < best) {
                best = x;
            }
        }
        return best;
    }

    static Stream<Arguments> widthsZonesSplit() {
        return Stream.of(
                Arguments.of(SlotWidth.MIN_20, ZoneId.of("UTC"), true),
                Arguments.of(SlotWidth.MIN_60, ZoneId.of("UTC"), true),
                Arguments.of(SlotWidth.MIN_20, ZoneId.of("Europe/Zurich"), false),
                Arguments.of(SlotWidth.MIN_60, ZoneId.of("America/New_York"), true));
    }

    @ParameterizedTest(name = "{0} {1} split={2}")
    @MethodSource("widthsZonesSplit")
    void fourWeeksMatchReferenceComputation(SlotWidth width, ZoneId zone, boolean split) {
        List<TimedValue> h = Synthetic.history(END, 28, zone, 42);
        BaselineTable t = BaselineTable.compute(h, Synthetic.STEP, width, split, zone);

        Map<String, List<Double>> ref = new HashMap<>();
        for (TimedValue tv : h) {
            ref.computeIfAbsent(refKey(tv.at(), zone, width.minutes(), split), k -> new ArrayList<>()).add(tv.value());
        }
        int checked = 0;
        for (DayKind k : DayKind.kinds(split)) {
            for (int slot = 0; slot < width.slotsPerDay(); slot++) {
                List<Double> vs = ref.get(k + "/" + slot * width.minutes());
                SlotStats s = t.rows().get(k).get(slot);
                assertEquals(vs.size(), s.count(), k + " slot " + slot);
                double mean = vs.stream().mapToDouble(Double::doubleValue).sum() / vs.size();
                assertEquals(mean, s.mean(), 1e-9, k + " slot " + slot + " mean");
                assertEquals(refPercentile(vs, 75), s.p75(), 0.0, k + " slot " + slot + " p75");
                assertEquals(refPercentile(vs, 90), s.p90(), 0.0, k + " slot " + slot + " p90");
                checked++;
            }
        }
        assertEquals(width.slotsPerDay() * (split ? 2 : 1), checked);
        // the shape shows: 11:00 on a weekday is office hours (80 +- 20 %), 03:00 is night (10 +- 20 %)
        SlotStats night = t.at(Instant.parse("2026-10-28T03:10:00Z").atZone(zone).withHour(3).toInstant());
        SlotStats office = t.at(Instant.parse("2026-10-28T11:10:00Z").atZone(zone).withHour(11).toInstant());
        assertTrue(night.p90() <= 12 && night.mean() >= 8, "night " + night);
        // unsplit, 11:00 mixes 5 office days (80) with 2 weekend days (30): mean about (5*80+2*30)/7 = 66
        assertTrue(office.mean() > (split ? 70 : 55) && office.p90() <= 96, "office " + office);
    }

    static Stream<Arguments> percentiles() {
        return Stream.of(
                // values, p, expected (nearest rank: sorted[ceil(p*n/100)-1])
                Arguments.of(new double[] {5}, 75, 5.0),
                Arguments.of(new double[] {1, 2, 3, 4}, 75, 3.0),
                Arguments.of(new double[] {1, 2, 3, 4}, 90, 4.0),
                Arguments.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 90, 9.0),
                Arguments.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 75, 8.0),
                Arguments.of(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110}, 90, 100.0),
                Arguments.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 100, 10.0),
                Arguments.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 1, 1.0));
    }

    @ParameterizedTest(name = "p{1} of {0} = {2}")
    @MethodSource("percentiles")
    void nearestRank(double[] sorted, int p, double expected) {
        assertEquals(expected, Percentile.nearestRank(sorted, p));
    }

    @Test
    void percentileRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Percentile.nearestRank(new double[0], 75));
        assertThrows(IllegalArgumentException.class, () -> Percentile.nearestRank(new double[] {1}, 0));
        assertThrows(IllegalArgumentException.class, () -> Percentile.nearestRank(new double[] {1}, 101));
    }

    @Test
    void gapsAreSkippedNotZero() {
        ZoneId utc = ZoneId.of("UTC");
        List<TimedValue> h = List.of(new TimedValue(Instant.parse("2026-11-02T03:01:00Z"), 10),
                new TimedValue(Instant.parse("2026-11-02T03:06:00Z"), Double.NaN),
                new TimedValue(Instant.parse("2026-11-02T03:11:00Z"), 20));
        SlotStats s = BaselineTable.compute(h, Synthetic.STEP, SlotWidth.MIN_20, false, utc)
                .at(Instant.parse("2026-11-02T03:15:00Z"));
        assertEquals(new SlotStats(2, 15, 20, 20), s);
    }

    @Test
    void aReferenceNamesOneStatisticOfASlot() {
        SlotStats s = new SlotStats(4, 10, 12, 15);
        assertEquals(10, s.statistic(BaselineReference.MEAN));
        assertEquals(12, s.statistic(BaselineReference.P75));
        assertEquals(15, s.statistic(BaselineReference.P90));
        assertTrue(Double.isNaN(SlotStats.EMPTY.statistic(BaselineReference.P90)));
    }

    static Stream<Arguments> arming() {
        // days of 5-minute history, split, width, armed with the default (2 weeks)?
        return Stream.of(
                Arguments.of(7, true, SlotWidth.MIN_20, false),
                Arguments.of(12, true, SlotWidth.MIN_20, false), // 8 weekdays: 32 < 36
                Arguments.of(13, true, SlotWidth.MIN_20, true), // 9 weekdays: 36 = 90 % of 40; 4 weekend days: 16
                Arguments.of(14, true, SlotWidth.MIN_20, true),
                Arguments.of(28, true, SlotWidth.MIN_20, true),
                Arguments.of(12, false, SlotWidth.MIN_60, false), // 144 < 152
                Arguments.of(13, false, SlotWidth.MIN_60, true),
                Arguments.of(14, false, SlotWidth.MIN_60, true));
    }

    @ParameterizedTest(name = "{0} days split={1} {2}: armed={3}")
    @MethodSource("arming")
    void armsAfterTwoWeeks(int days, boolean split, SlotWidth width, boolean armed) {
        ZoneId utc = ZoneId.of("UTC");
        BaselineTable t = BaselineTable.compute(Synthetic.history(END, days, utc, 1), Synthetic.STEP, width, split, utc);
        assertEquals(armed, t.armed(Arming.DEFAULT));
        assertEquals(armed ? BaselineState.ARMED : BaselineState.LEARNING, t.state(Arming.DEFAULT));
    }

    @Test
    void armingCountsAreTwoWeeksOfPollsPerSlot() {
        Duration five = Duration.ofMinutes(5);
        Arming all = new Arming(2, 100);
        assertEquals(2 * 5 * 4, all.minSamples(DayKind.WEEKDAY, SlotWidth.MIN_20, five));
        assertEquals(2 * 2 * 4, all.minSamples(DayKind.WEEKEND, SlotWidth.MIN_20, five));
        assertEquals(2 * 7 * 12, all.minSamples(DayKind.ALL, SlotWidth.MIN_60, five));
        // rows as wide as the slot: one per slot-day
        assertEquals(2 * 7, all.minSamples(DayKind.ALL, SlotWidth.MIN_60, Duration.ofHours(1)));
        // the default 90 %, rounded up
        assertEquals(36, Arming.DEFAULT.minSamples(DayKind.WEEKDAY, SlotWidth.MIN_20, five));
        assertEquals(15, Arming.DEFAULT.minSamples(DayKind.WEEKEND, SlotWidth.MIN_20, five)); // 14.4
        assertEquals(152, Arming.DEFAULT.minSamples(DayKind.ALL, SlotWidth.MIN_60, five)); // 151.2
        assertEquals(13, Arming.DEFAULT.minSamples(DayKind.ALL, SlotWidth.MIN_60, Duration.ofHours(1))); // 12.6
        assertThrows(IllegalArgumentException.class, () -> new Arming(0, 90));
        assertThrows(IllegalArgumentException.class, () -> new Arming(2, 101));
    }

    @Test
    void uniformMinimumAndMissingSlots() {
        ZoneId utc = ZoneId.of("UTC");
        // one day only at 03:00: every other slot is empty, so not armed even at 1 sample
        List<TimedValue> h = List.of(new TimedValue(Instant.parse("2026-11-02T03:00:00Z"), 1));
        BaselineTable t = BaselineTable.compute(h, Synthetic.STEP, SlotWidth.MIN_60, false, utc);
        assertFalse(t.armed(1));
        assertTrue(t.armed(0));
        assertEquals(0, t.minCount());
    }

    @Test
    void slotWidthParsesAndNamesSlots() {
        assertEquals(SlotWidth.MIN_20, SlotWidth.parse("20m"));
        assertEquals(SlotWidth.MIN_60, SlotWidth.parse("60m"));
        assertEquals(72, SlotWidth.MIN_20.slotsPerDay());
        assertEquals(24, SlotWidth.MIN_60.slotsPerDay());
        assertEquals(LocalTime.of(23, 40), SlotWidth.MIN_20.start(71));
        assertEquals(9, SlotWidth.MIN_20.slotOf(LocalTime.of(3, 19, 59)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SlotWidth.parse("15m"));
        assertTrue(e.getMessage().contains("'15m'"), e.getMessage());
    }
}
