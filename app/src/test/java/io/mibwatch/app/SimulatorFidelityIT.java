package io.mibwatch.app;

import static org.junit.jupiter.api.Assertions.fail;

import io.mibwatch.poller.snmprec.SnmprecFile;
import io.mibwatch.simulator.agent.DeviceView;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.snmprec.RecordingLibrary;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Acceptance (simulator fidelity): for every shared recording, {@code snmpbulkwalk -v2c -On -Ox} of
 * the mibwatch simulator (time frozen) returns every valid line of the file with the same OID, type
 * and value, in OID order. The same walk of Debian's snmpsim serving the file is compared too; where
 * snmpsim differs from the file (it strips trailing spaces, cannot serve some lines) the file wins,
 * and the differences are printed per file.
 *
 * <p>The expected lines come from the poller's test-only {@link SnmprecFile} reader, an
 * implementation independent of the simulator's own reader.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorFidelityIT {
    private final Map<String, String> snmpsimDiffs = new ConcurrentHashMap<>();
    private SnmpsimFixture snmpsim;
    private SnmpSimulator sim;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        Path recordings = TestData.snmpdata().resolve("recordings");
        SnmpSimulator.Builder b = SnmpSimulator.builder()
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .clock(SimClock.frozen(Instant.parse("2026-01-05T10:00:00Z")));
        for (RecordingLibrary.Named d : new RecordingLibrary().loadAll(List.of(recordings))) {
            b.device(d.device(), DeviceView.recorded(d.recording()));
        }
        sim = b.start();
        snmpsim = new SnmpsimFixture(recordings, tmp);
    }

    @AfterAll
    void stop() throws Exception {
        if (sim != null) sim.close();
        if (snmpsim != null) snmpsim.close();
        System.out.println("Where snmpsim differs from the file (the file wins; the simulator serves the file):");
        new TreeMap<>(snmpsimDiffs).forEach((k, v) -> System.out.println(k + ": " + v));
    }

    Stream<String> recordings() throws IOException {
        try (Stream<Path> s = Files.list(TestData.snmpdata().resolve("recordings"))) {
            return s.filter(f -> f.toString().endsWith(".snmprec")).map(SnmpsimFixture::name).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void simulatorWalkIsTheFile(String name) throws Exception {
        List<RecordingsWalkIT.Vb> file = fromFile(name);
        int first = sim.endpoints().get(0).address().getPort();
        List<RecordingsWalkIT.Vb> ours = bulkWalk(name, first);
        List<RecordingsWalkIT.Vb> theirs = bulkWalk(name, snmpsim.port);
        snmpsimDiffs.put(name, differences(file, theirs));
        List<String> diffs = new ArrayList<>();
        int n = Math.max(file.size(), ours.size());
        for (int i = 0; i < n && diffs.size() < 10; i++) {
            RecordingsWalkIT.Vb e = i < file.size() ? file.get(i) : null;
            RecordingsWalkIT.Vb a = i < ours.size() ? ours.get(i) : null;
            if (e == null || !e.equals(a)) diffs.add("#" + i + " file: " + e + " | simulator: " + a);
        }
        if (!diffs.isEmpty()) {
            fail(name + ": " + file.size() + " valid lines in the file, " + ours.size() + " varbinds walked from the simulator; first differences:\n"
                    + String.join("\n", diffs));
        }
    }

    /** Summary of how snmpsim's walk differs from the file: missing, extra and changed OIDs, with examples. */
    private static String differences(List<RecordingsWalkIT.Vb> file, List<RecordingsWalkIT.Vb> snmpsim) {
        Map<String, RecordingsWalkIT.Vb> f = new LinkedHashMap<>();
        file.forEach(v -> f.put(v.oid(), v));
        Map<String, RecordingsWalkIT.Vb> s = new LinkedHashMap<>();
        snmpsim.forEach(v -> s.putIfAbsent(v.oid(), v));
        List<String> missing = f.keySet().stream().filter(k -> !s.containsKey(k)).toList();
        List<String> extra = s.keySet().stream().filter(k -> !f.containsKey(k)).toList();
        List<String> changed = f.keySet().stream().filter(k -> s.containsKey(k) && !s.get(k).equals(f.get(k))).toList();
        if (missing.isEmpty() && extra.isEmpty() && changed.isEmpty() && snmpsim.size() == file.size()) return "identical";
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%d lines, snmpsim walked %d: %d not served, %d extra, %d changed",
                file.size(), snmpsim.size(), missing.size(), extra.size(), changed.size()));
        if (!missing.isEmpty()) sb.append("; first not served: ").append(f.get(missing.get(0)));
        if (!changed.isEmpty()) sb.append("; first changed: file ").append(f.get(changed.get(0))).append(" snmpsim ").append(s.get(changed.get(0)));
        return sb.toString();
    }

    /** The file's valid lines (junk skipped), sorted by OID, in net-snmp's -On -Ox rendering. */
    private static List<RecordingsWalkIT.Vb> fromFile(String name) {
        SnmprecFile rec = SnmprecFile.read(TestData.snmpdata().resolve("recordings/" + name + ".snmprec"));
        List<RecordingsWalkIT.Vb> out = new ArrayList<>(rec.bindings().size());
        for (VariableBinding vb : rec.bindings()) out.add(render(vb.getOid(), vb.getVariable()));
        return out;
    }

    static RecordingsWalkIT.Vb render(OID oid, Variable v) {
        String o = oid.toDottedString();
        if (v instanceof Counter64) return new RecordingsWalkIT.Vb(o, "Counter64", Long.toUnsignedString(v.toLong()));
        if (v instanceof TimeTicks t) return new RecordingsWalkIT.Vb(o, "TimeTicks", Long.toString(t.getValue()));
        if (v instanceof Counter32) return new RecordingsWalkIT.Vb(o, "Counter32", Long.toString(v.toLong()));
        if (v instanceof Gauge32) return new RecordingsWalkIT.Vb(o, "Gauge32", Long.toString(v.toLong()));
        if (v instanceof Integer32 i) return new RecordingsWalkIT.Vb(o, "INTEGER", Integer.toString(i.getValue()));
        if (v instanceof IpAddress ip) return new RecordingsWalkIT.Vb(o, "IpAddress", ip.getInetAddress().getHostAddress());
        if (v instanceof Opaque op) return new RecordingsWalkIT.Vb(o, "Opaque", opaque(op.getValue()));
        if (v instanceof OctetString s) return new RecordingsWalkIT.Vb(o, "OCTET STRING", HexFormat.of().formatHex(s.getValue()));
        if (v instanceof OID id) return new RecordingsWalkIT.Vb(o, "OBJECT IDENTIFIER", id.toDottedString());
        if (v instanceof Null) return new RecordingsWalkIT.Vb(o, "NULL", "");
        throw new IllegalArgumentException(o + ": unexpected " + v.getSyntaxString());
    }

    /** net-snmp prints the UCD opaque float (9f 78 04 + IEEE single) as "Float: %f"; other Opaques in hex. */
    private static String opaque(byte[] b) {
        if (b.length == 7 && (b[0] & 0xff) == 0x9f && (b[1] & 0xff) == 0x78 && b[2] == 4) {
            return String.format(Locale.ROOT, "Float: %f", ByteBuffer.wrap(b, 3, 4).getFloat());
        }
        return HexFormat.of().formatHex(b);
    }

    /** {@code snmpbulkwalk -v2c -On -Ox -c COMMUNITY 127.0.0.1:PORT .1}, parsed like RecordingsWalkIT does. */
    static List<RecordingsWalkIT.Vb> bulkWalk(String community, int port) throws Exception {
        Process p = new ProcessBuilder("snmpbulkwalk", "-v2c", "-c", community, "-On", "-Ox", "-t", "5", "-r", "2",
                "127.0.0.1:" + port, ".1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("snmpbulkwalk " + community + " did not finish");
        }
        List<RecordingsWalkIT.Vb> list = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : text.split("\n")) {
            if (line.matches("^\\.[0-9.]+ = .*") || line.matches("^\\.[0-9.]+ = ?$")) {
                if (cur != null) list.add(RecordingsWalkIT.parseNetSnmp(cur.toString()));
                cur = line.contains(" = No more variables left in this MIB View") ? null : new StringBuilder(line);
            } else if (cur != null && !line.startsWith("No more variables left")) {
                cur.append(' ').append(line); // Hex-STRING continuation lines
            }
        }
        if (cur != null) list.add(RecordingsWalkIT.parseNetSnmp(cur.toString()));
        return list;
    }
}
