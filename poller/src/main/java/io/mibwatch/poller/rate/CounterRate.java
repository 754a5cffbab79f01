package io.mibwatch.poller.rate;

import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.ValueKind;
import java.time.Duration;

/**
 * Turns two successive observations of one counter into a per-second rate, or a gap.
 *
 * <p>Order of the checks, and why:
 * <ol>
 *   <li>no previous observation: {@link GapReason#FIRST_SAMPLE};</li>
 *   <li>the second observation is not later: {@link GapReason#NO_TIME_ELAPSED} (nothing else can be
 *       judged without an interval);</li>
 *   <li>the agent restarted, judged from sysUpTime: {@link GapReason#AGENT_RESTART}. RFC 2578
 *       section 7.1.6 says counter values only have meaning between re-initialisations, and
 *       sysUpTime is the standard way to see one. This comes before any counter arithmetic so that
 *       a counter that restarted from zero never becomes a 2^32 "wrap" spike;</li>
 *   <li>ifCounterDiscontinuityTime changed (RFC 2863 section 3.1.5): {@link GapReason#DISCONTINUITY};</li>
 *   <li>the delta: a Counter32 decrease is exactly one wrap (RFC 2578 section 7.1.6); a Counter64
 *       decrease is a wrap only when the caller's limit says the wrapped delta is possible, else
 *       {@link GapReason#COUNTER_RESET} (see {@link #delta});</li>
 *   <li>the rate is the delta over the <em>real</em> time between the two observations (a missed
 *       poll just makes the interval longer) and must not exceed {@code maxPerSecond}, else
 *       {@link GapReason#IMPLAUSIBLE_RATE}.</li>
 * </ol>
 *
 * <p>Limits of what can be known: if more than one Counter32 wrap happened between two polls the
 * rate is silently too low (at 1 Gb/s ifInOctets wraps every 34 s, which is why RFC 2863 section
 * 3.1.6 asks for the 64-bit ifHC* counters on fast interfaces; the metric catalog prefers them).
 */
public final class CounterRate {

    /** 2^32: the modulus of Counter32 (RFC 2578 section 7.1.6) and TimeTicks (section 7.1.8). */
    static final long TWO_POW_32 = CounterObservation.TWO_POW_32;

    /**
     * How far the agent's sysUpTime may disagree with our wall clock before we call it a restart:
     * the larger of 10% of the elapsed time and 10 s. Our timestamps are taken when a response
     * arrives, the agent reads its clock when it handles the request, so the two differ by the
     * request latency including retries (5 s timeout, 2 retries by default: up to ~10 s between
     * sending and the answered attempt), plus clock drift and NTP slews, which are well under 10%.
     */
    static final double UPTIME_TOLERANCE_FRACTION = 0.10;
    static final long UPTIME_TOLERANCE_MIN_TICKS = 10 * 100;

    private CounterRate() {
    }

    /**
     * @param prev         the previous observation of the series, or null if there is none
     * @param cur          the current observation
     * @param maxPerSecond the highest believable rate (e.g. {@link LineRate#maxOctetsPerSecond});
     *                     NaN, zero or negative means no limit
     */
    public static RateResult rate(CounterObservation prev, CounterObservation cur, double maxPerSecond) {
        if (cur == null) {
            throw new NullPointerException("cur");
        }
        if (prev == null) {
            return new RateResult.Gap(GapReason.FIRST_SAMPLE, "no previous value");
        }
        Duration elapsed = Duration.between(prev.at(), cur.at());
        if (elapsed.isNegative() || elapsed.isZero()) {
            return new RateResult.Gap(GapReason.NO_TIME_ELAPSED,
                    "previous observation at " + prev.at() + ", current at " + cur.at());
        }
        double seconds = elapsed.getSeconds() + elapsed.getNano() / 1e9;

        String restart = restart(prev, cur, seconds);
        if (restart != null) {
            return new RateResult.Gap(GapReason.AGENT_RESTART, restart);
        }
        if (prev.hasDiscontinuityTime() && cur.hasDiscontinuityTime()
                && prev.discontinuityTicks() != cur.discontinuityTicks()) {
            return new RateResult.Gap(GapReason.DISCONTINUITY, "ifCounterDiscontinuityTime changed from "
                    + prev.discontinuityTicks() + " to " + cur.discontinuityTicks() + " ticks");
        }
        if (prev.kind() != cur.kind()) {
            // the agent now answers with another type for the same series (e.g. after a firmware
            // change): the two values count on different scales, so nothing can be subtracted.
            return new RateResult.Gap(GapReason.DISCONTINUITY,
                    "counter type changed from " + prev.kind() + " to " + cur.kind());
        }

        boolean limited = hasLimit(maxPerSecond);
        double delta = delta(prev, cur, seconds, limited ? maxPerSecond : Double.NaN);
        if (Double.isNaN(delta)) {
            return new RateResult.Gap(GapReason.COUNTER_RESET, "Counter64 went down from "
                    + Long.toUnsignedString(prev.raw()) + " to " + Long.toUnsignedString(cur.raw())
                    + " and a 2^64 wrap would mean " + formatRate(wrappedDelta64(prev, cur) / seconds)
                    + (limited ? ", above the limit " + formatRate(maxPerSecond) : " (no limit given)"));
        }
        double perSecond = delta / seconds;
        if (limited && perSecond > maxPerSecond) {
            return new RateResult.Gap(GapReason.IMPLAUSIBLE_RATE, formatRate(perSecond)
                    + " over " + seconds + " s is above the limit " + formatRate(maxPerSecond)
                    + " (from " + Long.toUnsignedString(prev.raw()) + " to "
                    + Long.toUnsignedString(cur.raw()) + ")");
        }
        return new RateResult.Rate(perSecond);
    }

