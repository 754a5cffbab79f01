package io.mibwatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

/**
 * Acceptance of the recordings walk: for every recording served by Debian's snmpsim,
 * {@code mibwatch walk --json} returns exactly what net-snmp's
 * {@code snmpbulkwalk -On -Ox} returns from the same agent, varbind by varbind,
 * and {@code discover} finds interfaces wherever the recording has ifDescr.
 * Also reports how many lines of each file snmpsim did not serve, and why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecordingsWalkIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, String> report = new ConcurrentHashMap<>();
    private SnmpsimFixture sim;

    record Vb(String oid, String type, String value) {
        @Override
        public String toString() {
            return oid + " " + type + " " + value;
        }
    }

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        sim = new SnmpsimFixture(TestData.snmpdata().resolve("recordings"), tmp);
    }

    @AfterAll
    void stop() throws Exception {
        if (sim != null) sim.close();
        System.out.println("recording | lines | invalid (removed for snmpsim) | duplicate OIDs | junk lines | served | not served by snmpsim");
        new TreeMap<>(report).values().forEach(System.out::println);
    }

    Stream<String> recordings() throws IOException {
        try (Stream<Path> s = Files.list(TestData.snmpdata().resolve("recordings"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".snmprec"))
                    .map(n -> n.substring(0, n.length() - 8)).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordings")
    void walkEqualsNetSnmpAndDiscoveryFindsInterfaces(String name) throws Exception {
        List<Vb> expected = netSnmpWalk(name);
        List<Vb> actual = mibwatchWalk(name);
        report.put(name, lineReport(name, expected.size()));
        compare(name, expected, actual);

        Set<String> ifIndexes = interfaceIndexes(actual);
        if (!ifIndexes.isEmpty()) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = Main.run(new PrintWriter(out), new PrintWriter(err), "discover", "--json", "-c", name,
                    "127.0.0.1:" + sim.port);
            assertEquals(0, rc, "discover " + name + ": " + err);
            JsonNode interfaces = JSON.readTree(out.toString()).path("inventory").path("interfaces");
            assertFalse(interfaces.isEmpty(), name + ": discover found no interfaces but the walk has ifDescr/ifName/ifType");
            assertEquals(ifIndexes.size(), interfaces.size(), name + ": interfaces discovered vs distinct ifDescr/ifName/ifType indexes");
        }
    }

    private static void compare(String name, List<Vb> expected, List<Vb> actual) {
        List<String> diffs = new ArrayList<>();
        int n = Math.max(expected.size(), actual.size());
        for (int i = 0; i < n && diffs.size() < 10; i++) {
            Vb e = i < expected.size() ? expected.get(i) : null;
            Vb a = i < actual.size() ? actual.get(i) : null;
            if (e == null || !e.equals(a)) diffs.add("#" + i + " snmpbulkwalk: " + e + " | mibwatch: " + a);
        }
        if (!diffs.isEmpty()) {
            fail(name + ": " + expected.size() + " varbinds from snmpbulkwalk, " + actual.size() + " from mibwatch; first differences:\n"
                    + String.join("\n", diffs));
        }
    }

    private static Set<String> interfaceIndexes(List<Vb> walk) {
        Set<String> idx = new HashSet<>();
        for (Vb vb : walk) {
            for (String col : new String[] {"1.3.6.1.2.1.2.2.1.2.", "1.3.6.1.2.1.2.2.1.3.", "1.3.6.1.2.1.31.1.1.1.1."}) {
                if (vb.oid().startsWith(col) && vb.oid().indexOf('.', col.length()) < 0) idx.add(vb.oid().substring(col.length()));
            }
        }
        return idx;
    }

    private List<Vb> mibwatchWalk(String name) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int rc = Main.run(new PrintWriter(out), new PrintWriter(err), "walk", "--json", "-c", name, "-t", "5", "-r", "2",
                "127.0.0.1:" + sim.port);
        assertEquals(0, rc, "mibwatch walk " + name + " failed: " + err);
        List<Vb> list = new ArrayList<>();
        for (String line : out.toString().split("\n")) {
            if (line.isBlank()) continue;
            JsonNode o = JSON.readTree(line);
            String type = o.get("type").asText();
            String value = switch (type) {
                case "OCTET STRING" -> o.get("hex").asText();
                case "Opaque" -> opaque(o.get("value").asText());
                case "NULL" -> "";
                default -> o.get("value").asText();
            };
            list.add(new Vb(o.get("oid").asText(), type, value));
        }
        return list;
    }

    /** net-snmp prints Opaque-wrapped floats (RFC 2579-style UCD extension: 9f 78 04 + IEEE float) as "Float: x". */
    private static String opaque(String hex) {
        byte[] b = HexFormat.of().parseHex(hex);
        if (b.length == 7 && (b[0] & 0xff) == 0x9f && (b[1] & 0xff) == 0x78 && b[2] == 4) {
            return String.format(Locale.ROOT, "Float: %f", ByteBuffer.wrap(b, 3, 4).getFloat());
        }
        if (b.length == 11 && (b[0] & 0xff) == 0x9f && (b[1] & 0xff) == 0x79 && b[2] == 8) {
            return String.format(Locale.ROOT, "Double: %f", ByteBuffer.wrap(b, 3, 8).getDouble());
        }
        return hex;
    }

    private List<Vb> netSnmpWalk(String name) throws Exception {
        Process p = new ProcessBuilder("snmpbulkwalk", "-v2c", "-c", name, "-On", "-Ox", "-t", "5", "-r", "2",
                "127.0.0.1:" + sim.port, ".1").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("snmpbulkwalk " + name + " did not finish");
        }
        List<Vb> list = new ArrayList<>();
        StringBuilder cur = null;
        for (String line : text.split("\n")) {
            if (line.matches("^\\.[0-9.]+ = .*") || line.matches("^\\.[0-9.]+ = ?$")) {
                if (cur != null) list.add(parseNetSnmp(cur.toString()));
                // endOfMibView varbinds of the last GETBULK answer (RFC 3416 4.2.3) end the walk
                cur = line.contains(" = No more variables left in this MIB View") ? null : new StringBuilder(line);
            } else if (cur != null && !line.startsWith("No more variables left")) {
                cur.append(' ').append(line); // Hex-STRING continuation lines
            }
        }
        if (cur != null) list.add(parseNetSnmp(cur.toString()));
        return list;
    }

    static Vb parseNetSnmp(String line) {
        int eq = line.indexOf(" = ");
        String oid = line.substring(1, eq);
        String rest = line.substring(eq + 3).trim();
        if (rest.equals("\"\"")) return new Vb(oid, "OCTET STRING", "");
        if (rest.equals("NULL")) return new Vb(oid, "NULL", "");
        int colon = rest.indexOf(": ");
        String tag = colon < 0 ? rest : rest.substring(0, colon);
        String v = colon < 0 ? "" : rest.substring(colon + 2).trim();
        return switch (tag) {
            case "INTEGER" -> new Vb(oid, "INTEGER", v);
            case "Hex-STRING" -> new Vb(oid, "OCTET STRING", v.replace(" ", "").toLowerCase(Locale.ROOT));
            case "STRING" -> new Vb(oid, "OCTET STRING",
                    HexFormat.of().formatHex(unquote(v).getBytes(StandardCharsets.ISO_8859_1)));
            case "OID" -> new Vb(oid, "OBJECT IDENTIFIER", v.startsWith(".") ? v.substring(1) : v);
            case "Timeticks" -> new Vb(oid, "TimeTicks", v.substring(1, v.indexOf(')')));
            case "Counter32", "Gauge32", "Counter64", "IpAddress" -> new Vb(oid, tag, v);
            case "Opaque" -> new Vb(oid, "Opaque", v.contains(":") ? v : v.replace(" ", "").toLowerCase(Locale.ROOT));
            default -> new Vb(oid, "?" + tag, v);
        };
    }

    private static String unquote(String v) {
        return v.startsWith("\"") && v.endsWith("\"") && v.length() >= 2 ? v.substring(1, v.length() - 1) : v;
    }

    /** Lines of the original file vs varbinds snmpsim served, with the reasons we can name. */
    private String lineReport(String name, int served) throws IOException {
        List<String> lines = Files.readAllLines(TestData.snmpdata().resolve("recordings/" + name + ".snmprec"),
                StandardCharsets.ISO_8859_1);
        int total = 0;
        int junk = 0;
        Set<String> oids = new HashSet<>();
        int dups = 0;
        for (String raw : lines) {
            String l = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (l.isBlank()) continue;
            total++;
            String[] parts = l.split("\\|", 3);
            if (parts.length < 3) {
                junk++;
                continue;
            }
            if (SnmpsimFixture.invalidForSnmpsim(l)) continue;
            if (!oids.add(parts[0])) dups++;
        }
        int invalid = sim.removedInvalid.getOrDefault(name, 0);
        return String.format(Locale.ROOT, "%s | %d | %d | %d | %d | %d | %d", name, total, invalid, dups, junk, served,
                oids.size() - served);
    }
}
