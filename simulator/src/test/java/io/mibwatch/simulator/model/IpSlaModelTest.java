package io.mibwatch.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.simulator.scenario.DevicePattern;
import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioException;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;

/** A simulated IP SLA jitter operation: its columns agree with each other, degradations move them all. */
class IpSlaModelTest {

    static final Instant START = Instant.parse("2026-03-03T10:00:00Z");
    static final String JIT = "1.3.6.1.4.1.9.9.42.1.5.2.1.";

    static NavigableMap<OID, Variable> walk() {
        NavigableMap<OID, Variable> w = new TreeMap<>();
        w.put(new OID("1.3.6.1.4.1.9.9.42.1.2.1.1.4.20"), new Integer32(9));
        w.put(new OID("1.3.6.1.4.1.9.9.42.1.2.2.1.27.20"), new Integer32(1)); // g711ulaw
        w.put(new OID("1.3.6.1.4.1.9.9.42.1.2.10.1.1.20"), new Gauge32(20));
        w.put(new OID(JIT + "1.20"), new Gauge32(100));
        w.put(new OID(JIT + "2.20"), new Gauge32(2000));
        w.put(new OID(JIT + "4.20"), new Gauge32(16));
        w.put(new OID(JIT + "5.20"), new Gauge32(30));
        w.put(new OID(JIT + "26.20"), new Gauge32(0));
        w.put(new OID(JIT + "27.20"), new Gauge32(0));
        w.put(new OID(JIT + "42.20"), new Gauge32(430));
        w.put(new OID(JIT + "43.20"), new Gauge32(2));
        w.put(new OID(JIT + "46.20"), new Gauge32(3));
        return w;
    }

    static final Fault.Degradation DEGRADED = new Fault.Degradation(Duration.ZERO, new DevicePattern("r1"), 20,
            Duration.ofMinutes(20), Duration.ofHours(3), Duration.ofMillis(300), 5, 7);

    static long v(DeviceModel m, String oid, Instant t) {
        return m.valueAt(new OID(oid), t).toLong();
    }

    @Test
    void columnsAgreeWithOneProbeAtEveryInstant() {
        DeviceModel m = DeviceModel.of("r1", walk(), START, TrafficShape.DEFAULT, new Scenario(List.of(DEGRADED)));
        for (int minute = -3000; minute < 3000; minute += 7) {
            Instant t = START.plus(Duration.ofMinutes(minute));
            IpSlaProbe p = m.ipSla(20, t);
            long num = v(m, JIT + "1.20", t);
            long sum = v(m, JIT + "2.20", t);
            long lost = v(m, JIT + "26.20", t) + v(m, JIT + "27.20", t);
            assertEquals(100, num + lost, "probes sent at " + t);
            assertEquals(p.rttMs(), (double) sum / num, 0.01, "RTTSum / NumOfRTT is the RTT at " + t);
            assertEquals(Math.round(p.rttMs()), v(m, "1.3.6.1.4.1.9.9.42.1.2.10.1.1.20", t));
            assertTrue(v(m, JIT + "4.20", t) <= v(m, "1.3.6.1.4.1.9.9.42.1.2.10.1.1.20", t)
                    && v(m, JIT + "5.20", t) >= v(m, "1.3.6.1.4.1.9.9.42.1.2.10.1.1.20", t), "min <= rtt <= max at " + t);
            assertEquals(Math.round(p.agentScore().mos() * 100), v(m, JIT + "42.20", t));
            assertEquals(Math.round(p.agentScore().icpif()), v(m, JIT + "43.20", t));
        }
    }

