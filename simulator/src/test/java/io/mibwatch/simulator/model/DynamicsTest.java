package io.mibwatch.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.simulator.scenario.Scenario;
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
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/** The dynamics acceptance, without a network: the model answers what two polls would see. */
class DynamicsTest {

    /** Tuesday 2026-03-03 10:00 UTC: busy hours. */
    static final Instant START = Instant.parse("2026-03-03T10:00:00Z");

    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID IN_OCTETS_1 = new OID("1.3.6.1.2.1.2.2.1.10.1");
    static final OID HC_IN_1 = new OID("1.3.6.1.2.1.31.1.1.1.6.1");
    static final OID HC_OUT_1 = new OID("1.3.6.1.2.1.31.1.1.1.10.1");
    static final OID HC_IN_UCAST_1 = new OID("1.3.6.1.2.1.31.1.1.1.7.1");
    static final OID IN_ERRORS_1 = new OID("1.3.6.1.2.1.2.2.1.14.1");
    static final OID OPER_1 = new OID("1.3.6.1.2.1.2.2.1.8.1");
    static final OID IN_OCTETS_2 = new OID("1.3.6.1.2.1.2.2.1.10.2");
    static final OID HC_IN_2 = new OID("1.3.6.1.2.1.31.1.1.1.6.2");
    static final OID IN_OCTETS_3 = new OID("1.3.6.1.2.1.2.2.1.10.3");
    static final OID HC_IN_3 = new OID("1.3.6.1.2.1.31.1.1.1.6.3");
    static final OID SNMP_IN_PKTS = new OID("1.3.6.1.2.1.11.1.0");
    static final OID CPU = new OID("1.3.6.1.2.1.25.3.3.1.2.196608");
    static final OID LA_LOAD_1 = new OID("1.3.6.1.4.1.2021.10.1.3.1");
    static final OID LA_LOAD_INT_1 = new OID("1.3.6.1.4.1.2021.10.1.5.1");
    static final OID STORAGE_USED_1 = new OID("1.3.6.1.2.1.25.2.3.1.6.1");
    static final OID STORAGE_SIZE_1 = new OID("1.3.6.1.2.1.25.2.3.1.5.1");
    static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");

    static final double GIGABIT = 1e9;

    /** A small device: 1 Gb/s if 1 (up), 10 Gb/s if 2 (up), if 3 recorded down. */
    static NavigableMap<OID, Variable> walk() {
        NavigableMap<OID, Variable> m = new TreeMap<>();
        m.put(SYS_DESCR, new OctetString("test box"));
        m.put(SYS_UPTIME, new TimeTicks(123_456));
        m.put(new OID("1.3.6.1.2.1.2.2.1.5.1"), new Gauge32(1_000_000_000L));
        m.put(new OID("1.3.6.1.2.1.2.2.1.5.2"), new Gauge32(4_294_967_295L));
        m.put(new OID("1.3.6.1.2.1.2.2.1.5.3"), new Gauge32(100_000_000L));
        m.put(new OID("1.3.6.1.2.1.31.1.1.1.15.1"), new Gauge32(1000));
        m.put(new OID("1.3.6.1.2.1.31.1.1.1.15.2"), new Gauge32(10_000));
        m.put(new OID("1.3.6.1.2.1.2.2.1.7.1"), new Integer32(1));
        m.put(OPER_1, new Integer32(1));
        m.put(new OID("1.3.6.1.2.1.2.2.1.8.2"), new Integer32(1));
        m.put(new OID("1.3.6.1.2.1.2.2.1.8.3"), new Integer32(2));
        m.put(IN_OCTETS_1, new Counter32(1000));
        m.put(HC_IN_1, new Counter64(5000));
        m.put(HC_OUT_1, new Counter64(7000));
        m.put(HC_IN_UCAST_1, new Counter64(50));
        m.put(IN_ERRORS_1, new Counter32(0));
        m.put(IN_OCTETS_2, new Counter32(4_000_000_000L));
        m.put(HC_IN_2, new Counter64(4_000_000_000L));
        m.put(IN_OCTETS_3, new Counter32(777));
        m.put(HC_IN_3, new Counter64(888));
        m.put(SNMP_IN_PKTS, new Counter32(10));
        m.put(CPU, new Integer32(5));
        m.put(LA_LOAD_1, new OctetString("0.45"));
        m.put(LA_LOAD_INT_1, new Integer32(45));
        m.put(new OID("1.3.6.1.2.1.25.2.3.1.2.1"), new OID("1.3.6.1.2.1.25.2.1.4"));
        m.put(new OID("1.3.6.1.2.1.25.2.3.1.4.1"), new Integer32(4096));
        m.put(STORAGE_SIZE_1, new Integer32(1_000_000));
        m.put(STORAGE_USED_1, new Integer32(600_000));
        return m;
    }

