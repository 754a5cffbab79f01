package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fuzz-ish robustness: truncated and garbled copies of real MIBs never make the loader throw;
 * what is wrong is reported as problems, and the untouched base modules still load.
 */
class MutatedMibsTest {

    /** SMIv2, SMIv1, CRLF, vendor, traps, TCs, SPPI. */
    private static final List<String> VICTIMS = List.of("IF-MIB", "RFC1213-MIB", "ADSL2-LINE-TC-MIB",
            "CISCO-PROCESS-MIB", "FCMGMT-MIB", "SNMPv2-TC", "CISCO-QOS-PIB-MIB");
    private static final int CUTS = 8;
    private static final int GARBLES = 6;

    static Stream<Arguments> truncations() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (String name : VICTIMS) {
            byte[] b = Files.readAllBytes(SnmpData.mibDir().resolve(name));
            // cut points spread over the file, plus a few right after its start
            int lastEnd = new String(b, StandardCharsets.ISO_8859_1).lastIndexOf("END");
            for (int i = 0; i < CUTS; i++) {
                int cut = (int) ((long) lastEnd * i / CUTS);
                out.add(Arguments.of(name, cut));
            }
            out.add(Arguments.of(name, 3));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} cut at byte {1}")
    @MethodSource("truncations")
    void truncatedCopyIsReportedNotThrown(String name, int cut) throws IOException {
        byte[] b = Files.readAllBytes(SnmpData.mibDir().resolve(name));
        MibSet s = loadWithBase(name, java.util.Arrays.copyOf(b, cut));
        List<MibProblem> own = problemsOf(s, name);
        assertFalse(own.isEmpty(), "a cut before END must be reported");
        assertNoInternalErrors(s);
        assertBaseStillLoads(s);
    }

    static Stream<Arguments> garbles() {
        List<Arguments> out = new ArrayList<>();
        for (String name : VICTIMS) {
            for (int seed = 1; seed <= GARBLES; seed++) {
                out.add(Arguments.of(name, seed * 7919L, seed * 5));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} seed {1}, {2} random bytes")
    @MethodSource("garbles")
    void garbledCopyIsReportedNotThrown(String name, long seed, int flips) throws IOException {
        byte[] b = Files.readAllBytes(SnmpData.mibDir().resolve(name));
        Random r = new Random(seed);
        // replace bytes with ones that matter to the grammar as well as random ones
        byte[] nasty = "{}()\"-:=.,;'[]|\n\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < flips; i++) {
            int at = r.nextInt(b.length);
            b[at] = r.nextBoolean() ? nasty[r.nextInt(nasty.length)] : (byte) r.nextInt(256);
        }
        MibSet s = loadWithBase(name, b);
        assertNoInternalErrors(s);
        assertBaseStillLoads(s);
        for (MibNode n : s.tree().nodes()) {
            assertTrue(s.modules().stream().anyMatch(m -> m.name().equals(n.module())), n.toString());
        }
    }

    private static MibSet loadWithBase(String name, byte[] content) throws IOException {
        Path tmp = Files.createTempDirectory("mutated");
        try {
            Path f = tmp.resolve(name);
            Files.write(f, content);
            List<Path> files = new ArrayList<>();
            for (String base : List.of("SNMPv2-SMI", "SNMPv2-CONF", "RFC1155-SMI", "RFC-1212", "RFC-1215")) {
                files.add(SnmpData.mibDir().resolve(base));
            }
            if (!name.equals("SNMPv2-TC")) {
                files.add(SnmpData.mibDir().resolve("SNMPv2-TC"));
            }
            files.add(f);
            return MibLoader.loadFiles(files);
        } finally {
            try (Stream<Path> s = Files.list(tmp)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(tmp);
        }
    }

    private static List<MibProblem> problemsOf(MibSet s, String name) {
        return s.problems().stream().filter(p -> p.file().endsWith("/" + name)).collect(Collectors.toList());
    }

    private static void assertNoInternalErrors(MibSet s) {
        for (MibProblem p : s.problems()) {
            assertFalse(p.cause().startsWith("internal parser error"), p.toString());
            assertTrue(p.line() >= 0, p.toString());
        }
    }

    private static void assertBaseStillLoads(MibSet s) {
        Set<String> names = s.modules().stream().map(MibModule::name).collect(Collectors.toSet());
        assertTrue(names.containsAll(Set.of("SNMPv2-SMI", "SNMPv2-CONF", "RFC1155-SMI")), names.toString());
        assertEquals("1.3.6.1.4.1", s.tree().find("SNMPv2-SMI::enterprises").orElseThrow().oid().toString());
    }
}
