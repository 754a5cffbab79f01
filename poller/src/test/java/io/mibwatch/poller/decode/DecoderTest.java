package io.mibwatch.poller.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.plan.PollPlan;
import io.mibwatch.poller.plan.PollPlanner;
import io.mibwatch.poller.snmprec.SnmprecFile;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

class DecoderTest {

    private static final Instant AT = Instant.parse("2025-01-02T03:04:05Z");
    private static final List<String> ALL = List.of("system", "interfaces", "cpu", "storage", "ucd");

    /** Plans from the recording's own walk, then answers the GET from the same recording, as snmpsim would. */
    private record Poll(SnmprecFile file, PollPlan plan, List<VariableBinding> answer, Decoded decoded) {
        static Poll of(String recording) {
            return of(SnmprecFile.read(recording));
        }

        static Poll of(SnmprecFile f) {
            PollPlan plan = PollPlanner.plan(f.device(), Discovery.discover(f.bindings().stream()
                    .filter(vb -> Discovery.WALK_ROOTS.stream().anyMatch(r -> vb.getOid().startsWith(r))).toList()), ALL);
            List<VariableBinding> answer = new ArrayList<>();
            for (OID oid : plan.getOids()) {
                // an agent answers a GET of an absent instance with noSuchInstance (RFC 3416 section 4.2.1)
                answer.add(new VariableBinding(oid, f.get(oid.toDottedString()).orElse(Null.noSuchInstance)));
            }
            return new Poll(f, plan, answer, Decoder.decode(plan, answer, AT));
        }

        Optional<Reading> reading(String group, String instance, String metric) {
            SeriesId id = new SeriesId(file.device(), group, instance, metric);
            return decoded.readings().stream().filter(r -> r.series().equals(id)).findFirst();
        }
    }

    static Stream<Path> recordings() {
        return SnmprecFile.recordings().stream();
    }