    static DeviceModel model(String scenarioYaml) throws Exception {
        Scenario s = scenarioYaml == null ? Scenario.EMPTY : ScenarioLoader.parse(scenarioYaml, "test");
        return DeviceModel.of("dut", walk(), START, TrafficShape.DEFAULT, s);
    }

    static long value(DeviceModel m, OID oid, Instant t) {
        return m.valueAt(oid, t).toLong();
    }

    /** The weekday level written out by hand from {@link TrafficShape#OFFICE_HOURS}, UTC, for weekday times. */
    static double handShape(Instant t) {
        double hours = (t.getEpochSecond() % 86_400) / 3600.0;
        int h = (int) hours;
        List<Double> k = TrafficShape.OFFICE_HOURS;
        return k.get(h) + (k.get((h + 1) % 24) - k.get(h)) * (hours - h);
    }

    // ---- rates

    static Stream<Arguments> pollTimes() {
        return Stream.of(
                Arguments.of(HC_IN_1, "2026-03-03T11:00:00Z", GIGABIT),
                Arguments.of(HC_IN_1, "2026-03-03T08:29:30Z", GIGABIT),      // while the morning ramp climbs
                Arguments.of(HC_IN_1, "2026-03-04T03:10:00Z", GIGABIT),      // quiet night
                Arguments.of(HC_OUT_1, "2026-03-03T14:00:00Z", GIGABIT),
                Arguments.of(HC_IN_2, "2026-03-03T16:59:45Z", 10 * GIGABIT),
                Arguments.of(HC_IN_1, "2026-03-02T12:00:00Z", GIGABIT));      // before the start: history
    }

    @ParameterizedTest
    @MethodSource("pollTimes")
    void twoPollsSixtySecondsApartGiveTheShapedRateWithinOnePercent(OID oid, String at, double speed) throws Exception {
        DeviceModel m = model(null);
        Instant t1 = Instant.parse(at);
        Instant t2 = t1.plusSeconds(60);
        double measuredBits = (value(m, oid, t2) - value(m, oid, t1)) * 8.0 / 60;

        // expected, independently: speed x instance factor x mean over the minute of (hand-written
        // office shape + the instance's ripple), integrated numerically with 0.1 s steps
        Load load = m.load(oid);
        double sum = 0;
        int steps = 600;
        for (int i = 0; i < steps; i++) {
            Instant t = t1.plusMillis(100L * i + 50);
            double s = Load.seconds(t);
            sum += handShape(t) + load.wiggle() * Math.sin(2 * Math.PI * s / load.periodSeconds() + load.phase());
        }
        double expectedBits = speed * load.factor() * sum / steps;
        assertEquals(expectedBits, measuredBits, expectedBits * 0.01,
                () -> "rate of " + oid + " at " + at);
        assertTrue(expectedBits > 0);
    }

    @Test
    void busyHoursCarryMoreThanNightsAndWeekdaysMoreThanWeekends() throws Exception {
        DeviceModel m = model(null);
        assertTrue(m.rateAt(HC_IN_1, Instant.parse("2026-03-03T11:00:00Z"))
                > 5 * m.rateAt(HC_IN_1, Instant.parse("2026-03-04T03:00:00Z")));
        assertTrue(m.rateAt(HC_IN_1, Instant.parse("2026-03-03T11:00:00Z"))
                > 2 * m.rateAt(HC_IN_1, Instant.parse("2026-03-07T11:00:00Z")));
    }

    @Test
    void packetsAndErrorsFollowTheOctets() throws Exception {
        DeviceModel m = model(null);
        Instant t = Instant.parse("2026-03-03T11:00:00Z");
        double octets = m.rateAt(HC_IN_1, t);
        double packets = m.rateAt(HC_IN_UCAST_1, t);
        double avgSize = octets / packets * CounterRole.UNICAST_PACKETS.shareOfPackets();
        assertTrue(avgSize >= 300 && avgSize < 1200, "average packet size " + avgSize);
        assertEquals(packets / CounterRole.UNICAST_PACKETS.shareOfPackets() * CounterRole.ERRORS.shareOfPackets(),
                m.rateAt(IN_ERRORS_1, t), 1e-9);
        assertTrue(value(m, HC_IN_UCAST_1, t) > 50);
    }

