package io.mibwatch.poller.discovery;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What discovery found on one device; the poll planner turns it into exact OIDs.
 *
 * @param ucdLoad   UCD-SNMP-MIB laLoadInt rows exist (net-snmp and derivatives)
 * @param ucdMemory UCD-SNMP-MIB memTotalReal.0 exists
 * @param ucdCpuRaw UCD-SNMP-MIB ssCpuRawIdle.0 (or User/System) exists
 * @param profile   the device profile of the metric catalog that sysObjectID/sysDescr match
 * @param tables    the catalog groups other than the five built-in ones (system, interfaces,
 *                  cpu, storage, ucd) that the walk showed, with their rows and metrics
 */
public record Inventory(String sysName, String sysDescr, String sysObjectId, List<Interface> interfaces,
                        List<StorageArea> storage, List<Processor> processors, boolean ucdLoad, boolean ucdMemory,
                        boolean ucdCpuRaw, String profile, List<GroupRows> tables) {

    public Inventory {
        Objects.requireNonNull(sysName, "sysName");
        Objects.requireNonNull(sysDescr, "sysDescr");
        Objects.requireNonNull(sysObjectId, "sysObjectId");
        Objects.requireNonNull(profile, "profile");
        interfaces = List.copyOf(interfaces);
        storage = List.copyOf(storage);
        processors = List.copyOf(processors);
        tables = List.copyOf(tables);
    }

    /** An inventory of the built-in groups only, with the default profile. */
    public Inventory(String sysName, String sysDescr, String sysObjectId, List<Interface> interfaces,
                     List<StorageArea> storage, List<Processor> processors, boolean ucdLoad, boolean ucdMemory,
                     boolean ucdCpuRaw) {
        this(sysName, sysDescr, sysObjectId, interfaces, storage, processors, ucdLoad, ucdMemory, ucdCpuRaw,
                "default", List.of());
    }

    /** The rows found for a catalog group, if the walk had any. */
    public Optional<GroupRows> table(String group) {
        return tables.stream().filter(t -> t.group().equals(group)).findFirst();
    }

    /**
     * What the walk showed of one catalog group.
     *
     * @param rows    one per instance; a scalar group has one row with index ""
     * @param metrics names of the group's polled metrics the agent answered
     */
    public record GroupRows(String group, List<Row> rows, Set<String> metrics) {
        public GroupRows {
            Objects.requireNonNull(group, "group");
            rows = List.copyOf(rows);
            metrics = Set.copyOf(metrics);
        }
    }

    /**
     * One instance of a catalog group.
     *
     * @param index  the row index as dotted arcs after the column OID ("" for scalars), e.g.
     *               "9.1.0.0" in JUNIPER-MIB's four-arc jnxOperatingTable index
     * @param label  the row's name from the group's label column, "" if none
     * @param factor multiplier fixed per row (ENTITY-SENSOR-MIB scale and precision), 1 otherwise
     */
    public record Row(String index, String label, double factor) {
        public Row {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * One row of the ifTable/ifXTable (RFC 2863).
     *
     * @param type                IANAifType, 0 if the agent did not say
     * @param speedBitsPerSecond  ifHighSpeed * 10^6 if non-zero, else ifSpeed, 0 if unknown
     * @param hcCounters          ifHCInOctets or ifHCOutOctets exists for this index
     * @param counters32          ifInOctets or ifOutOctets exists for this index
     * @param adminStatus         ifAdminStatus at discovery (1 up, 2 down, 3 testing), 0 unknown
     * @param operStatus          ifOperStatus at discovery, 0 unknown
     * @param discontinuityTime   ifCounterDiscontinuityTime exists (RFC 2863 section 3.1.6)
     */
    public record Interface(int index, String name, String descr, String alias, int type, long speedBitsPerSecond,
                            boolean hcCounters, boolean counters32, int adminStatus, int operStatus,
                            boolean discontinuityTime) {
        public Interface {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(descr, "descr");
            Objects.requireNonNull(alias, "alias");
        }

        /** A label for people: ifName, else ifDescr, else the index. */
        public String label() {
            return !name.isEmpty() ? name : !descr.isEmpty() ? descr : "ifIndex " + index;
        }
    }

    /**
     * One row of the hrStorageTable (RFC 2790).
     *
     * @param type            hrStorageType as a dotted OID (e.g. 1.3.6.1.2.1.25.2.1.4 hrStorageFixedDisk), "" if absent
     * @param allocationUnits bytes per unit (hrStorageAllocationUnits)
     * @param sizeUnits       hrStorageSize at discovery, in allocation units
     */
    public record StorageArea(int index, String descr, String type, long allocationUnits, long sizeUnits) {
        public StorageArea {
            Objects.requireNonNull(descr, "descr");
            Objects.requireNonNull(type, "type");
        }
    }

    /** One row of the hrProcessorTable (RFC 2790). */
    public record Processor(int index) {
    }
}
