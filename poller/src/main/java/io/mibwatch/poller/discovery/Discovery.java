package io.mibwatch.poller.discovery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
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

    /** The subtrees discovery reads; walk each of them (GETBULK or GETNEXT) and pass all varbinds. */
    public static final List<OID> WALK_ROOTS = List.of(SYSTEM, IF_TABLE, IFX_TABLE, HR_STORAGE_TABLE,
            HR_PROCESSOR_TABLE, UCD_LA_TABLE, UCD_MEMORY, UCD_SYSTEM_STATS);

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

        return new Inventory(
                DisplayText.of(w.byOid.get(SYS_NAME)),
                DisplayText.of(w.byOid.get(SYS_DESCR)),
                DisplayText.of(w.byOid.get(SYS_OBJECT_ID)),
                interfaces, storage, processors,
                !w.column(UCD_LA_LOAD_INT).isEmpty(),
                w.byOid.containsKey(UCD_MEM_TOTAL_REAL),
                UCD_CPU_RAW.stream().anyMatch(w.byOid::containsKey));
    }

    /** The walked values indexed once: exact OIDs and single-index table rows. */
    private static final class Walk {
        final Map<OID, Variable> byOid = new HashMap<>();
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
