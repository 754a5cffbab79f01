package io.mibwatch.catalog.metric;

import static io.mibwatch.core.series.ValueKind.COUNTER32;
import static io.mibwatch.core.series.ValueKind.COUNTER64;
import static io.mibwatch.core.series.ValueKind.GAUGE;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The metric groups every device can be configured with (the config names them:
 * {@code system}, {@code interfaces}, {@code cpu}, {@code storage}, {@code ucd}).
 *
 * <p>The OIDs were resolved from the MIB modules (IF-MIB = RFC 2863, HOST-RESOURCES-MIB
 * = RFC 2790, SNMPv2-MIB = RFC 3418, UCD-SNMP-MIB of net-snmp); the catalog test
 * re-resolves every one of them from the MIB text and checks the SYNTAX against the kind.
 */
public final class StandardMetrics {

    private static final String IF_TABLE = "1.3.6.1.2.1.2.2.1.";         // IF-MIB::ifEntry
    private static final String IFX_TABLE = "1.3.6.1.2.1.31.1.1.1.";     // IF-MIB::ifXEntry
    private static final String HR_STORAGE = "1.3.6.1.2.1.25.2.3.1.";    // HOST-RESOURCES-MIB::hrStorageEntry
    private static final String HR_PROCESSOR = "1.3.6.1.2.1.25.3.3.1.";  // HOST-RESOURCES-MIB::hrProcessorEntry
    private static final String UCD = "1.3.6.1.4.1.2021.";               // UCD-SNMP-MIB::ucdavis

    private static final String RFC2863_IFTABLE = "RFC 2863 section 6 (ifTable); section 3.1.6 (counter size)";
    private static final String RFC2863_IFXTABLE = "RFC 2863 section 6 (ifXTable); section 3.1.6 (counter size)";
    private static final String RFC2790_STORAGE = "RFC 2790 section 5 (hrStorageTable)";
    private static final String UCD_REF = "UCD-SNMP-MIB (net-snmp), ";

    private static final List<MetricGroup> GROUPS = List.of(
            new MetricGroup("system", "Agent uptime; a decrease means a reboot or agent restart (RFC 3418)", List.of(
                    new MetricDef("system", "uptime", "1.3.6.1.2.1.1.3", GAUGE, "s", "SNMPv2-MIB::sysUpTime",
                            "RFC 3418 section 2 (sysUpTime, TimeTicks in 1/100 s)", Indexing.SCALAR,
                            Optional.empty(), new Conversion.Factor(0.01)))),
            new MetricGroup("interfaces", "Per-interface traffic, errors, discards and state (RFC 2863 IF-MIB)", List.of(
                    hc("inOctets", "6", "ifHCInOctets", "10", "ifInOctets", "bytes"),
                    hc("outOctets", "10", "ifHCOutOctets", "16", "ifOutOctets", "bytes"),
                    hc("inUcastPkts", "7", "ifHCInUcastPkts", "11", "ifInUcastPkts", "packets"),
                    hc("outUcastPkts", "11", "ifHCOutUcastPkts", "17", "ifOutUcastPkts", "packets"),
                    ifTable("inDiscards", "13", "ifInDiscards", COUNTER32, "packets"),
                    ifTable("inErrors", "14", "ifInErrors", COUNTER32, "packets"),
                    ifTable("outDiscards", "19", "ifOutDiscards", COUNTER32, "packets"),
                    ifTable("outErrors", "20", "ifOutErrors", COUNTER32, "packets"),
                    // INTEGER enums stored as gauges: 1 up, 2 down, 3 testing (+ 4 unknown, 5 dormant,
                    // 6 notPresent, 7 lowerLayerDown for ifOperStatus) so rules can test the state
                    ifTable("adminStatus", "7", "ifAdminStatus", GAUGE, "state"),
                    ifTable("operStatus", "8", "ifOperStatus", GAUGE, "state"))),
            new MetricGroup("cpu", "Per-processor load over the last minute (RFC 2790 hrProcessorTable)", List.of(
                    MetricDef.of("cpu", "load", HR_PROCESSOR + "2", GAUGE, "%", "HOST-RESOURCES-MIB::hrProcessorLoad",
                            "RFC 2790 section 5 (hrProcessorTable)", Indexing.COLUMN))),
            new MetricGroup("storage", "Per-storage size and use: RAM, swap, file systems (RFC 2790 hrStorageTable)", List.of(
                    storage("used", "6", "hrStorageUsed", new Conversion.ByAllocationUnits(), "bytes"),
                    storage("size", "5", "hrStorageSize", new Conversion.ByAllocationUnits(), "bytes"),
                    storage("usedPct", "6", "hrStorageUsed", new Conversion.PercentOf("used", "size"), "%"))),
            new MetricGroup("ucd", "net-snmp load averages, memory and raw CPU time (UCD-SNMP-MIB)", List.of(
                    laLoad("load1", 1), laLoad("load5", 2), laLoad("load15", 3),
                    memory("memTotalReal", "5"), memory("memAvailReal", "6"),
                    memory("memBuffer", "14"), memory("memCached", "15"),
                    cpuRaw("cpuRawUser", "50", "ssCpuRawUser"),
                    cpuRaw("cpuRawSystem", "52", "ssCpuRawSystem"),
                    cpuRaw("cpuRawIdle", "53", "ssCpuRawIdle"))));

