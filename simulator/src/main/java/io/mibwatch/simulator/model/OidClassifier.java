package io.mibwatch.simulator.model;

import java.util.HashMap;
import java.util.Map;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;

/**
 * Decides from a recorded OID and its value's type how the value moves. The SMI type decides
 * counters (every Counter32/Counter64 counts, RFC 2578 sections 7.1.6 and 7.1.10); which column
 * it is decides the rate. Gauges move only in the columns listed here, because most Gauge32 and
 * INTEGER objects are configuration (ifSpeed, hrStorageSize) that must stay put. OIDs looked up in
 * ../shared/snmpdata/mibs with {@code snmptranslate -On}.
 */
public final class OidClassifier {

    // SNMPv2-MIB (RFC 3418) sysUpTime.0, HOST-RESOURCES-MIB (RFC 2790) hrSystemUptime.0,
    // SNMP-FRAMEWORK-MIB (RFC 3411) snmpEngineTime.0
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final OID HR_SYSTEM_UPTIME = new OID("1.3.6.1.2.1.25.1.1.0");
    static final OID SNMP_ENGINE_TIME = new OID("1.3.6.1.6.3.10.2.1.3.0");

    // IF-MIB (RFC 2863)
    static final OID IF_ENTRY = new OID("1.3.6.1.2.1.2.2.1");
    static final OID IFX_ENTRY = new OID("1.3.6.1.2.1.31.1.1.1");
    static final OID IF_SPEED = new OID("1.3.6.1.2.1.2.2.1.5");
    static final OID IF_ADMIN_STATUS = new OID("1.3.6.1.2.1.2.2.1.7");
    static final OID IF_OPER_STATUS = new OID("1.3.6.1.2.1.2.2.1.8");
    static final OID IF_HIGH_SPEED = new OID("1.3.6.1.2.1.31.1.1.1.15");

    // HOST-RESOURCES-MIB (RFC 2790)
    static final OID HR_STORAGE_TYPE = new OID("1.3.6.1.2.1.25.2.3.1.2");
    static final OID HR_STORAGE_SIZE = new OID("1.3.6.1.2.1.25.2.3.1.5");
    static final OID HR_STORAGE_USED = new OID("1.3.6.1.2.1.25.2.3.1.6");
    static final OID HR_STORAGE_RAM = new OID("1.3.6.1.2.1.25.2.1.2");

    // CISCO-RTTMON-MIB rttMonLatestRttOperCompletionTime, rttMonEchoAdminCodecType, rttMonLatestJitterOperEntry
    static final String IP_SLA_COMPLETION_TIME = "1.3.6.1.4.1.9.9.42.1.2.10.1.1";
    static final String IP_SLA_CODEC = "1.3.6.1.4.1.9.9.42.1.2.2.1.27";
    static final String IP_SLA_JITTER_ENTRY = "1.3.6.1.4.1.9.9.42.1.5.2.1";

    private record IfColumn(CounterRole role, boolean inbound) {
    }

    /** ifEntry column number -> counter role (RFC 2863 section 6, ifTable). */
    private static final Map<Integer, IfColumn> IF_COLUMNS = Map.ofEntries(
            Map.entry(10, new IfColumn(CounterRole.OCTETS, true)),              // ifInOctets
            Map.entry(11, new IfColumn(CounterRole.UNICAST_PACKETS, true)),     // ifInUcastPkts
            Map.entry(12, new IfColumn(CounterRole.NON_UNICAST_PACKETS, true)), // ifInNUcastPkts
            Map.entry(13, new IfColumn(CounterRole.DISCARDS, true)),            // ifInDiscards
            Map.entry(14, new IfColumn(CounterRole.ERRORS, true)),              // ifInErrors
            Map.entry(15, new IfColumn(CounterRole.UNKNOWN_PROTOS, true)),      // ifInUnknownProtos
            Map.entry(16, new IfColumn(CounterRole.OCTETS, false)),             // ifOutOctets
            Map.entry(17, new IfColumn(CounterRole.UNICAST_PACKETS, false)),    // ifOutUcastPkts
            Map.entry(18, new IfColumn(CounterRole.NON_UNICAST_PACKETS, false)),// ifOutNUcastPkts
            Map.entry(19, new IfColumn(CounterRole.DISCARDS, false)),           // ifOutDiscards
            Map.entry(20, new IfColumn(CounterRole.ERRORS, false)));            // ifOutErrors

