package io.mibwatch.thresholds.redbutton;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.apdex.MemberTarget;
import io.mibwatch.thresholds.apdex.Target;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Synthetic days: one metric degrades exactly around the complaints, another is unrelated noise. */
class RedButtonTest {

    /** A Monday; working hours Mon-Fri 08:00-18:00 UTC. */
    static final Instant DAY = Instant.parse("2026-11-16T00:00:00Z");
    static final Activity WORKING_HOURS = new Activity(List.of(), Optional.of(new ServicesConfig.WorkingHours(
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneOffset.UTC)));
    static final MemberTarget LATENCY = new MemberTarget(new SeriesId("r1", "cisco_rtt", "1", "rtt"), Target.lowerIsBetter(50));
    static final MemberTarget NOISE = new MemberTarget(new SeriesId("r1", "cpu", "1", "load"), Target.lowerIsBetter(80));
    static final MemberTarget MOS = new MemberTarget(new SeriesId("r1", "cisco_rtt", "1", "mos"), new Target(4, false));

    /** Complaint times at 09:00, 10:30, ..., 16:30 (six), each inside a degradation of exactly its window. */
    static List<Instant> complaintTimes() {
        List<Instant> out = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            out.add(DAY.plus(Duration.ofMinutes(9 * 60 + 90L * i)));
        }
        return out;
    }

    static boolean degraded(Instant t) {
        // the complaint window of the default options: [c - 10m, c + 5m]
        return complaintTimes().stream().anyMatch(c -> !t.isBefore(c.minus(Duration.ofMinutes(10)))
                && !t.isAfter(c.plus(Duration.ofMinutes(5))));
    }

    /** Latency 20-40 ms normally, 300-400 ms when degraded; load uniform 10-90 %; MOS 4.2-4.4, 2.5-3 degraded. */
    static Map<MemberTarget, List<Sample>> day(long seed) {
        Random rnd = new Random(seed);
        Map<MemberTarget, List<Sample>> out = new LinkedHashMap<>();
        out.put(NOISE, new ArrayList<>());
        out.put(LATENCY, new ArrayList<>());
        out.put(MOS, new ArrayList<>());
        for (int m = 0; m < 24 * 60; m++) {
            Instant t = DAY.plus(Duration.ofMinutes(m));
            boolean bad = degraded(t);
            out.get(LATENCY).add(new Sample(LATENCY.series(), t, bad ? 300 + 100 * rnd.nextDouble() : 20 + 20 * rnd.nextDouble()));
            out.get(NOISE).add(new Sample(NOISE.series(), t, 10 + 80 * rnd.nextDouble()));
            out.get(MOS).add(new Sample(MOS.series(), t, bad ? 2.5 + 0.5 * rnd.nextDouble() : 4.2 + 0.2 * rnd.nextDouble()));
        }
        return out;
    }

    static List<Complaint> complaints() {
        List<Complaint> out = new ArrayList<>();
        List<Instant> times = complaintTimes();
        for (int i = 0; i < times.size(); i++) {
            out.add(new Complaint("user" + (i % 3), "voip", times.get(i)));
        }
        // user0 hammers the button: within 10 minutes of their 09:00 complaint, counted once
        out.add(new Complaint("user0", "voip", times.get(0).plus(Duration.ofMinutes(2))));
        out.add(new Complaint("user0", "voip", times.get(0).plus(Duration.ofMinutes(9))));
        // at 03:00, outside working hours: ignored and counted
        out.add(new Complaint("user1", "voip", DAY.plus(Duration.ofHours(3))));
        // another service's complaint is not this service's
        out.add(new Complaint("user1", "web", times.get(1)));
        return out;
    }

    @Test
    void theDegradedMetricRanksFirstWithATargetBetweenGoodAndBadAndNoiseIsNotSignificant() {
        Analysis a = RedButton.analyse("voip", complaints(), WORKING_HOURS, day(42), RedButton.Options.DEFAULTS);

        assertTrue(a.enoughComplaints());
        assertEquals(6, a.accepted());
        assertEquals(2, a.rateLimited());
        assertEquals(1, a.outsideActive());

        MetricVerdict first = a.metrics().get(0);
        assertEquals(LATENCY.series(), first.series());
        assertTrue(first.significant());
        assertTrue(first.test().p() < 1e-6, "p " + first.test().p());
        assertEquals(1.0, first.test().delta(), 1e-12, "every complaint-window value above every normal one");
        double tf = first.tFrustrated().orElseThrow();
        assertTrue(tf > 40 && tf < 300, "T_frustrated " + tf + " between the good (<=40) and bad (>=300) levels");
        double ts = first.tSatisfied().orElseThrow();
        assertTrue(ts >= 20 && ts <= 40, "T_satisfied " + ts + " is the p90 of normal time");
        assertEquals(tf / 4, first.apdexT().orElseThrow(), 1e-12);

        MetricVerdict mos = a.metrics().get(1);
        assertEquals(MOS.series(), mos.series());
        assertTrue(mos.significant());
        double mosTf = mos.tFrustrated().orElseThrow();
        assertTrue(mosTf > 3.0 && mosTf < 4.2, "higher is better: frustrated below " + mosTf);

        MetricVerdict noise = a.metrics().get(2);
        assertEquals(NOISE.series(), noise.series());
        assertFalse(noise.significant(), "noise: p " + noise.test().p() + " delta " + noise.test().delta());
        assertTrue(noise.tFrustrated().isEmpty());
    }

    @Test
    void tooFewComplaintsSuggestNothing() {
        List<Complaint> four = complaints().subList(0, 4);
        Analysis a = RedButton.analyse("voip", four, WORKING_HOURS, day(1), RedButton.Options.DEFAULTS);
        assertFalse(a.enoughComplaints());
        assertEquals(4, a.accepted());
        assertEquals(List.of(), a.metrics());
    }

    @Test
    void reportedActivePeriodsReplaceWorkingHours() {
        Instant nine = DAY.plus(Duration.ofHours(9));
        Activity periods = new Activity(List.of(new ActivePeriod("ann", "voip", nine, nine.plus(Duration.ofHours(1)))),
                Optional.empty());
        assertTrue(periods.active("ann", nine.plusSeconds(60)));
        assertFalse(periods.active("ann", nine.plus(Duration.ofHours(2))), "within working hours, outside her period");
        assertTrue(periods.active("bob", nine.plusSeconds(60)), "bob reported nothing: anyone's period counts");
        assertFalse(periods.anyActive(nine.minusSeconds(1)));
    }

    @Test
    void separatingValueIsTheMiddleOfTheGap() {
        assertEquals(25.0, RedButton.separatingValue(new double[] {30, 40}, new double[] {10, 20}, true), 1e-12);
        assertEquals(25.0, RedButton.separatingValue(new double[] {10, 20}, new double[] {30, 40}, false), 1e-12);
    }
}
