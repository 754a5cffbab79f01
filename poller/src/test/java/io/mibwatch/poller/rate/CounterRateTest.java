package io.mibwatch.poller.rate;

import static io.mibwatch.core.series.ValueKind.COUNTER32;
import static io.mibwatch.core.series.ValueKind.COUNTER64;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.series.ValueKind;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CounterRateTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final long TWO_POW_32 = 1L << 32;
    static final double NO_LIMIT = Double.NaN;
    /** 100 Mb/s interface with the default 10% tolerance: 13.75e6 octets/s. */
    static final double FAST_ETHERNET = LineRate.maxOctetsPerSecond(100e6);
    /** A long-running agent: 200 days of uptime in ticks. */
    static final long UP = 200L * 86400 * 100;

    /** Observation {@code millis} after T0 with sysUpTime and ifCounterDiscontinuityTime. */
    static CounterObservation obs(ValueKind kind, long raw, long millis, long upTicks, long discTicks) {
        return new CounterObservation(raw, kind, T0.plusMillis(millis), upTicks, discTicks);
    }

    static CounterObservation obs(ValueKind kind, long raw, long millis, long upTicks) {
        return obs(kind, raw, millis, upTicks, -1);
    }

    static Arguments rate(String name, CounterObservation prev, CounterObservation cur, double max, double perSecond) {
        return arguments(name, prev, cur, max, new RateResult.Rate(perSecond));
    }

    static Arguments gap(String name, CounterObservation prev, CounterObservation cur, double max, GapReason reason) {
        return arguments(name, prev, cur, max, reason);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                rate("normal increase, Counter32",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 7_000, 60_000, UP + 6_000), NO_LIMIT, 100.0),
                rate("normal increase, Counter64",
                        obs(COUNTER64, 5_000_000_000L, 0, UP), obs(COUNTER64, 5_000_060_000L, 60_000, UP + 6_000),
                        NO_LIMIT, 1_000.0),
                rate("no change is a rate of zero, not a gap",
                        obs(COUNTER32, 42, 0, UP), obs(COUNTER32, 42, 60_000, UP + 6_000), NO_LIMIT, 0.0),
                rate("Counter32 wrap: one wrap past 2^32",
                        obs(COUNTER32, TWO_POW_32 - 1_000, 0, UP), obs(COUNTER32, 5_000, 60_000, UP + 6_000),
                        NO_LIMIT, 100.0),
                rate("Counter32 wrap from the maximum to zero",
                        obs(COUNTER32, TWO_POW_32 - 1, 0, UP), obs(COUNTER32, 0, 60_000, UP + 6_000),
                        NO_LIMIT, 1.0 / 60),
                rate("Counter32 wrap, within the limit",
                        obs(COUNTER32, TWO_POW_32 - 600_000, 0, UP), obs(COUNTER32, 600_000, 60_000, UP + 6_000),
                        FAST_ETHERNET, 20_000.0),
                rate("Counter64 near 2^64, still increasing (both above Long.MAX_VALUE)",
                        obs(COUNTER64, -1_000L, 0, UP), obs(COUNTER64, -400L, 60_000, UP + 6_000), NO_LIMIT, 10.0),
                rate("Counter64 crossing 2^63 is an increase, not a decrease",
                        obs(COUNTER64, Long.MAX_VALUE - 100, 0, UP), obs(COUNTER64, Long.MIN_VALUE + 500, 60_000, UP + 6_000),
                        NO_LIMIT, 601.0 / 60),
                rate("Counter64 wrap past 2^64, plausible under the limit",
                        obs(COUNTER64, -600L, 0, UP), obs(COUNTER64, 600, 60_000, UP + 6_000), FAST_ETHERNET, 20.0),
                gap("Counter64 decrease without a limit is a reset",
                        obs(COUNTER64, -600L, 0, UP), obs(COUNTER64, 600, 60_000, UP + 6_000), NO_LIMIT,
                        GapReason.COUNTER_RESET),
                gap("Counter64 decrease whose wrap would be far above the limit is a reset",
                        obs(COUNTER64, 5_000_000_000_000L, 0, UP), obs(COUNTER64, 100, 60_000, UP + 6_000),
                        FAST_ETHERNET, GapReason.COUNTER_RESET),
                gap("Counter64 decrease with a zero limit (= no limit) is a reset",
                        obs(COUNTER64, 1_000, 0, UP), obs(COUNTER64, 10, 60_000, UP + 6_000), 0.0,
                        GapReason.COUNTER_RESET),
                gap("reboot: sysUpTime back, counters small",
                        obs(COUNTER32, 4_000_000_000L, 0, UP), obs(COUNTER32, 1_000, 60_000, 3_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                gap("reboot of a Counter64 series: restart wins over reset",
                        obs(COUNTER64, 9_000_000_000L, 0, UP), obs(COUNTER64, 1_000, 60_000, 3_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                gap("reboot where the new counter is higher: still a restart, not a rate",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 9_000_000, 60_000, 3_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                gap("reboot loop: uptime went up, but less than the wall time allows",
                        obs(COUNTER32, 1_000, 0, 3_000), obs(COUNTER32, 2_000, 60_000, 4_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                gap("reboot unseen (no sysUpTime): the fake Counter32 wrap is above line rate",
                        obs(COUNTER32, 1_000_000, 0, -1), obs(COUNTER32, 100, 60_000, -1),
                        FAST_ETHERNET, GapReason.IMPLAUSIBLE_RATE),
                rate("sysUpTime wraps at 2^32 ticks (497 days) while the agent keeps running",
                        obs(COUNTER32, 1_000, 0, TWO_POW_32 - 3_000), obs(COUNTER32, 7_000, 60_000, 3_000),
                        NO_LIMIT, 100.0),
                rate("sysUpTime wraps during a missed poll",
                        obs(COUNTER32, 1_000, 0, TWO_POW_32 - 3_000), obs(COUNTER32, 31_000, 300_000, 27_000),
                        NO_LIMIT, 100.0),
                gap("sysUpTime back near 2^32, but by far less than the wall time: restart",
                        obs(COUNTER32, 1_000, 0, TWO_POW_32 - 3_000), obs(COUNTER32, 7_000, 60_000, 50_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                gap("sysUpTime back just after its own wrap point, restart shortly after: too little advance",
                        obs(COUNTER32, 1_000, 0, TWO_POW_32 - 100), obs(COUNTER32, 7_000, 600_000, 2_000),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                rate("sysUpTime a few seconds behind wall time (response latency): no restart",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 7_000, 60_000, UP + 5_200), NO_LIMIT, 100.0),
                rate("sysUpTime ahead of wall time (our clock stepped back): no restart",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 7_000, 60_000, UP + 9_000), NO_LIMIT, 100.0),
                gap("ifCounterDiscontinuityTime changed",
                        obs(COUNTER64, 9_000_000, 0, UP, 0), obs(COUNTER64, 100, 60_000, UP + 6_000, UP + 3_000),
                        NO_LIMIT, GapReason.DISCONTINUITY),
                gap("ifCounterDiscontinuityTime changed while the counter still went up",
                        obs(COUNTER64, 1_000, 0, UP, 0), obs(COUNTER64, 2_000, 60_000, UP + 6_000, UP + 3_000),
                        NO_LIMIT, GapReason.DISCONTINUITY),
                rate("ifCounterDiscontinuityTime unchanged",
                        obs(COUNTER64, 1_000, 0, UP, 12_345), obs(COUNTER64, 7_000, 60_000, UP + 6_000, 12_345),
                        NO_LIMIT, 100.0),
                rate("ifCounterDiscontinuityTime unknown on one side is not a discontinuity",
                        obs(COUNTER64, 1_000, 0, UP, -1), obs(COUNTER64, 7_000, 60_000, UP + 6_000, 12_345),
                        NO_LIMIT, 100.0),
                gap("restart and discontinuity together: restart is reported",
                        obs(COUNTER64, 1_000, 0, UP, 12_345), obs(COUNTER64, 10, 60_000, 3_000, 0),
                        NO_LIMIT, GapReason.AGENT_RESTART),
                rate("missed poll: double interval, rate over the real elapsed time",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 13_000, 120_000, UP + 12_000), NO_LIMIT, 100.0),
                rate("sub-second interval",
                        obs(COUNTER64, 1_000, 0, UP), obs(COUNTER64, 1_050, 500, UP + 50), NO_LIMIT, 100.0),
                gap("implausible rate: 16.7 MB/s on a 100 Mb/s interface",
                        obs(COUNTER64, 0, 0, UP), obs(COUNTER64, 1_000_000_000L, 60_000, UP + 6_000),
                        FAST_ETHERNET, GapReason.IMPLAUSIBLE_RATE),
                rate("exactly at the limit is still plausible",
                        obs(COUNTER64, 0, 0, UP), obs(COUNTER64, 6_000, 60_000, UP + 6_000), 100.0, 100.0),
                rate("the same delta is fine without a limit",
                        obs(COUNTER64, 0, 0, UP), obs(COUNTER64, 1_000_000_000L, 60_000, UP + 6_000),
                        NO_LIMIT, 1e9 / 60),
                gap("first sample", null, obs(COUNTER32, 1_000, 0, UP), NO_LIMIT, GapReason.FIRST_SAMPLE),
                gap("zero elapsed time",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER32, 2_000, 0, UP), NO_LIMIT, GapReason.NO_TIME_ELAPSED),
                gap("negative elapsed time (our clock stepped back)",
                        obs(COUNTER32, 1_000, 60_000, UP), obs(COUNTER32, 2_000, 0, UP + 6_000),
                        NO_LIMIT, GapReason.NO_TIME_ELAPSED),
                gap("counter type changed between polls",
                        obs(COUNTER32, 1_000, 0, UP), obs(COUNTER64, 2_000, 60_000, UP + 6_000),
                        NO_LIMIT, GapReason.DISCONTINUITY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rateOrGap(String name, CounterObservation prev, CounterObservation cur, double max, Object expected) {
        RateResult result = CounterRate.rate(prev, cur, max);
        if (expected instanceof RateResult.Rate want) {
            RateResult.Rate got = assertInstanceOf(RateResult.Rate.class, result, () -> name + ": " + result);
            assertEquals(want.perSecond(), got.perSecond(), Math.ulp(want.perSecond()) * 8 + 1e-12, name);
        } else {
            RateResult.Gap got = assertInstanceOf(RateResult.Gap.class, result, () -> name + ": " + result);
            assertEquals(expected, got.reason(), () -> name + ": " + got.detail());
            assertTrue(!got.detail().isBlank(), "gap detail explains the decision");
        }
    }

    @Test
    void restartDetailNamesTheTicks() {
        RateResult r = CounterRate.rate(obs(COUNTER32, 5, 0, 123_456_789), obs(COUNTER32, 1, 60_000, 3_000));
        RateResult.Gap gap = assertInstanceOf(RateResult.Gap.class, r);
        assertEquals("sysUpTime went back from 123456789 to 3000 ticks after 60.0 s", gap.detail());
    }

    @Test
    void resetDetailPrintsUnsignedValues() {
        RateResult r = CounterRate.rate(obs(COUNTER64, -1L, 0, UP), obs(COUNTER64, 5, 60_000, UP + 6_000));
        RateResult.Gap gap = assertInstanceOf(RateResult.Gap.class, r);
        assertTrue(gap.detail().startsWith("Counter64 went down from 18446744073709551615 to 5"), gap.detail());
    }

    @Test
    void gapBecomesNaNSampleAndRateItsValue() {
        SeriesId id = new SeriesId("core1", "if", "3", "inOctets");
        assertTrue(new RateResult.Gap(GapReason.FIRST_SAMPLE, "x").toSample(id, T0).isGap());
        assertEquals(12.5, new RateResult.Rate(12.5).toSample(id, T0).value());
    }

    @Test
    void rejectsValuesOutsideTheirType() {
        assertThrows(IllegalArgumentException.class, () -> CounterObservation.of(TWO_POW_32, COUNTER32, T0));
        assertThrows(IllegalArgumentException.class, () -> CounterObservation.of(-1, COUNTER32, T0));
        assertThrows(IllegalArgumentException.class, () -> CounterObservation.of(1, ValueKind.GAUGE, T0));
        assertThrows(IllegalArgumentException.class, () -> new CounterObservation(1, COUNTER64, T0, TWO_POW_32, -1));
        assertThrows(IllegalArgumentException.class, () -> new CounterObservation(1, COUNTER64, T0, 0, -2));
        assertThrows(IllegalArgumentException.class, () -> new RateResult.Rate(-1));
        assertThrows(IllegalArgumentException.class, () -> new RateResult.Rate(Double.NaN));
        // all 64 bits are a valid Counter64
        assertEquals(-1L, CounterObservation.of(-1L, COUNTER64, T0).raw());
    }

    @Test
    void lineRateLimit() {
        assertEquals(1.375e9, LineRate.maxOctetsPerSecond(10e9), 1e-3);
        assertEquals(1.25e8, LineRate.maxOctetsPerSecond(1e9, 1.0), 1e-6);
        assertTrue(Double.isNaN(LineRate.maxOctetsPerSecond(0)), "unknown speed means no limit");
        assertThrows(IllegalArgumentException.class, () -> LineRate.maxOctetsPerSecond(1e9, 0.9));
    }
}