    private StandardMetrics() {
    }

    /** All groups, in a stable order. */
    public static List<MetricGroup> groups() {
        return GROUPS;
    }

    public static Optional<MetricGroup> group(String name) {
        return GROUPS.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** DS names of each group, in catalog order (the RRD layout of the group's files). */
    public static Map<String, List<String>> dsNamesByGroup() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (MetricGroup g : GROUPS) {
            out.put(g.name(), g.dsNames());
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static MetricDef hc(String name, String hcColumn, String hcMib, String column32, String mib32, String unit) {
        return new MetricDef("interfaces", name, IFX_TABLE + hcColumn, COUNTER64, unit, "IF-MIB::" + hcMib,
                RFC2863_IFXTABLE, Indexing.COLUMN,
                Optional.of(new Fallback(IF_TABLE + column32, COUNTER32, "IF-MIB::" + mib32)), Conversion.IDENTITY);
    }

    private static MetricDef ifTable(String name, String column, String mib, io.mibwatch.core.series.ValueKind kind,
                                     String unit) {
        return MetricDef.of("interfaces", name, IF_TABLE + column, kind, unit, "IF-MIB::" + mib, RFC2863_IFTABLE,
                Indexing.COLUMN);
    }

    private static MetricDef storage(String name, String column, String mib, Conversion conversion, String unit) {
        return new MetricDef("storage", name, HR_STORAGE + column, GAUGE, unit, "HOST-RESOURCES-MIB::" + mib,
                RFC2790_STORAGE, Indexing.COLUMN, Optional.empty(), conversion);
    }

    private static MetricDef laLoad(String name, int row) {
        // laLoadInt is the load average times 100 as an integer (laTable rows 1/2/3 = 1/5/15 min)
        return new MetricDef("ucd", name, UCD + "10.1.5." + row, GAUGE, "load", "UCD-SNMP-MIB::laLoadInt",
                UCD_REF + "laTable", Indexing.FIXED_ROW, Optional.empty(), new Conversion.Factor(0.01));
    }

    private static MetricDef memory(String name, String column) {
        // UNITS "kB" in the MIB; stored in bytes like the storage group
        return new MetricDef("ucd", name, UCD + "4." + column, GAUGE, "bytes", "UCD-SNMP-MIB::" + name,
                UCD_REF + "memory", Indexing.SCALAR, Optional.empty(), new Conversion.Factor(1024));
    }

    private static MetricDef cpuRaw(String name, String column, String mib) {
        // ticks (usually 1/100 s) summed over all CPUs; only the rate means something
        return MetricDef.of("ucd", name, UCD + "11." + column, COUNTER32, "ticks", "UCD-SNMP-MIB::" + mib,
                UCD_REF + "systemStats", Indexing.SCALAR);
    }
}