    @Test
    void degradationEpisodesHitBeforeAndAfterTheStartAndMoveDelayLossAndMos() {
        DeviceModel m = DeviceModel.of("r1", walk(), START, TrafficShape.DEFAULT, new Scenario(List.of(DEGRADED)));
        List<Duration> episodes = DEGRADED.episodes(Duration.ofDays(-2), Duration.ofDays(2));
        assertEquals(32, episodes.size(), "one per 3 hours over 4 days: " + episodes);
        assertTrue(episodes.stream().anyMatch(Duration::isNegative), "history has episodes too");
        for (Duration e : episodes) {
            Instant in = START.plus(e).plus(Duration.ofMinutes(10));
            Instant out = START.plus(e).minus(Duration.ofMinutes(5));
            IpSlaProbe bad = m.ipSla(20, in);
            IpSlaProbe good = m.ipSla(20, out);
            assertTrue(bad.rttMs() > 300 && good.rttMs() < 60, "rtt " + good.rttMs() + " -> " + bad.rttMs() + " at " + in);
            assertEquals(5, bad.lost());
            assertEquals(0, good.lost());
            assertTrue(bad.agentScore().mos() < 3.6 && good.agentScore().mos() > 4.1,
                    "MOS " + good.agentScore().mos() + " -> " + bad.agentScore().mos());
            assertTrue(bad.agentScore().icpif() > good.agentScore().icpif() + 10);
        }
        // another operation of the device is left alone
        Fault.Degradation other = new Fault.Degradation(Duration.ZERO, new DevicePattern("r1"), 30,
                Duration.ofMinutes(20), Duration.ofHours(3), Duration.ofMillis(300), 5, 7);
        DeviceModel m2 = DeviceModel.of("r1", walk(), START, TrafficShape.DEFAULT, new Scenario(List.of(other)));
        Instant in = START.plus(episodes.get(0)).plus(Duration.ofMinutes(10));
        assertTrue(m2.ipSla(20, in).rttMs() < 60);
    }

    @Test
    void sameSeedSameTimesOtherSeedOtherTimes() {
        Fault.Degradation reseeded = new Fault.Degradation(Duration.ZERO, new DevicePattern("r1"), 20,
                Duration.ofMinutes(20), Duration.ofHours(3), Duration.ofMillis(300), 5, 8);
        Duration from = Duration.ofDays(-7);
        assertEquals(DEGRADED.episodes(from, Duration.ZERO), DEGRADED.episodes(from, Duration.ZERO));
        assertFalse(DEGRADED.episodes(from, Duration.ZERO).equals(reseeded.episodes(from, Duration.ZERO)));
        for (Duration e : DEGRADED.episodes(from, Duration.ZERO)) {
            assertTrue(DEGRADED.activeAt(e) && DEGRADED.activeAt(e.plus(Duration.ofMinutes(19)))
                    && !DEGRADED.activeAt(e.plus(Duration.ofMinutes(20))) && !DEGRADED.activeAt(e.minusSeconds(1)));
        }
    }

    /** ITU-T G.107 Annex B: R 93.2 (no impairment beyond the defaults' 0.024 Ta) gives MOS about 4.4. */
    static Stream<Arguments> agentScores() {
        return Stream.of(
                // rtt, jitter, sent, lost, codec -> R
                Arguments.of(0, 0, 100, 0, 1, 93.2 - 0.024 * 20),
                Arguments.of(400, 10, 100, 0, 1, 93.2 - 0.024 * 240 - 0.11 * (240 - 177.3)),
                Arguments.of(40, 0, 100, 5, 1, 93.2 - 0.024 * 40 - 95 * 5 / 9.3),
                Arguments.of(40, 0, 100, 0, 3, 93.2 - 0.024 * 45 - 11));
    }

    @ParameterizedTest
    @MethodSource("agentScores")
    void agentScoreIsTheSimplifiedEModel(double rtt, double jitter, int sent, int lost, int codec, double r) {
        IpSlaProbe.AgentScore s = new IpSlaProbe(rtt, jitter, sent, lost, codec).agentScore();
        assertEquals(r, s.r(), 1e-9);
        assertEquals(1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6, s.mos(), 1e-9);
    }

    @Test
    void scenarioFileDeclaresDegradations() throws Exception {
        Scenario s = ScenarioLoader.parse("faults:\n  - {at: 0s, duration: 20m, device: r1, kind: degradation, "
                + "ipsla: 20, every: 3h, delay: 300ms, loss: 5, seed: 7}\n", "s.yaml");
        assertEquals(List.of(DEGRADED), s.faults());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("faults:\n"
                + "  - {at: 0s, duration: 3h, device: r1, kind: degradation, ipsla: 20, every: 3h, delay: 300ms, loss: 5, seed: 7}\n"
                + "  - {at: 0s, duration: 1m, device: r1, kind: degradation, ipsla: 0, every: 3h, delay: 300ms, loss: 101}\n",
                "bad.yaml"));
        assertEquals(List.of("faults[0].duration: 3h: must be shorter than every (3h)",
                "faults[1].ipsla: 0: expected an IP SLA operation number (rttMonCtrlAdminIndex), 1-2147483647",
                "faults[1].loss: 101: expected a packet loss percentage, 0-100",
                "faults[1].seed: required (a whole number >= 0)"),
                e.errors().stream().map(Object::toString).toList());
    }
}
