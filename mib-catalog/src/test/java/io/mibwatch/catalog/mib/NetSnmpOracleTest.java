package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The MIB loader's acceptance oracle: our OID tree of the 239 shared MIBs against net-snmp's
 * {@code snmptranslate -M DIR -m ALL -Tz} (Debian package {@code snmp}). -M replaces the search path,
 * so net-snmp sees exactly the shared directory.
 */
class NetSnmpOracleTest {

    private static final Pattern TZ_LINE = Pattern.compile("^\"([^\"]*)\"\\s+\"([0-9.]+)\"$");

    private static Set<String> reference;
    private static Map<String, Set<String>> referenceByName;
    private static Set<String> ours;

    @BeforeAll
    static void load() throws Exception {
        Path dir = SnmpData.mibDir();
        ProcessBuilder pb = new ProcessBuilder("snmptranslate", "-M", dir.toString(), "-m", "ALL", "-Tz");
        pb.environment().remove("MIBS");
        pb.environment().remove("MIBDIRS");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("snmptranslate not runnable (install Debian package 'snmp'): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "snmptranslate exit status");
        reference = new HashSet<>();
        referenceByName = new HashMap<>();
        for (String line : out.split("\n")) {
            Matcher m = TZ_LINE.matcher(line.trim());
            if (m.matches()) {
                reference.add(m.group(1) + "\t" + m.group(2));
                referenceByName.computeIfAbsent(m.group(1), k -> new HashSet<>()).add(m.group(2));
            }
        }
        assertTrue(reference.size() > 40_000, "net-snmp named only " + reference.size() + " nodes");
        MibSet set = MibLoader.load(List.of(dir));
        ours = new HashSet<>();
        for (MibNode n : set.tree().nodes()) {
            ours.add(n.descriptor() + "\t" + n.oid());
        }
    }

    @Test
    void atLeast99point5PercentOfNetSnmpPairsAreOurs() {
        Set<String> misses = new TreeSet<>(reference);
        misses.removeAll(ours);
        double pct = 100.0 * (reference.size() - misses.size()) / reference.size();
        System.out.printf("oracle: %d of %d net-snmp (descriptor, OID) pairs found (%.3f%%); %d misses%n",
                reference.size() - misses.size(), reference.size(), pct, misses.size());
        misses.forEach(m -> System.out.println("  miss: " + m));
        assertTrue(pct >= 99.5, String.format("only %.3f%% of net-snmp's pairs found; misses: %s", pct, misses));
    }

    @Test
    void noDescriptorMapsToAnOidNetSnmpDoesNotGiveIt() {
        List<String> conflicts = new ArrayList<>();
        for (String pair : ours) {
            String[] f = pair.split("\t");
            Set<String> refOids = referenceByName.get(f[0]);
            if (refOids != null && !refOids.contains(f[1])) {
                conflicts.add(f[0] + " -> ours " + f[1] + ", net-snmp " + refOids);
            }
        }
        conflicts.sort(null);
        conflicts.forEach(c -> System.out.println("  conflict: " + c));
        assertEquals(List.of(), conflicts);
    }
}