    /** ifXEntry column number -> counter role (RFC 2863 section 6, ifXTable). */
    private static final Map<Integer, IfColumn> IFX_COLUMNS = Map.ofEntries(
            Map.entry(2, new IfColumn(CounterRole.MULTICAST_PACKETS, true)),    // ifInMulticastPkts
            Map.entry(3, new IfColumn(CounterRole.BROADCAST_PACKETS, true)),    // ifInBroadcastPkts
            Map.entry(4, new IfColumn(CounterRole.MULTICAST_PACKETS, false)),   // ifOutMulticastPkts
            Map.entry(5, new IfColumn(CounterRole.BROADCAST_PACKETS, false)),   // ifOutBroadcastPkts
            Map.entry(6, new IfColumn(CounterRole.OCTETS, true)),               // ifHCInOctets
            Map.entry(7, new IfColumn(CounterRole.UNICAST_PACKETS, true)),      // ifHCInUcastPkts
            Map.entry(8, new IfColumn(CounterRole.MULTICAST_PACKETS, true)),    // ifHCInMulticastPkts
            Map.entry(9, new IfColumn(CounterRole.BROADCAST_PACKETS, true)),    // ifHCInBroadcastPkts
            Map.entry(10, new IfColumn(CounterRole.OCTETS, false)),             // ifHCOutOctets
            Map.entry(11, new IfColumn(CounterRole.UNICAST_PACKETS, false)),    // ifHCOutUcastPkts
            Map.entry(12, new IfColumn(CounterRole.MULTICAST_PACKETS, false)),  // ifHCOutMulticastPkts
            Map.entry(13, new IfColumn(CounterRole.BROADCAST_PACKETS, false))); // ifHCOutBroadcastPkts

    /** Table column OID (the entry OID plus column number) -> gauge role. */
    private static final Map<OID, GaugeRole> GAUGE_COLUMNS = new HashMap<>();

