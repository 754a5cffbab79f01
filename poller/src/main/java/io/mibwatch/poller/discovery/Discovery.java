package io.mibwatch.poller.discovery;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.catalog.metric.Indexing;
import io.mibwatch.catalog.metric.Label;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.metric.MetricGroup;
import io.mibwatch.catalog.metric.RowFilter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Finds what a device has from the varbinds of walking {@link #WALK_ROOTS}. Pure:
 * no I/O, no clock; the same walk always gives the same inventory.
 */
public final class Discovery {

    // SNMPv2-MIB (RFC 3418) system group scalars
    private static final OID SYSTEM = new OID("1.3.6.1.2.1.1");
    private static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    private static final OID SYS_OBJECT_ID = new OID("1.3.6.1.2.1.1.2.0");
    private static final OID SYS_NAME = new OID("1.3.6.1.2.1.1.5.0");

    // IF-MIB (RFC 2863) ifTable / ifXTable columns
    private static final OID IF_TABLE = new OID("1.3.6.1.2.1.2.2");
    private static final OID IF_DESCR = new OID("1.3.6.1.2.1.2.2.1.2");
    private static final OID IF_TYPE = new OID("1.3.6.1.2.1.2.2.1.3");
    private static final OID IF_SPEED = new OID("1.3.6.1.2.1.2.2.1.5");
    private static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    private static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    private static final OID IF_IN_OCTETS = new OID("1.3.6.1.2.1.2.2.1.10");
    private static final OID IF_OUT_OCTETS = new OID("1.3.6.1.2.1.2.2.1.16");
    private static final OID IFX_TABLE = new OID("1.3.6.1.2.1.31.1.1");
    private static final OID IF_NAME = new OID("1.3.6.1.2.1.31.1.1.1.1");
    private static final OID IF_HC_IN_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.6");
    private static final OID IF_HC_OUT_OCTETS = new OID("1.3.6.1.2.1.31.1.1.1.10");
    private static final OID IF_HIGH_SPEED = new OID("1.3.6.1.2.1.31.1.1.1.15");
    private static final OID IF_ALIAS = new OID("1.3.6.1.2.1.31.1.1.1.18");
    private static final OID IF_COUNTER_DISCONTINUITY_TIME = new OID("1.3.6.1.2.1.31.1.1.1.19");

    // HOST-RESOURCES-MIB (RFC 2790)
    private static final OID HR_STORAGE_TABLE = new OID("1.3.6.1.2.1.25.2.3");
    private static final OID HR_STORAGE_TYPE = new OID("1.3.6.1.2.1.25.2.3.1.2");
    private static final OID HR_STORAGE_DESCR = new OID("1.3.6.1.2.1.25.2.3.1.3");
    private static final OID HR_STORAGE_UNITS = new OID("1.3.6.1.2.1.25.2.3.1.4");
    private static final OID HR_STORAGE_SIZE = new OID("1.3.6.1.2.1.25.2.3.1.5");
    private static final OID HR_PROCESSOR_TABLE = new OID("1.3.6.1.2.1.25.3.3");
    private static final OID HR_PROCESSOR_LOAD = new OID("1.3.6.1.2.1.25.3.3.1.2");

    // UCD-SNMP-MIB (net-snmp): laTable, memory and systemStats groups
    private static final OID UCD_LA_TABLE = new OID("1.3.6.1.4.1.2021.10");
    private static final OID UCD_LA_LOAD_INT = new OID("1.3.6.1.4.1.2021.10.1.5");
    private static final OID UCD_MEMORY = new OID("1.3.6.1.4.1.2021.4");
    private static final OID UCD_MEM_TOTAL_REAL = new OID("1.3.6.1.4.1.2021.4.5.0");
    private static final OID UCD_SYSTEM_STATS = new OID("1.3.6.1.4.1.2021.11");
    private static final List<OID> UCD_CPU_RAW = List.of(new OID("1.3.6.1.4.1.2021.11.50.0"),
            new OID("1.3.6.1.4.1.2021.11.52.0"), new OID("1.3.6.1.4.1.2021.11.53.0"));

    // ENTITY-SENSOR-MIB (RFC 3433): per-sensor scale and precision of entPhySensorValue
    private static final OID ENT_PHY_SENSOR_SCALE = new OID("1.3.6.1.2.1.99.1.1.1.2");
    private static final OID ENT_PHY_SENSOR_PRECISION = new OID("1.3.6.1.2.1.99.1.1.1.3");

    /**
     * The catalog groups with hand-written discovery above (their rows carry interface
     * speeds, allocation units...); every other catalog group is discovered generically
     * from its columns, label and row filter.
     */
    public static final Set<String> BUILT_IN_GROUPS = Set.of("system", "interfaces", "cpu", "storage", "ucd");

    private static final List<OID> BUILT_IN_ROOTS = List.of(SYSTEM, IF_TABLE, IFX_TABLE, HR_STORAGE_TABLE,
            HR_PROCESSOR_TABLE, UCD_LA_TABLE, UCD_MEMORY, UCD_SYSTEM_STATS);

    /**
     * The subtrees discovery reads; walk each of them (GETBULK or GETNEXT) and pass all varbinds.
     * The built-in tables, then for every other catalog group each polled column or scalar and
     * its label, pointer and filter columns (walking only those columns keeps discovery of wide
     * vendor tables such as rttMonLatestJitterOperTable small).
     */
    public static final List<OID> WALK_ROOTS = walkRoots(MetricCatalog.standard());

    private static List<OID> walkRoots(MetricCatalog catalog) {
        Set<OID> roots = new LinkedHashSet<>(BUILT_IN_ROOTS);
        for (MetricGroup g : catalog.groups()) {
            if (BUILT_IN_GROUPS.contains(g.name())) {
                continue;
            }
            for (MetricDef m : g.polled()) {
                OID oid = new OID(m.oid());
                roots.add(m.indexing() == Indexing.FIXED_ROW ? new OID(oid.getValue(), 0, oid.size() - 1) : oid);
                if (m.conversion() instanceof Conversion.BySensorScale) {
                    roots.add(ENT_PHY_SENSOR_SCALE);
                    roots.add(ENT_PHY_SENSOR_PRECISION);
                }
            }
            g.label().ifPresent(l -> {
                roots.add(new OID(l.column().oid()));
                l.via().ifPresent(v -> roots.add(new OID(v.oid())));
            });
            g.rowFilter().ifPresent(f -> roots.add(new OID(f.column().oid())));
        }
        // a root inside another root would be walked twice
        List<OID> out = new ArrayList<>();
        for (OID r : roots) {
            if (roots.stream().noneMatch(o -> !o.equals(r) && r.startsWith(o))) {
                out.add(r);
            }
        }
        return List.copyOf(out);
    }

    /** Columns read per table row; the row index is the single last arc. */
    private static final List<OID> COLUMNS = List.of(IF_DESCR, IF_TYPE, IF_SPEED, IF_ADMIN_STATUS, IF_OPER_STATUS,
            IF_IN_OCTETS, IF_OUT_OCTETS, IF_NAME, IF_HC_IN_OCTETS, IF_HC_OUT_OCTETS, IF_HIGH_SPEED, IF_ALIAS,
            IF_COUNTER_DISCONTINUITY_TIME, HR_STORAGE_TYPE, HR_STORAGE_DESCR, HR_STORAGE_UNITS, HR_STORAGE_SIZE,
            HR_PROCESSOR_LOAD, UCD_LA_LOAD_INT);

    private Discovery() {
    }

    public static Inventory discover(List<VariableBinding> walked) {
        Objects.requireNonNull(walked, "walked");
        Walk w = new Walk(walked);

        // Most agents' walks as recorded have no ifIndex column (it is not-accessible in
        // spirit and many pollers skip it), so the interfaces are the union of the rows
        // of the columns every agent fills: ifDescr, ifType (RFC 2863 ifTable) and ifName.
        SortedSet<Integer> ifIndexes = new TreeSet<>();
        ifIndexes.addAll(w.column(IF_DESCR).keySet());
        ifIndexes.addAll(w.column(IF_NAME).keySet());
        ifIndexes.addAll(w.column(IF_TYPE).keySet());
        List<Inventory.Interface> interfaces = new ArrayList<>(ifIndexes.size());
        for (int i : ifIndexes) {
            long highSpeed = w.number(IF_HIGH_SPEED, i).orElse(0);
            long speed = highSpeed > 0 ? highSpeed * 1_000_000L : w.number(IF_SPEED, i).orElse(0);
            interfaces.add(new Inventory.Interface(i,
                    DisplayText.of(w.column(IF_NAME).get(i)),
                    DisplayText.of(w.column(IF_DESCR).get(i)),
                    DisplayText.of(w.column(IF_ALIAS).get(i)),
                    (int) w.number(IF_TYPE, i).orElse(0),
                    Math.max(0, speed),
                    w.has(IF_HC_IN_OCTETS, i) || w.has(IF_HC_OUT_OCTETS, i),
                    w.has(IF_IN_OCTETS, i) || w.has(IF_OUT_OCTETS, i),
                    (int) w.number(IF_ADMIN_STATUS, i).orElse(0),
                    (int) w.number(IF_OPER_STATUS, i).orElse(0),
                    w.has(IF_COUNTER_DISCONTINUITY_TIME, i)));
        }

        List<Inventory.StorageArea> storage = new ArrayList<>();
        for (int i : w.column(HR_STORAGE_SIZE).keySet()) {
            long size = w.number(HR_STORAGE_SIZE, i).orElse(0);
            long units = w.number(HR_STORAGE_UNITS, i).orElse(0);
            // size 0: an empty drive or an unmounted file system, nothing to measure;
            // units must be >= 1 (RFC 2790 hrStorageAllocationUnits 1..2147483647)
            if (size > 0 && units > 0) {
                storage.add(new Inventory.StorageArea(i, DisplayText.of(w.column(HR_STORAGE_DESCR).get(i)),
                        w.column(HR_STORAGE_TYPE).get(i) instanceof OID t ? t.toDottedString() : "",
                        units, size));
            }
        }

        List<Inventory.Processor> processors = w.column(HR_PROCESSOR_LOAD).keySet().stream()
                .map(Inventory.Processor::new).toList();

        MetricCatalog catalog = MetricCatalog.standard();
        String sysObjectId = DisplayText.of(w.byOid.get(SYS_OBJECT_ID));
        String sysDescr = DisplayText.of(w.byOid.get(SYS_DESCR));
        List<Inventory.GroupRows> tables = new ArrayList<>();
        for (MetricGroup g : catalog.groups()) {
            if (!BUILT_IN_GROUPS.contains(g.name())) {
                tableRows(g, w).ifPresent(tables::add);
            }
        }
        return new Inventory(
                DisplayText.of(w.byOid.get(SYS_NAME)),
                sysDescr,
                sysObjectId,
                interfaces, storage, processors,
                !w.column(UCD_LA_LOAD_INT).isEmpty(),
                w.byOid.containsKey(UCD_MEM_TOTAL_REAL),
                UCD_CPU_RAW.stream().anyMatch(w.byOid::containsKey),
                catalog.profiles().match(sysObjectId, sysDescr).name(),
                tables);
    }

    /**
     * The rows and answered metrics of a catalog group, empty if the walk had none of its
     * metrics. Scalar groups get one row "". Column groups get one row per index (the OID
     * arcs after the column, any number of them) seen in any of their columns.
     */
    private static java.util.Optional<Inventory.GroupRows> tableRows(MetricGroup g, Walk w) {
        Set<String> metrics = new LinkedHashSet<>();
        Set<String> indexes = new TreeSet<>(Discovery::compareIndex);
        boolean scalar = false;
        for (MetricDef m : g.polled()) {
            OID oid = new OID(m.oid());
            switch (m.indexing()) {
                case SCALAR -> {
                    if (w.byOid.containsKey(new OID(oid).append(0))) {
                        metrics.add(m.name());
                        scalar = true;
                    }
                }
                case FIXED_ROW -> {
                    if (w.byOid.containsKey(oid)) {
                        metrics.add(m.name());
                        scalar = true;
                    }
                }
                case COLUMN -> {
                    Map<String, Variable> rows = w.subtree(oid);
                    if (!rows.isEmpty()) {
                        metrics.add(m.name());
                        indexes.addAll(rows.keySet());
                    }
                }
            }
        }
        if (metrics.isEmpty()) {
            return java.util.Optional.empty();
        }
        List<Inventory.Row> rows = new ArrayList<>();
        if (scalar) {
            rows.add(new Inventory.Row("", "", 1.0));
        }
        Map<String, Variable> filter = g.rowFilter().map(f -> w.subtree(new OID(f.column().oid()))).orElse(Map.of());
        boolean scaled = g.polled().stream().anyMatch(m -> m.conversion() instanceof Conversion.BySensorScale);
        for (String index : indexes) {
            if (g.rowFilter().isPresent() && !matches(g.rowFilter().get(), filter.get(index))) {
                continue;
            }
            rows.add(new Inventory.Row(index, g.label().map(l -> label(l, index, w)).orElse(""),
                    scaled ? sensorFactor(w, index) : 1.0));
        }
        if (rows.isEmpty()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Inventory.GroupRows(g.name(), rows, metrics));
    }

    private static boolean matches(RowFilter f, Variable v) {
        return (v instanceof Integer32 || v instanceof UnsignedInteger32) && v.toLong() == f.equals();
    }

    private static String label(Label l, String index, Walk w) {
        String at = index;
        if (l.via().isPresent()) {
            Variable pointer = w.byOid.get(new OID(l.via().get().oid() + "." + index));
            if (!(pointer instanceof Integer32 || pointer instanceof UnsignedInteger32) || pointer.toLong() <= 0) {
                return "";
            }
            at = Long.toString(pointer.toLong());
        }
        return DisplayText.of(w.byOid.get(new OID(l.column().oid() + "." + at)));
    }

    /**
     * ENTITY-SENSOR-MIB (RFC 3433 section 4): value * 10^(3*(scale-9)) * 10^(-precision);
     * scale units(9) and precision 0 when the agent does not say.
     */
    private static double sensorFactor(Walk w, String index) {
        Variable scale = w.byOid.get(new OID(ENT_PHY_SENSOR_SCALE + "." + index));
        Variable precision = w.byOid.get(new OID(ENT_PHY_SENSOR_PRECISION + "." + index));
        long s = scale instanceof Integer32 ? scale.toLong() : 9;
        long p = precision instanceof Integer32 ? precision.toLong() : 0;
        if (s < 1 || s > 17 || p < -8 || p > 9) {
            s = 9;
            p = 0;
        }
        return Math.pow(10, 3 * (s - 9) - p);
    }

    /** Orders dotted indexes arc by arc, numerically. */
    private static int compareIndex(String a, String b) {
        return new OID(a).compareTo(new OID(b));
    }

    /** The walked values indexed once: exact OIDs and single-index table rows. */
    private static final class Walk {
        final TreeMap<OID, Variable> byOid = new TreeMap<>();
        final Map<OID, TreeMap<Integer, Variable>> columns = new HashMap<>();

        Walk(List<VariableBinding> walked) {
            for (OID c : COLUMNS) {
                columns.put(c, new TreeMap<>());
            }
            for (VariableBinding vb : walked) {
                // noSuchObject/noSuchInstance/endOfMibView (RFC 3416 section 4.2.1) mark absence
                if (vb == null || vb.getOid() == null || vb.getVariable() == null || vb.isException()) {
                    continue;
                }
                OID oid = vb.getOid();
                byOid.put(oid, vb.getVariable());
                if (oid.size() < 2) {
                    continue;
                }
                TreeMap<Integer, Variable> column = columns.get(new OID(oid.getValue(), 0, oid.size() - 1));
                int index = oid.last();
                // InterfaceIndex, hrStorageIndex and hrDeviceIndex are 1..2147483647 in the MIBs,
                // but JunOS answers hrProcessorLoad.0 (junos_vmx, junos_ex4600mp recordings): keep
                // row 0 rather than lose the CPU; negative means an arc above 2^31, not an index
                if (column != null && index >= 0) {
                    column.put(index, vb.getVariable());
                }
            }
        }

        /** The values under a column, keyed by the dotted index after it. */
        Map<String, Variable> subtree(OID column) {
            Map<String, Variable> out = new LinkedHashMap<>();
            for (Map.Entry<OID, Variable> e : byOid.subMap(column, false, column.nextPeer(), false).entrySet()) {
                OID oid = e.getKey();
                if (oid.size() > column.size()) {
                    out.put(new OID(oid.getValue(), column.size(), oid.size() - column.size()).toDottedString(),
                            e.getValue());
                }
            }
            return out;
        }

        Map<Integer, Variable> column(OID column) {
            return columns.get(column);
        }

        boolean has(OID column, int index) {
            return columns.get(column).containsKey(index);
        }

        OptionalLong number(OID column, int index) {
            Variable v = columns.get(column).get(index);
            if (v instanceof Integer32 || v instanceof UnsignedInteger32 || v instanceof Counter64) {
                return OptionalLong.of(v.toLong());
            }
            return OptionalLong.empty();
        }
    }
}
