package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mibwatch mib ...} on the 239 shared MIBs, through the real Picocli command line. */
class MibCommandTest {

    private static String dir;
    private static String dump;

    @BeforeAll
    static void dumpOnce() {
        dir = MibCli.mibDir().toString();
        MibCli.Result r = MibCli.run("mib", "dump", "--mib-dir", dir);
        assertEquals(0, r.exit(), r.err());
        dump = r.out();
    }

    @Test
    void dumpIsTabSeparatedAndSortedByOid() {
        List<String> lines = dump.lines().toList();
        assertTrue(lines.size() > 40_000, "lines: " + lines.size());
        assertTrue(lines.contains("IF-MIB::ifHCInOctets\t1.3.6.1.2.1.31.1.1.1.6\tOBJECT-TYPE"));
        assertTrue(lines.contains("FCMGMT-MIB::connUnitStatusChange\t1.3.6.1.3.94.0.1\tTRAP-TYPE"));
        long[] prev = new long[0];
        for (String line : lines) {
            String[] f = line.split("\t");
            assertEquals(3, f.length, line);
            long[] oid = Arrays.stream(f[1].split("\\.")).mapToLong(Long::parseLong).toArray();
            assertTrue(Arrays.compare(prev, oid) <= 0, "not sorted at " + line);
            prev = oid;
        }
    }

    @Test
    void translateBothWays() {
        MibCli.Result r = MibCli.run("mib", "translate", "--mib-dir", dir, "IF-MIB::ifHCInOctets.3",
                "1.3.6.1.2.1.31.1.1.1.6.3", "ifHCInOctets.3");
        assertEquals(0, r.exit(), r.err());
        assertEquals(List.of("1.3.6.1.2.1.31.1.1.1.6.3", "IF-MIB::ifHCInOctets.3", "1.3.6.1.2.1.31.1.1.1.6.3"),
                r.out().lines().toList());
    }

    @Test
    void translateUnknownNameFailsWithOneLine() {
        MibCli.Result r = MibCli.run("mib", "translate", "--mib-dir", dir, "NOPE-MIB::nothing");
        assertEquals(ExitCodes.FAILURE, r.exit());
        assertEquals("mibwatch translate: unknown MIB name 'NOPE-MIB::nothing' in 'NOPE-MIB::nothing'", r.err().strip());
    }

    @Test
    void showAsJson() throws Exception {
        MibCli.Result r = MibCli.run("mib", "show", "--json", "--mib-dir", dir, "IF-MIB::ifPhysAddress");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("1.3.6.1.2.1.2.2.1.6", j.get("oid").asText());
        assertEquals("PhysAddress", j.get("tc").asText());
        assertEquals("1x:", j.get("displayHint").asText());
        assertEquals("read-only", j.get("access").asText());
    }

    @Test
    void showTextHasIndexAndUnits() {
        MibCli.Result r = MibCli.run("mib", "show", "--mib-dir", dir, "ifXEntry");
        assertTrue(r.out().contains("augments:    ifEntry"), r.out());
        r = MibCli.run("mib", "show", "--mib-dir", dir, "hrMemorySize");
        assertTrue(r.out().contains("units:       KBytes"), r.out());
        r = MibCli.run("mib", "show", "--mib-dir", dir, "ifEntry");
        assertTrue(r.out().contains("index:       ifIndex"), r.out());
    }

    @Test
    void listShowsModulesAndProblems() throws Exception {
        MibCli.Result r = MibCli.run("mib", "list", "--json", "--mib-dir", dir);
        assertEquals(0, r.exit(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(239, j.get("modules").size());
        boolean bfdReported = false;
        for (JsonNode p : j.get("problems")) {
            bfdReported |= p.get("file").asText().endsWith("BFD-STD-MIB") && p.get("line").asInt() == 25;
        }
        assertTrue(bfdReported, r.out());
    }

    @Test
    void compiledCatalogDumpsTheSame(@TempDir Path tmp) {
        Path cat = tmp.resolve("mibs.catalog");
        MibCli.Result c = MibCli.run("mib", "compile", "--mib-dir", dir, "--out", cat.toString());
        assertEquals(0, c.exit(), c.err());
        assertTrue(c.out().contains("239 modules"), c.out());
        MibCli.Result r = MibCli.run("mib", "dump", "--catalog", cat.toString());
        assertEquals(0, r.exit(), r.err());
        assertEquals(dump, r.out());
    }

    @Test
    void missingDirectoriesAreIgnored(@TempDir Path tmp) {
        MibCli.Result r = MibCli.run("mib", "list", "--mib-dir", tmp.resolve("absent").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("0 modules, 0 nodes, 0 problems"), r.out());
    }
}
