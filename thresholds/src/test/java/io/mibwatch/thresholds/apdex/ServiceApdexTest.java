package io.mibwatch.thresholds.apdex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceApdexTest {

    private static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");

    @Test
    void poolsMemberCountsPerWindowAndOverall() {
        MemberTarget rtt = new MemberTarget(new SeriesId("r1", "cisco_rtt", "1", "rtt"), Target.lowerIsBetter(100));
        MemberTarget mos = new MemberTarget(new SeriesId("r1", "cisco_rtt", "1", "mos"), new Target(4, false));
        Map<MemberTarget, List<Sample>> in = new LinkedHashMap<>();
        // window 0: rtt 50 (S), 250 (T); window 1: rtt 900 (F)
        in.put(rtt, List.of(s(rtt, 0, 50), s(rtt, 60, 250), s(rtt, 300, 900)));
        // window 0: mos 4.2 (S); window 1: mos 2.0 (T), NaN (gap, skipped)
        in.put(mos, List.of(s(mos, 0, 4.2), s(mos, 300, 2.0), s(mos, 360, Double.NaN)));

        ServiceApdex a = ServiceApdex.evaluate(in, T0, T0.plusSeconds(600), Duration.ofMinutes(5));

        assertEquals(new ApdexResult(2, 1, 0), a.trend().get(0).result());
        assertEquals(new ApdexResult(0, 1, 1), a.trend().get(1).result());
        assertEquals(new ApdexResult(2, 2, 1), a.overall());
        assertEquals(0.6, a.overall().score().orElseThrow(), 1e-12); // (2 + 1) / 5
        assertEquals(new ApdexResult(1, 1, 1), a.members().get(rtt));
        assertEquals(new ApdexResult(1, 1, 0), a.members().get(mos));
    }

    @Test
    void noMembersNoSamplesMeansNoScore() {
        ServiceApdex a = ServiceApdex.evaluate(Map.of(), T0, T0.plusSeconds(600), Duration.ofMinutes(5));
        assertTrue(a.overall().score().isEmpty());
        assertEquals(2, a.trend().size());
    }

    private static Sample s(MemberTarget m, long sec, double v) {
        return new Sample(m.series(), T0.plusSeconds(sec), v);
    }
}