    @Test
    void countersOutsideInterfacesMoveSteadily() throws Exception {
        DeviceModel m = model(null);
        long a = value(m, SNMP_IN_PKTS, START);
        long b = value(m, SNMP_IN_PKTS, START.plusSeconds(3600));
        assertEquals(10, a);
        assertTrue(b > a, "snmpInPkts moves: " + a + " -> " + b);
    }

    // ---- uptime and reboot

    @Test
    void uptimeAdvancesFromTheRecordedValue() throws Exception {
        DeviceModel m = model(null);
        assertEquals(123_456, value(m, SYS_UPTIME, START));
        assertEquals(123_456 + 6000, value(m, SYS_UPTIME, START.plusSeconds(60)));
        assertEquals(123_456 + 25, value(m, SYS_UPTIME, START.plusMillis(259)));
        // an hour before the start the device had been up 123456 - 360000 ticks: wraps, no negative TimeTicks
        assertEquals((1L << 32) + 123_456 - 360_000, value(m, SYS_UPTIME, START.minusSeconds(3600)));
        assertEquals(new TimeTicks(123_456), m.valueAt(SYS_UPTIME, START));
    }

    @Test
    void rebootResetsUptimeAndCounters() throws Exception {
        DeviceModel m = model("faults:\n  - {at: 90s, device: dut, kind: reboot}\n");
        Instant reboot = START.plusSeconds(90);

        assertEquals(123_456 + 8_900, value(m, SYS_UPTIME, reboot.minusSeconds(1)));
        assertEquals(0, value(m, SYS_UPTIME, reboot));
        assertEquals(1_000, value(m, SYS_UPTIME, reboot.plusSeconds(10)));

        long before = value(m, HC_IN_1, reboot.minusSeconds(1));
        assertTrue(before > 5000);
        assertEquals(0, value(m, HC_IN_1, reboot));
        assertEquals(0, value(m, IN_OCTETS_1, reboot));
        assertEquals(0, value(m, SNMP_IN_PKTS, reboot));
        long after = value(m, HC_IN_1, reboot.plusSeconds(60));
        double expected = m.load(HC_IN_1).integral(TrafficShape.DEFAULT, reboot, reboot.plusSeconds(60));
        assertEquals(Math.floor(expected), after, 0.0);
        assertTrue(after > 0 && after < before, "restarted from 0: " + after + " vs " + before);
        // the state says so too
        assertEquals(Duration.ofSeconds(90), m.stateAt(reboot.plusSeconds(5)).lastReboot().orElseThrow());
    }

    // ---- wraps

    @Test
    void forcedWrapOfACounter32PassesTwoToThe32ShortlyAfterTheFault() throws Exception {
        DeviceModel m = model("faults:\n  - {at: 30s, device: dut, kind: counter_wrap, oid: 1.3.6.1.2.1.2.2.1.10.1}\n");
        Instant wrap = START.plusSeconds(30).plus(DeviceModel.WRAP_LEAD);
        long justBefore = value(m, IN_OCTETS_1, wrap.minusSeconds(1));
        long justAfter = value(m, IN_OCTETS_1, wrap.plusSeconds(1));
        double perSecond = m.rateAt(IN_OCTETS_1, wrap);
        assertTrue(justBefore > (1L << 32) - 2 * perSecond, "near 2^32 before: " + justBefore);
        assertTrue(justAfter < 2 * perSecond, "small after: " + justAfter);
        assertEquals(0, value(m, IN_OCTETS_1, wrap));
        // the delta a poller computes across the wrap (RFC 2578 7.1.6: modulo 2^32) is the real traffic
        long delta = Math.floorMod(justAfter - justBefore, 1L << 32);
        assertEquals(m.load(IN_OCTETS_1).integral(TrafficShape.DEFAULT, wrap.minusSeconds(1), wrap.plusSeconds(1)),
                delta, 1.0);
        // other counters are untouched
        assertEquals(model(null).valueAt(HC_IN_1, wrap), m.valueAt(HC_IN_1, wrap));
    }

