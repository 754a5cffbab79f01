package io.mibwatch.poller.discovery;

import java.util.List;
import java.util.Objects;

/**
 * What discovery found on one device; the poll planner turns it into exact OIDs.
 *
 * @param ucdLoad   UCD-SNMP-MIB laLoadInt rows exist (net-snmp and derivatives)
 * @param ucdMemory UCD-SNMP-MIB memTotalReal.0 exists
 * @param ucdCpuRaw UCD-SNMP-MIB ssCpuRawIdle.0 (or User/System) exists
 */
public record Inventory(String sysName, String sysDescr, String sysObjectId, List<Interface> interfaces,
                        List<StorageArea> storage, List<Processor> processors, boolean ucdLoad, boolean ucdMemory,
                        boolean ucdCpuRaw) {

    public Inventory {
        Objects.requireNonNull(sysName, "sysName");
        Objects.requireNonNull(sysDescr, "sysDescr");
        Objects.requireNonNull(sysObjectId, "sysObjectId");
        interfaces = List.copyOf(interfaces);
        storage = List.copyOf(storage);
        processors = List.copyOf(processors);
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