    /** Convenience: no rate limit. */
    public static RateResult rate(CounterObservation prev, CounterObservation cur) {
        return rate(prev, cur, Double.NaN);
    }

    static boolean hasLimit(double maxPerSecond) {
        return !Double.isNaN(maxPerSecond) && maxPerSecond > 0;
    }

    /**
     * Why we think the agent re-initialised between the two observations, or null if it did not.
     *
     * <p>sysUpTime is TimeTicks, unsigned 32-bit hundredths of a second, so it wraps to 0 after
     * 2^32 ticks = 497.1 days of uptime (RFC 2578 section 7.1.8) without any restart. Its advance
     * between two polls must therefore match the wall time that passed:
     * <ul>
     *   <li>ticks went down: a wrap if {@code cur + 2^32 - prev} is within the tolerance of the
     *       elapsed wall time (the ticks <em>should</em> have wrapped), otherwise a restart;</li>
     *   <li>ticks went up, but by clearly less than the wall time: the agent restarted after the
     *       previous poll and has been up less long than the interval (a reboot loop, or a long
     *       outage while the previous uptime was still short). Without this a reboot loop would
     *       pass as normal; the price is one gap if our own clock is stepped forward.</li>
     * </ul>
     * Ticks that advanced <em>more</em> than wall time are no restart (fast agent clock, or our
     * clock stepped back) and are left alone.
     */
    static String restart(CounterObservation prev, CounterObservation cur, double seconds) {
        if (!prev.hasUpTime() || !cur.hasUpTime()) {
            return null;
        }
        double elapsedTicks = seconds * 100.0;
        double tolerance = Math.max(elapsedTicks * UPTIME_TOLERANCE_FRACTION, UPTIME_TOLERANCE_MIN_TICKS);
        long p = prev.sysUpTimeTicks();
        long c = cur.sysUpTimeTicks();
        if (c < p) {
            long wrappedAdvance = c + TWO_POW_32 - p;
            if (Math.abs(wrappedAdvance - elapsedTicks) <= tolerance) {
                return null; // sysUpTime wrapped at 2^32 ticks while the agent kept running
            }
            return "sysUpTime went back from " + p + " to " + c + " ticks after " + seconds + " s";
        }
        long advance = c - p;
        if (advance + tolerance < elapsedTicks) {
            return "sysUpTime advanced " + advance + " ticks (" + advance / 100.0 + " s) in "
                    + seconds + " s of wall time: the agent restarted in between";
        }
        return null;
    }

    /**
     * The counter increase, or NaN when a Counter64 went down and no plausible wrap explains it.
     *
     * <p>Counter64 decision: a real wrap needs 2^64 counts; at 100 Gb/s (12.5e9 octets/s) that is
     * 46 years of traffic, and an agent starts its counters at zero. So a decrease is treated as a
     * wrap only if the caller gave a limit and the wrapped delta stays under it, which happens
     * only when the previous value was already within one interval's worth of 2^64 (agents and
     * simulators that start counters near the top to exercise wrap handling). With no limit a
     * decrease is always a {@link GapReason#COUNTER_RESET}: better one missing sample than a
     * 1e19 spike.
     */
    static double delta(CounterObservation prev, CounterObservation cur, double seconds, double maxPerSecond) {
        if (cur.kind() == ValueKind.COUNTER32) {
            long d = cur.raw() >= prev.raw() ? cur.raw() - prev.raw() : cur.raw() + TWO_POW_32 - prev.raw();
            return d;
        }
        if (Long.compareUnsigned(cur.raw(), prev.raw()) >= 0) {
            // unsigned difference: two's complement subtraction is exact modulo 2^64
            return Reading.unsignedToDouble(cur.raw() - prev.raw());
        }
        double wrapped = wrappedDelta64(prev, cur);
        if (hasLimit(maxPerSecond) && wrapped / seconds <= maxPerSecond) {
            return wrapped;
        }
        return Double.NaN;
    }

    /** {@code cur + 2^64 - prev} for a Counter64 that went down; exact because Java longs wrap modulo 2^64. */
    static double wrappedDelta64(CounterObservation prev, CounterObservation cur) {
        return Reading.unsignedToDouble(cur.raw() - prev.raw());
    }

    private static String formatRate(double perSecond) {
        return String.format(java.util.Locale.ROOT, "%.6g/s", perSecond);
    }
}