    /** Every recording: each answered column gives exactly one reading, each exception is counted. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void decodesTheRecordingsOwnValues(Path path) {
        Poll p = Poll.of(SnmprecFile.read(path));
        long exceptions = p.answer().stream().filter(VariableBinding::isException).count();
        assertEquals(exceptions, p.decoded().skipped(), p.file().name());
        Set<String> derived = p.plan().derived().stream().map(d -> d.group() + "/" + d.instance() + "/" + d.metric())
                .collect(java.util.stream.Collectors.toSet());
        long polled = p.decoded().readings().stream().filter(r -> !derived.contains(r.series().path())).count();
        long answeredColumns = p.plan().columns().stream()
                .filter(c -> p.file().get(c.oid().toDottedString()).isPresent()).count();
        assertEquals(answeredColumns, polled, p.file().name());
        for (PollPlan.Column c : p.plan().columns()) {
            Optional<Variable> v = p.file().get(c.oid().toDottedString());
            Optional<Reading> r = p.reading(c.group(), c.instance(), c.metric());
            assertEquals(v.isPresent(), r.isPresent(), p.file().name() + " " + c);
            if (r.isPresent() && c.kind().isCounter()) {
                assertEquals(v.get() instanceof Counter64 ? ValueKind.COUNTER64 : ValueKind.COUNTER32, r.get().kind());
                assertEquals(v.get() instanceof Counter64 c64 ? c64.getValue() : v.get().toLong(), r.get().raw());
            } else if (r.isPresent()) {
                assertEquals(v.get().toLong() * c.factor(), r.get().value(), 1e-9 * Math.abs(r.get().value()) + 1e-9);
            }
            assertEquals(AT, r.map(Reading::at).orElse(AT));
        }
        assertEquals(p.file().get("1.3.6.1.2.1.1.3.0").map(Variable::toLong).orElse(-1L), p.decoded().sysUpTimeTicks());
        assertEquals(p.plan().maxRatePerInstance(), p.decoded().maxRatePerInstance());
    }

    static Stream<Arguments> knownValues() {
        return Stream.of(
                // device, group, instance, metric, kind, raw, value (from the .snmprec lines)
                Arguments.of("ios_2960x", "interfaces", "10101", "inOctets", ValueKind.COUNTER64, 398132500L, 398132500.0),
                Arguments.of("ios_2960x", "interfaces", "10101", "outOctets", ValueKind.COUNTER64, 1846765730L, 1846765730.0),
                Arguments.of("ios_2960x", "interfaces", "10101", "operStatus", ValueKind.GAUGE, 0L, 1.0),
                Arguments.of("ios_2960x", "system", "", "uptime", ValueKind.GAUGE, 0L, 7184757.37),
                Arguments.of("brother_hl5370dw", "interfaces", "1", "inOctets", ValueKind.COUNTER32, 144509317L, 144509317.0),
                Arguments.of("brother_hl5370dw", "interfaces", "2", "adminStatus", ValueKind.GAUGE, 0L, 2.0),
                Arguments.of("brother_hl5370dw", "storage", "1", "usedPct", ValueKind.GAUGE, 0L, 100.0),
                Arguments.of("windows_svr_2019_1809", "storage", "1", "used", ValueKind.GAUGE, 0L, 7900201.0 * 4096),
                Arguments.of("windows_svr_2019_1809", "storage", "1", "size", ValueKind.GAUGE, 0L, 26056703.0 * 4096),
                Arguments.of("windows_svr_2019_1809", "storage", "1", "usedPct", ValueKind.GAUGE, 0L, 100.0 * 7900201 / 26056703),
                Arguments.of("windows_svr_2019_1809", "cpu", "7", "load", ValueKind.GAUGE, 0L, 4.0),
                Arguments.of("linux_icecast", "ucd", "", "load1", ValueKind.GAUGE, 0L, 0.11),
                Arguments.of("linux_icecast", "ucd", "", "memTotalReal", ValueKind.GAUGE, 0L, 841176.0 * 1024),
                Arguments.of("linux_icecast", "ucd", "", "memCached", ValueKind.GAUGE, 0L, 344508.0 * 1024),
                Arguments.of("linux_icecast", "ucd", "", "cpuRawIdle", ValueKind.COUNTER32, 1009524496L, 1009524496.0));
    }

    @ParameterizedTest(name = "{0} {1}/{2}/{3}")
    @MethodSource("knownValues")
    void knownValues(String device, String group, String instance, String metric, ValueKind kind, long raw, double value) {
        Reading r = Poll.of(device).reading(group, instance, metric).orElseThrow();
        assertEquals(kind, r.kind());
        assertEquals(raw, r.raw());
        assertEquals(value, r.value(), Math.abs(value) * 1e-12);
    }

    @Test
    void ciscoSurfacesUptimeDiscontinuityAndSpeed() {
        Decoded d = Poll.of("ios_2960x").decoded();
        assertEquals(718475737L, d.sysUpTimeTicks());
        assertEquals(0L, d.discontinuityTicksByInstance().get("10101"));
        assertEquals(100e6 / 8, d.maxRatePerInstance().get("10101"));
    }

    private static PollPlan plan(PollPlan.Column... columns) {
        List<OID> oids = new ArrayList<>(List.of(PollPlan.SYS_UP_TIME));
        for (PollPlan.Column c : columns) {
            oids.add(c.oid());
        }
        return new PollPlan("dev", oids, List.of(columns), List.of(), List.of(), Map.of());
    }

    private static final PollPlan.Column HC = new PollPlan.Column(new OID("1.3.6.1.2.1.31.1.1.1.6.1"), "interfaces", "1",
            "inOctets", ValueKind.COUNTER64, 1);
    private static final PollPlan.Column GAUGE = new PollPlan.Column(new OID("1.3.6.1.2.1.25.3.3.1.2.1"), "cpu", "1",
            "load", ValueKind.GAUGE, 1);

    static Stream<Arguments> typeMapping() {
        return Stream.of(
                Arguments.of(HC, new Counter64(-1L), ValueKind.COUNTER64, -1L, 18446744073709551615.0),
                Arguments.of(HC, new Counter64(Long.MIN_VALUE), ValueKind.COUNTER64, Long.MIN_VALUE, 9223372036854775808.0),
                // an agent that sends Counter32 in an HC column: the rate stage must wrap at 2^32
                Arguments.of(HC, new Counter32(4294967295L), ValueKind.COUNTER32, 4294967295L, 4294967295.0),
                Arguments.of(GAUGE, new Integer32(-5), ValueKind.GAUGE, 0L, -5.0),
                Arguments.of(GAUGE, new Gauge32(4294967295L), ValueKind.GAUGE, 0L, 4294967295.0),
                Arguments.of(GAUGE, new TimeTicks(4294967295L), ValueKind.GAUGE, 0L, 4294967295.0),
                Arguments.of(GAUGE, new Counter64(-1L), ValueKind.GAUGE, 0L, 18446744073709551615.0));
    }

    @ParameterizedTest(name = "{1} -> {2}")
    @MethodSource("typeMapping")
    void mapsEachSnmpType(PollPlan.Column column, Variable v, ValueKind kind, long raw, double value) {
        Decoded d = Decoder.decode(plan(column), List.of(new VariableBinding(column.oid(), v)), AT);
        assertEquals(List.of(new Reading(column.series("dev"), kind, raw, value, AT)), d.readings());
        assertEquals(0, d.skipped());
        assertEquals(-1, d.sysUpTimeTicks());
    }

    static Stream<Arguments> skipped() {
        return Stream.of(
                Arguments.of(HC, Null.noSuchObject),
                Arguments.of(HC, Null.noSuchInstance),
                Arguments.of(HC, Null.endOfMibView),
                Arguments.of(HC, new Gauge32(5)),
                Arguments.of(HC, new OctetString("12")),
                Arguments.of(GAUGE, new OctetString("12")),
                Arguments.of(GAUGE, new OID("1.3.6")),
                Arguments.of(GAUGE, new Null()));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("skipped")
    void exceptionsAndWrongTypesAreSkippedNotZero(PollPlan.Column column, Variable v) {
        Decoded d = Decoder.decode(plan(column), List.of(
                new VariableBinding(PollPlan.SYS_UP_TIME, new TimeTicks(100)),
                new VariableBinding(column.oid(), v)), AT);
        assertEquals(List.of(), d.readings());
        assertEquals(1, d.skipped());
        assertEquals(100, d.sysUpTimeTicks());
    }

    @Test
    void aPlannedOidOfTheWrongTypeIsListedWithWhatTheAgentSent() {
        Decoded d = Decoder.decode(plan(HC, GAUGE), List.of(
                new VariableBinding(HC.oid(), new OctetString("12")),
                new VariableBinding(GAUGE.oid(), new OID("1.3.6"))), AT);
        assertEquals(List.of(
                new WrongType(HC.oid(), "interfaces/1/inOctets", ValueKind.COUNTER64, "OCTET STRING"),
                new WrongType(GAUGE.oid(), "cpu/1/load", ValueKind.GAUGE, "OBJECT IDENTIFIER")), d.wrongTypes());
        assertEquals("1.3.6.1.2.1.31.1.1.1.6.1 (interfaces/1/inOctets) is OCTET STRING, expected Counter32 or Counter64",
                d.wrongTypes().get(0).describe());
    }

    @Test
    void exceptionsAndOidsOutsideThePlanAreNotWrongTypes() {
        Decoded d = Decoder.decode(plan(HC, GAUGE), List.of(
                new VariableBinding(HC.oid(), Null.noSuchInstance),
                new VariableBinding(GAUGE.oid(), Null.noSuchObject),
                new VariableBinding(new OID("1.3.6.1.2.1.25.3.3.1.2.2"), new OctetString("x"))), AT);
        assertEquals(List.of(), d.wrongTypes());
        assertEquals(3, d.skipped());
    }

    @Test
    void oidsOutsideThePlanAreCounted() {
        Decoded d = Decoder.decode(plan(GAUGE), List.of(
                new VariableBinding(new OID("1.3.6.1.2.1.25.3.3.1.2.2"), new Integer32(7)),
                new VariableBinding(PollPlan.SYS_UP_TIME, Null.noSuchObject)), AT);
        assertEquals(List.of(), d.readings());
        assertEquals(2, d.skipped());
        assertEquals(-1, d.sysUpTimeTicks());
    }

    @Test
    void percentNeedsBothPartsAndAPositiveSize() {
        PollPlan.Column used = new PollPlan.Column(new OID("1.3.6.1.2.1.25.2.3.1.6.1"), "storage", "1", "used", ValueKind.GAUGE, 4096);
        PollPlan.Column size = new PollPlan.Column(new OID("1.3.6.1.2.1.25.2.3.1.5.1"), "storage", "1", "size", ValueKind.GAUGE, 4096);
        PollPlan plan = new PollPlan("dev", List.of(used.oid(), size.oid()), List.of(used, size),
                List.of(new PollPlan.Derived("storage", "1", "usedPct", "used", "size")), List.of(), Map.of());
        SeriesId pct = new SeriesId("dev", "storage", "1", "usedPct");

        Decoded both = Decoder.decode(plan, List.of(new VariableBinding(used.oid(), new Integer32(25)),
                new VariableBinding(size.oid(), new Integer32(100))), AT);
        assertTrue(both.readings().contains(Reading.gauge(pct, 25.0, AT)), both.readings().toString());

        for (List<VariableBinding> partial : List.of(
                List.of(new VariableBinding(used.oid(), new Integer32(25)), new VariableBinding(size.oid(), Null.noSuchInstance)),
                List.of(new VariableBinding(used.oid(), new Integer32(0)), new VariableBinding(size.oid(), new Integer32(0))))) {
            Decoded d = Decoder.decode(plan, partial, AT);
            assertTrue(d.readings().stream().noneMatch(r -> r.series().equals(pct)), d.readings().toString());
        }
    }

    @Test
    void ipSlaVoiceScoresAreDerivedFromTheJitterOperation() {
        String[][] cols = {{"rttSum", "2"}, {"rttCount", "1"}, {"jitter", "46"}, {"lossSD", "26"}, {"lossDS", "27"}};
        List<PollPlan.Column> columns = new java.util.ArrayList<>();
        for (String[] c : cols) {
            columns.add(new PollPlan.Column(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1." + c[1] + ".5"), "cisco_rtt", "5",
                    c[0], ValueKind.GAUGE, 1));
        }
        columns.add(new PollPlan.Column(new OID("1.3.6.1.4.1.9.9.42.1.2.2.1.27.5"), "cisco_rtt", "5", "codec",
                ValueKind.GAUGE, 1));
        io.mibwatch.catalog.metric.Conversion.VoiceScore mos = new io.mibwatch.catalog.metric.Conversion.VoiceScore(
                io.mibwatch.catalog.metric.Conversion.VoiceScore.Score.MOS, "rttSum", "rttCount", "jitter", "lossSD",
                "lossDS", "codec");
        PollPlan plan = new PollPlan("dev", columns.stream().map(PollPlan.Column::oid).toList(), columns,
                List.of(new PollPlan.Derived("cisco_rtt", "5", "mosCalc", mos)), List.of(), Map.of());
        long[] values = {80000, 1000, 5, 0, 0, 3}; // 80 ms RTT, jitter 5 ms, no loss, g729a
        List<VariableBinding> vbs = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            vbs.add(new VariableBinding(columns.get(i).oid(), new Gauge32(values[i])));
        }
        Decoded d = Decoder.decode(plan, vbs, AT);
        double expected = io.mibwatch.poller.voice.VoiceQuality.assess(40, 5, 0, io.mibwatch.poller.voice.Codec.G729A,
                io.mibwatch.poller.voice.DelayModel.DEFAULT).mos();
        assertTrue(d.readings().contains(Reading.gauge(new SeriesId("dev", "cisco_rtt", "5", "mosCalc"), expected, AT)),
                d.readings().toString());
        assertTrue(expected > 3.6 && expected < 4.2, "G.729A lossless MOS " + expected);
    }
    /** The poller indexes a plan once and decodes every poll with it: same readings as the plain form. */
    @Test
    void oneIndexDecodesEveryPollOfItsPlanLikeThePlanItself() {
        PollPlan.Column discCol = new PollPlan.Column(new OID("1.3.6.1.2.1.2.2.1.14.1"), "interfaces", "1",
                "inErrors", ValueKind.COUNTER32, 1);
        OID discontinuity = new OID("1.3.6.1.2.1.31.1.1.1.19.1");
        PollPlan p = new PollPlan("dev", List.of(PollPlan.SYS_UP_TIME, HC.oid(), GAUGE.oid(), discCol.oid(), discontinuity),
                List.of(HC, GAUGE, discCol), List.of(), List.of(new PollPlan.Discontinuity(discontinuity, "1")),
                Map.of("1", 1.25e8));
        PlanIndex index = PlanIndex.of(p);
        for (long k = 1; k <= 3; k++) {
            List<VariableBinding> vbs = List.of(
                    new VariableBinding(PollPlan.SYS_UP_TIME, new TimeTicks(1000 * k)),
                    new VariableBinding(HC.oid(), new Counter64(5000 * k)),
                    new VariableBinding(GAUGE.oid(), new Integer32((int) (10 * k))),
                    new VariableBinding(discCol.oid(), new Counter32(7 * k)),
                    new VariableBinding(discontinuity, new TimeTicks(42)),
                    new VariableBinding(new OID("1.3.6.1.2.1.1.5.0"), new Integer32(1))); // not in the plan
            Instant at = AT.plusSeconds(60 * k);
            Decoded viaIndex = Decoder.decode(index, vbs, at);
            assertEquals(Decoder.decode(p, vbs, at), viaIndex);
            assertEquals(List.of(
                    Reading.counter(new SeriesId("dev", "interfaces", "1", "inOctets"), ValueKind.COUNTER64, 5000 * k, at),
                    Reading.gauge(new SeriesId("dev", "cpu", "1", "load"), 10.0 * k, at),
                    Reading.counter(new SeriesId("dev", "interfaces", "1", "inErrors"), ValueKind.COUNTER32, 7 * k, at)),
                    viaIndex.readings());
            assertEquals(1000 * k, viaIndex.sysUpTimeTicks());
            assertEquals(Map.of("1", 42L), viaIndex.discontinuityTicksByInstance());
            assertEquals(1, viaIndex.skipped());
        }
        assertSame(p, index.plan());
    }
}