    @Test
    void forcedWrapOfACounter64PassesTwoToThe64() throws Exception {
        DeviceModel m = model("faults:\n  - {at: 30s, device: dut, kind: counter_wrap, oid: 1.3.6.1.2.1.31.1.1.1.6.1}\n");
        Instant wrap = START.plusSeconds(30).plus(DeviceModel.WRAP_LEAD);
        long justBefore = value(m, HC_IN_1, wrap.minusSeconds(1));
        long justAfter = value(m, HC_IN_1, wrap.plusSeconds(1));
        assertTrue(Long.compareUnsigned(justBefore, -1L - (long) (2 * m.rateAt(HC_IN_1, wrap))) > 0,
                "near 2^64 before: " + Long.toUnsignedString(justBefore));
        assertTrue(justAfter >= 0 && justAfter < 2 * m.rateAt(HC_IN_1, wrap), "small after: " + justAfter);
        assertTrue(m.valueAt(HC_IN_1, wrap) instanceof Counter64);
    }

    @Test
    void aTenGigabitCounter32WrapsNaturallyAndAgreesWithItsHcTwin() throws Exception {
        DeviceModel m = model(null);
        Instant t0 = Instant.parse("2026-03-03T11:00:00Z");
        int wraps = 0;
        for (int i = 0; i < 60; i++) {
            Instant a = t0.plusSeconds(10L * i);
            Instant b = a.plusSeconds(10);
            long c32a = value(m, IN_OCTETS_2, a);
            long c32b = value(m, IN_OCTETS_2, b);
            assertTrue(c32a >= 0 && c32a < (1L << 32));
            if (c32b < c32a) {
                wraps++;
            }
            long d32 = Math.floorMod(c32b - c32a, 1L << 32);
            long d64 = value(m, HC_IN_2, b) - value(m, HC_IN_2, a);
            assertEquals(d64, d32, 1, "same traffic in both widths");
        }
        assertTrue(wraps >= 1, "10 Gb/s for 10 minutes passes 2^32 octets at least once");
    }

    // ---- interface down

    @Test
    void interfaceDownKeepsCountersFlatAndOperStatusDown() throws Exception {
        DeviceModel m = model("faults:\n  - {at: 60s, duration: 2m, device: dut, kind: interface_down, ifindex: 1}\n");
        Instant down = START.plusSeconds(60);
        Instant up = START.plusSeconds(180);
        assertEquals(new Integer32(1), m.valueAt(OPER_1, down.minusMillis(1)));
        assertEquals(new Integer32(2), m.valueAt(OPER_1, down));
        assertEquals(new Integer32(2), m.valueAt(OPER_1, up.minusMillis(1)));
        assertEquals(new Integer32(1), m.valueAt(OPER_1, up));
        long atDown = value(m, HC_IN_1, down);
        assertEquals(atDown, value(m, HC_IN_1, down.plusSeconds(30)));
        assertEquals(atDown, value(m, HC_IN_1, up));
        assertEquals(0.0, m.rateAt(HC_IN_1, down.plusSeconds(30)));
        // after it comes back it counts again, from where it stopped
        long later = value(m, HC_IN_1, up.plusSeconds(60));
        assertEquals(atDown + m.load(HC_IN_1).integral(TrafficShape.DEFAULT, up, up.plusSeconds(60)), later, 2.0);
        assertTrue(m.stateAt(down.plusSeconds(1)).interfaceDown(1));
    }

    @Test
    void anInterfaceRecordedDownStaysFlat() throws Exception {
        DeviceModel m = model(null);
        assertEquals(777, value(m, IN_OCTETS_3, START.plusSeconds(86_400)));
        assertEquals(888, value(m, HC_IN_3, START.minusSeconds(86_400)));
    }

    // ---- gauges and faults on them

    @Test
    void cpuSpikeForcesCpuGaugesAndLoadAverages() throws Exception {
        DeviceModel m = model("faults:\n  - {at: 1m, duration: 2m, device: dut, kind: cpu_spike, value: 97}\n");
        Instant during = START.plusSeconds(90);
        assertEquals(new Integer32(97), m.valueAt(CPU, during));
        String la = m.valueAt(LA_LOAD_1, during).toString();
        int laInt = m.valueAt(LA_LOAD_INT_1, during).toInt();
        assertEquals(Math.round(Double.parseDouble(la) * 100), laInt);
        assertEquals(0, laInt % 97, "load = cores x 0.97: " + la);
        assertNotEquals(new Integer32(97), m.valueAt(CPU, START.plusSeconds(180)));
    }