    static {
        // HOST-RESOURCES-MIB (RFC 2790) hrProcessorLoad, hrStorageUsed
        GAUGE_COLUMNS.put(new OID("1.3.6.1.2.1.25.3.3.1.2"), GaugeRole.CPU_PERCENT);
        GAUGE_COLUMNS.put(HR_STORAGE_USED, GaugeRole.STORAGE_USED);
        // CISCO-PROCESS-MIB cpmCPUTotal5sec/1min/5min (.3-.5, deprecated) and the ...Rev ones (.6-.8)
        for (int c = 3; c <= 8; c++) {
            GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.109.1.1.1.1." + c), GaugeRole.CPU_PERCENT);
        }
        // FORTINET-FORTIGATE-MIB fgSysCpuUsage (scalar, .0)
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.12356.101.4.1.3"), GaugeRole.CPU_PERCENT);
        // UCD-SNMP-MIB laLoad, laLoadInt
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.2021.10.1.3"), GaugeRole.LOAD_AVERAGE_TEXT);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.2021.10.1.5"), GaugeRole.LOAD_AVERAGE_HUNDREDTHS);
        // CISCO-ENVMON-MIB ciscoEnvMonTemperatureStatusValue; LM-SENSORS-MIB lmTempSensorsValue (mC);
        // UPS-MIB (RFC 1628) upsBatteryTemperature; ENTITY-SENSOR-MIB is left static: its unit varies per row
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.13.1.3.1.3"), GaugeRole.TEMPERATURE);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.2021.13.16.2.1.3"), GaugeRole.TEMPERATURE);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.2.1.33.1.2.7"), GaugeRole.TEMPERATURE);
        // UPS-MIB upsOutputPercentLoad
        GAUGE_COLUMNS.put(new OID("1.3.6.1.2.1.33.1.4.4.1.5"), GaugeRole.PERCENT_LOAD);
        // CISCO-RTTMON-MIB rttMonLatestRttOperCompletionTime; rttMonLatestJitterOperRTTMin/RTTMax
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.2.10.1.1"), GaugeRole.LATENCY);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1.4"), GaugeRole.LATENCY);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1.5"), GaugeRole.LATENCY);
        // rttMonLatestJitterOperAvgJitter, AvgSDJ, AvgDSJ
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1.46"), GaugeRole.JITTER);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1.47"), GaugeRole.JITTER);
        GAUGE_COLUMNS.put(new OID("1.3.6.1.4.1.9.9.42.1.5.2.1.48"), GaugeRole.JITTER);
        // rttMonLatestJitterOperNumOfRTT, RTTSum, PacketLossSD, PacketLossDS, MOS, ICPIF
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".1"), GaugeRole.RTT_COUNT);
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".2"), GaugeRole.RTT_SUM);
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".26"), GaugeRole.PACKET_LOSS);
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".27"), GaugeRole.PACKET_LOSS);
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".42"), GaugeRole.MOS_HUNDREDTHS);
        GAUGE_COLUMNS.put(new OID(IP_SLA_JITTER_ENTRY + ".43"), GaugeRole.ICPIF);
    }

    private OidClassifier() {
    }

    /** How {@code oid}, recorded with value {@code recorded}, moves. */
    public static Behaviour classify(OID oid, Variable recorded) {
        if (recorded instanceof TimeTicks && (oid.equals(SYS_UPTIME) || oid.equals(HR_SYSTEM_UPTIME))) {
            return new Behaviour.Uptime(100, 1L << 32);
        }
        if (recorded instanceof Integer32 && oid.equals(SNMP_ENGINE_TIME)) {
            return new Behaviour.Uptime(1, 1L << 31);
        }
        if (oid.size() < 2) {
            return Behaviour.STATIC;
        }
        OID column = new OID(oid.getValue(), 0, oid.size() - 1);
        int last = oid.last();
        if (recorded instanceof Counter32 || recorded instanceof Counter64) {
            boolean wide = recorded instanceof Counter64;
            IfColumn c = ifColumn(oid);
            return c == null || last <= 0
                    ? new Behaviour.Counter(CounterRole.OTHER, 0, true, wide)
                    : new Behaviour.Counter(c.role, last, c.inbound, wide);
        }
        if (column.equals(IF_OPER_STATUS) && recorded instanceof Integer32 && last > 0) {
            return new Behaviour.OperStatus(last);
        }
        GaugeRole g = GAUGE_COLUMNS.get(column);
        if (g == null) {
            return Behaviour.STATIC;
        }
        boolean numeric = recorded instanceof Integer32 || recorded instanceof UnsignedInteger32;
        boolean fits = g == GaugeRole.LOAD_AVERAGE_TEXT ? recorded instanceof OctetString : numeric;
        return fits ? new Behaviour.Gauge(g, last) : Behaviour.STATIC;
    }

    /** The IF-MIB counter column of a single-index row, or null. */
    private static IfColumn ifColumn(OID oid) {
        int col = oid.get(oid.size() - 2);
        if (oid.size() == IF_ENTRY.size() + 2 && oid.startsWith(IF_ENTRY)) {
            return IF_COLUMNS.get(col);
        }
        if (oid.size() == IFX_ENTRY.size() + 2 && oid.startsWith(IFX_ENTRY)) {
            return IFX_COLUMNS.get(col);
        }
        return null;
    }
}