    @Test
    void gaugesStayInRangeForAWeek() throws Exception {
        DeviceModel m = model(null);
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(7))); t = t.plusSeconds(600)) {
            int cpu = m.valueAt(CPU, t).toInt();
            assertTrue(cpu >= 0 && cpu <= 100, "cpu " + cpu + " at " + t);
            long used = value(m, STORAGE_USED_1, t);
            assertTrue(used >= 0 && used <= 1_000_000, "used " + used + " at " + t);
            double la = Double.parseDouble(m.valueAt(LA_LOAD_1, t).toString());
            assertTrue(la >= 0 && la <= 8, "load " + la);
        }
        // storage grows slowly: a week later the daily average is higher
        assertTrue(value(m, STORAGE_USED_1, START.plus(Duration.ofDays(7))) > value(m, STORAGE_USED_1, START));
        // busy-hour CPU above night CPU
        assertTrue(m.valueAt(CPU, Instant.parse("2026-03-03T11:00:00Z")).toInt()
                > m.valueAt(CPU, Instant.parse("2026-03-04T03:00:00Z")).toInt());
    }

    @Test
    void staticValuesAreTheRecordedOnes() throws Exception {
        DeviceModel m = model(null);
        assertEquals(new OctetString("test box"), m.valueAt(SYS_DESCR, START.plusSeconds(99_999)));
        assertEquals(null, m.valueAt(new OID("1.3.6.1.2.1.1.4.0"), START));
    }

    // ---- determinism and history

    @Test
    void sameInputsSameValuesInAnyOrder() throws Exception {
        DeviceModel a = model(null);
        DeviceModel b = model(null);
        Instant t1 = START.plusSeconds(12_345);
        Instant t2 = START.minusSeconds(54_321);
        Variable a1 = a.valueAt(HC_IN_1, t1);
        Variable a2 = a.valueAt(HC_IN_1, t2);
        assertEquals(b.valueAt(HC_IN_1, t2), a2);
        assertEquals(b.valueAt(HC_IN_1, t1), a1);
        assertEquals(a.snapshot(t1), b.snapshot(t1));
        // another device name is another seed
        DeviceModel other = DeviceModel.of("dut2", walk(), START, TrafficShape.DEFAULT);
        assertNotEquals(a.valueAt(HC_IN_1, t1), other.valueAt(HC_IN_1, t1));
        assertNotEquals(a.load(HC_IN_1), a.load(HC_OUT_1), "in and out differ");
        assertFalse(a.load(HC_IN_1).equals(Load.NONE));
    }

    @Test
    void historyMatchesValueAt() throws Exception {
        // a counter recorded as a device up for months would show it: large enough that 4 weeks back is still > 0
        NavigableMap<OID, Variable> w = walk();
        w.put(HC_IN_1, new Counter64(1_000_000_000_000_000L));
        DeviceModel m = DeviceModel.of("dut", w, START, TrafficShape.DEFAULT,
                ScenarioLoader.parse("faults:\n  - {at: 1h, device: dut, kind: reboot}\n", "t"));
        Instant from = START.minus(Duration.ofDays(28));
        Instant to = START.plus(Duration.ofHours(2));
        List<TimedValue> h = m.history(HC_IN_1, from, to, Duration.ofMinutes(5));
        assertEquals(28 * 288 + 24 + 1, h.size());
        for (TimedValue tv : h) {
            assertEquals(m.valueAt(HC_IN_1, tv.at()), tv.value());
        }
        // counters only ever rise, except at the reboot
        for (int i = 1; i < h.size(); i++) {
            boolean crossesReboot = !h.get(i - 1).at().isAfter(START.plusSeconds(3600))
                    && !h.get(i).at().isBefore(START.plusSeconds(3600));
            if (!crossesReboot) {
                assertTrue(Long.compareUnsigned(h.get(i).value().toLong(), h.get(i - 1).value().toLong()) >= 0,
                        "rises at " + h.get(i).at());
            }
        }
        assertEquals(List.of(), m.history(new OID("1.3.6.1.9"), from, to, Duration.ofMinutes(5)));
    }

    @Test
    void beforeTheRecordedCountWasReachedACounterWrapsModuloItsWidth() throws Exception {
        // recorded 5000 octets at the start: a day earlier the counter "was" negative, i.e. 2^64 - x
        DeviceModel m = model(null);
        Instant dayBefore = START.minus(Duration.ofDays(1));
        double counted = m.load(HC_IN_1).integral(TrafficShape.DEFAULT, dayBefore, START);
        assertEquals(5000 - (long) Math.ceil(counted), value(m, HC_IN_1, dayBefore));
        assertTrue(value(m, HC_IN_1, dayBefore) < 0, "as a signed long: above 2^63 unsigned");
    }
}
