package io.mibwatch.simulator.fleet;

import io.mibwatch.simulator.model.Behaviour;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.model.Load;
import io.mibwatch.simulator.model.TrafficShape;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * Assembles one device's walk from MIB building blocks. OIDs from the MIBs in
 * ../shared/snmpdata/mibs ({@code snmptranslate -On}); every value is invented, drawn from a
 * {@link Random} seeded with the device name so the fleet is the same on every build.
 */
final class DeviceBuilder {

    // SNMPv2-MIB (RFC 3418) system group
    private static final String SYSTEM = "1.3.6.1.2.1.1.";
    // IF-MIB (RFC 2863)
    private static final String IF_NUMBER = "1.3.6.1.2.1.2.1.0";
    private static final String IF_ENTRY = "1.3.6.1.2.1.2.2.1.";
    private static final String IFX_ENTRY = "1.3.6.1.2.1.31.1.1.1.";
    // HOST-RESOURCES-MIB (RFC 2790) and HOST-RESOURCES-TYPES
    private static final String HR_SYSTEM_UPTIME = "1.3.6.1.2.1.25.1.1.0";
    private static final String HR_MEMORY_SIZE = "1.3.6.1.2.1.25.2.2.0";
    private static final String HR_STORAGE_ENTRY = "1.3.6.1.2.1.25.2.3.1.";
    static final String HR_STORAGE_RAM = "1.3.6.1.2.1.25.2.1.2";
    static final String HR_STORAGE_VIRTUAL_MEMORY = "1.3.6.1.2.1.25.2.1.3";
    static final String HR_STORAGE_FIXED_DISK = "1.3.6.1.2.1.25.2.1.4";
    private static final String HR_DEVICE_ENTRY = "1.3.6.1.2.1.25.3.2.1.";
    private static final String HR_DEVICE_PROCESSOR = "1.3.6.1.2.1.25.3.1.3";
    private static final String HR_PROCESSOR_ENTRY = "1.3.6.1.2.1.25.3.3.1.";
    // UCD-SNMP-MIB (net-snmp)
    private static final String UCD_MEMORY = "1.3.6.1.4.1.2021.4.";
    private static final String UCD_LA_ENTRY = "1.3.6.1.4.1.2021.10.1.";
    private static final String UCD_SYSTEM_STATS = "1.3.6.1.4.1.2021.11.";
    // CISCO-PROCESS-MIB cpmCPUTotalEntry; CISCO-ENVMON-MIB ciscoEnvMonTemperatureStatusEntry
    private static final String CPM_CPU_TOTAL_ENTRY = "1.3.6.1.4.1.9.9.109.1.1.1.1.";
    private static final String ENVMON_TEMPERATURE_ENTRY = "1.3.6.1.4.1.9.9.13.1.3.1.";
    // CISCO-RTTMON-MIB rttMonCtrlAdminEntry, rttMonLatestRttOperEntry, rttMonLatestJitterOperEntry
    private static final String RTT_CTRL_ADMIN_ENTRY = "1.3.6.1.4.1.9.9.42.1.2.1.1.";
    private static final String RTT_LATEST_OPER_ENTRY = "1.3.6.1.4.1.9.9.42.1.2.10.1.";
    private static final String RTT_LATEST_JITTER_ENTRY = "1.3.6.1.4.1.9.9.42.1.5.2.1.";
    // rttMonEchoAdminEntry
    private static final String RTT_ECHO_ADMIN_ENTRY = "1.3.6.1.4.1.9.9.42.1.2.2.1.";
    // UPS-MIB (RFC 1628)
    private static final String UPS = "1.3.6.1.2.1.33.1.";
    // FORTINET-FORTIGATE-MIB fgSystemInfo
    private static final String FG_SYSTEM_INFO = "1.3.6.1.4.1.12356.101.4.1.";

    /** IANAifType values used here (IANAifType-MIB). */
    static final int ETHERNET_CSMACD = 6;
    static final int SOFTWARE_LOOPBACK = 24;
    static final int PROP_VIRTUAL = 53;
    static final int TUNNEL = 131;

    private final String name;
    private final String kind;
    private final String sysDescr;
    private final OID sysObjectId;
    final Random random;
    private final TreeMap<OID, Variable> values = new TreeMap<>();
    private final long uptimeTicks;
    private int interfaces;

    DeviceBuilder(String name, String kind, String sysDescr, String sysObjectId, int services) {
        this.name = name;
        this.kind = kind;
        this.sysDescr = sysDescr;
        this.sysObjectId = new OID(sysObjectId);
        this.random = new Random(name.hashCode() * 31L + kind.hashCode());
        // 40 to 400 days: longer than a 4-week backfill, shorter than the 497-day TimeTicks wrap
        this.uptimeTicks = (40 + random.nextInt(360)) * 8_640_000L + random.nextInt(8_640_000);
        put(SYSTEM + "1.0", new OctetString(sysDescr));
        put(SYSTEM + "2.0", this.sysObjectId);
        put(SYSTEM + "3.0", new TimeTicks(uptimeTicks));
        put(SYSTEM + "4.0", new OctetString("noc@example.net"));
        put(SYSTEM + "5.0", new OctetString(name));
        put(SYSTEM + "6.0", new OctetString("Lab, rack " + (1 + random.nextInt(12))));
        put(SYSTEM + "7.0", new Integer32(services));
    }

    void put(String oid, Variable v) {
        values.put(new OID(oid), v);
    }

    /** One ifTable row (and ifXTable row): counters start at 0 and are set by {@link #build}. */
    DeviceBuilder iface(int index, String ifName, String descr, String alias, int type, long speedBps, boolean up,
                        boolean hc) {
        String i = "." + index;
        put(IF_ENTRY + "1" + i, new Integer32(index));
        put(IF_ENTRY + "2" + i, new OctetString(descr));
        put(IF_ENTRY + "3" + i, new Integer32(type));
        put(IF_ENTRY + "4" + i, new Integer32(type == SOFTWARE_LOOPBACK ? 65536 : 1500));
        // ifSpeed is a Gauge32 that saturates at 2^32-1 above 4.29 Gb/s; ifHighSpeed then tells (RFC 2863)
        put(IF_ENTRY + "5" + i, new Gauge32(Math.min(speedBps, 0xFFFF_FFFFL)));
        put(IF_ENTRY + "6" + i, new OctetString(type == SOFTWARE_LOOPBACK ? new byte[0] : mac()));
        put(IF_ENTRY + "7" + i, new Integer32(1));
        put(IF_ENTRY + "8" + i, new Integer32(up ? 1 : 2));
        put(IF_ENTRY + "9" + i, new TimeTicks(up ? random.nextInt(100_000) : uptimeTicks / 2));
        for (int c : new int[] {10, 11, 13, 14, 15, 16, 17, 19, 20}) {
            put(IF_ENTRY + c + i, new Counter32(0));
        }
        put(IFX_ENTRY + "1" + i, new OctetString(ifName));
        for (int c = 2; c <= 5; c++) {
            put(IFX_ENTRY + c + i, new Counter32(0));
        }
        if (hc) {
            for (int c = 6; c <= 13; c++) {
                put(IFX_ENTRY + c + i, new Counter64(0));
            }
        }
        put(IFX_ENTRY + "14" + i, new Integer32(type == ETHERNET_CSMACD ? 1 : 2));
        put(IFX_ENTRY + "15" + i, new Gauge32(speedBps / 1_000_000));
        put(IFX_ENTRY + "16" + i, new Integer32(2));
        put(IFX_ENTRY + "17" + i, new Integer32(type == ETHERNET_CSMACD ? 1 : 2));
        put(IFX_ENTRY + "18" + i, new OctetString(alias));
        put(IFX_ENTRY + "19" + i, new TimeTicks(0));
        interfaces++;
        return this;
    }

    /** hrStorageEntry; {@code used} in allocation units. */
    DeviceBuilder storage(int index, String type, String descr, int units, long size, long used) {
        String i = "." + index;
        put(HR_STORAGE_ENTRY + "1" + i, new Integer32(index));
        put(HR_STORAGE_ENTRY + "2" + i, new OID(type));
        put(HR_STORAGE_ENTRY + "3" + i, new OctetString(descr));
        put(HR_STORAGE_ENTRY + "4" + i, new Integer32(units));
        put(HR_STORAGE_ENTRY + "5" + i, new Integer32((int) size));
        put(HR_STORAGE_ENTRY + "6" + i, new Integer32((int) used));
        put(HR_STORAGE_ENTRY + "7" + i, new Counter32(0)); // hrStorageAllocationFailures
        return this;
    }

    DeviceBuilder hostResources(long memoryKb, int firstProcessorIndex, int processors, String cpuDescr) {
        put(HR_SYSTEM_UPTIME, new TimeTicks(Math.max(0, uptimeTicks - 1_500 - random.nextInt(1000))));
        put(HR_MEMORY_SIZE, new Integer32((int) memoryKb));
        for (int p = 0; p < processors; p++) {
            String i = "." + (firstProcessorIndex + p);
            put(HR_DEVICE_ENTRY + "1" + i, new Integer32(firstProcessorIndex + p));
            put(HR_DEVICE_ENTRY + "2" + i, new OID(HR_DEVICE_PROCESSOR));
            put(HR_DEVICE_ENTRY + "3" + i, new OctetString(cpuDescr));
            put(HR_PROCESSOR_ENTRY + "1" + i, new OID("0.0"));
            put(HR_PROCESSOR_ENTRY + "2" + i, new Integer32(random.nextInt(30)));
        }
        return this;
    }

    /** UCD-SNMP-MIB laTable, memory and the raw CPU counters, as net-snmp's agent answers them. */
    DeviceBuilder ucd(long memTotalKb, long swapKb) {
        String[] names = {"Load-1", "Load-5", "Load-15"};
        for (int r = 1; r <= 3; r++) {
            String i = "." + r;
            double load = random.nextInt(150) / 100.0;
            put(UCD_LA_ENTRY + "1" + i, new Integer32(r));
            put(UCD_LA_ENTRY + "2" + i, new OctetString(names[r - 1]));
            put(UCD_LA_ENTRY + "3" + i, new OctetString(String.format(java.util.Locale.ROOT, "%.2f", load)));
            put(UCD_LA_ENTRY + "4" + i, new OctetString("12.00"));
            put(UCD_LA_ENTRY + "5" + i, new Integer32((int) Math.round(load * 100)));
            put(UCD_LA_ENTRY + "100" + i, new Integer32(0)); // laErrorFlag
        }
        put(UCD_MEMORY + "1.0", new Integer32(0));             // memIndex
        put(UCD_MEMORY + "2.0", new OctetString("swap"));      // memErrorName
        put(UCD_MEMORY + "3.0", new Integer32((int) swapKb));  // memTotalSwap
        put(UCD_MEMORY + "4.0", new Integer32((int) (swapKb * (90 + random.nextInt(10)) / 100)));
        put(UCD_MEMORY + "5.0", new Integer32((int) memTotalKb)); // memTotalReal
        put(UCD_MEMORY + "6.0", new Integer32((int) (memTotalKb * (10 + random.nextInt(40)) / 100)));
        put(UCD_MEMORY + "11.0", new Integer32((int) (memTotalKb / 3))); // memTotalFree
        put(UCD_MEMORY + "14.0", new Integer32((int) (memTotalKb / 20))); // memBuffer
        put(UCD_MEMORY + "15.0", new Integer32((int) (memTotalKb / 4)));  // memCached
        for (int c : new int[] {50, 51, 52, 53, 54, 55, 56, 59, 60}) {
            // ssCpuRawUser, Nice, System, Idle, Wait, Kernel, Interrupt, ssRawInterrupts, ssRawContexts
            put(UCD_SYSTEM_STATS + c + ".0", new Counter32(0));
        }
        return this;
    }

    DeviceBuilder ciscoCpu(int index) {
        String i = "." + index;
        put(CPM_CPU_TOTAL_ENTRY + "2" + i, new Integer32(0)); // cpmCPUTotalPhysicalIndex
        for (int c = 6; c <= 8; c++) { // cpmCPUTotal5secRev, 1minRev, 5minRev
            put(CPM_CPU_TOTAL_ENTRY + c + i, new Gauge32(3 + random.nextInt(20)));
        }
        return this;
    }

    DeviceBuilder ciscoTemperature(int index, String descr, int celsius) {
        String i = "." + index;
        put(ENVMON_TEMPERATURE_ENTRY + "2" + i, new OctetString(descr));
        put(ENVMON_TEMPERATURE_ENTRY + "3" + i, new Gauge32(celsius));
        put(ENVMON_TEMPERATURE_ENTRY + "4" + i, new Integer32(75)); // threshold
        put(ENVMON_TEMPERATURE_ENTRY + "6" + i, new Integer32(1));  // state normal(1)
        return this;
    }

    /**
     * An IP SLA operation. {@code jitter}: rttMonCtrlAdminRttType udpJitter(9) with the
     * rttMonLatestJitterOper columns; else echo(1) with the latest completion time only.
     */
    DeviceBuilder ipSla(int index, String tag, boolean jitter, int rttMs) {
        return ipSla(index, tag, jitter, rttMs, 1);
    }

    /**
     * @param codec rttMonEchoAdminCodecType of a jitter operation (RttMonCodecType: g711ulaw(1),
     *              g711alaw(2), g729a(3)); the agent scores MOS and ICPIF for it
     */
    DeviceBuilder ipSla(int index, String tag, boolean jitter, int rttMs, int codec) {
        String i = "." + index;
        put(RTT_CTRL_ADMIN_ENTRY + "2" + i, new OctetString("mibwatch"));  // rttMonCtrlAdminOwner
        put(RTT_CTRL_ADMIN_ENTRY + "3" + i, new OctetString(tag));         // rttMonCtrlAdminTag
        put(RTT_CTRL_ADMIN_ENTRY + "4" + i, new Integer32(jitter ? 9 : 1)); // rttMonCtrlAdminRttType
        put(RTT_LATEST_OPER_ENTRY + "1" + i, new Gauge32(rttMs));           // rttMonLatestRttOperCompletionTime
        put(RTT_LATEST_OPER_ENTRY + "2" + i, new Integer32(1));             // rttMonLatestRttOperSense ok(1)
        if (jitter) {
            int min = Math.max(1, rttMs - 2 - random.nextInt(3));
            int max = rttMs + 3 + random.nextInt(10);
            put(RTT_LATEST_JITTER_ENTRY + "1" + i, new Gauge32(100));       // rttMonLatestJitterOperNumOfRTT
            put(RTT_LATEST_JITTER_ENTRY + "2" + i, new Gauge32(100L * rttMs)); // rttMonLatestJitterOperRTTSum
            put(RTT_LATEST_JITTER_ENTRY + "4" + i, new Gauge32(min));       // RTTMin
            put(RTT_LATEST_JITTER_ENTRY + "5" + i, new Gauge32(max));       // RTTMax
            put(RTT_LATEST_JITTER_ENTRY + "26" + i, new Gauge32(0));        // PacketLossSD
            put(RTT_LATEST_JITTER_ENTRY + "27" + i, new Gauge32(0));        // PacketLossDS
            put(RTT_ECHO_ADMIN_ENTRY + "27" + i, new Integer32(codec));     // rttMonEchoAdminCodecType
            put(RTT_LATEST_JITTER_ENTRY + "42" + i, new Gauge32(430));      // MOS x 100 (moves: DeviceModel)
            put(RTT_LATEST_JITTER_ENTRY + "43" + i, new Gauge32(2));        // ICPIF (moves: DeviceModel)
            int jitterMs = 1 + random.nextInt(4);
            put(RTT_LATEST_JITTER_ENTRY + "46" + i, new Gauge32(jitterMs)); // AvgJitter
            put(RTT_LATEST_JITTER_ENTRY + "47" + i, new Gauge32(jitterMs)); // AvgSDJ
            put(RTT_LATEST_JITTER_ENTRY + "48" + i, new Gauge32(jitterMs)); // AvgDSJ
        }
        return this;
    }

    /** UPS-MIB basics (RFC 1628): identity, battery, one input and one output line. */
    DeviceBuilder ups(String model, int loadPercent) {
        put(UPS + "1.1.0", new OctetString("mibwatch simulated power"));  // upsIdentManufacturer
        put(UPS + "1.2.0", new OctetString(model));                       // upsIdentModel
        put(UPS + "1.3.0", new OctetString("2.1.0"));                     // upsIdentUPSSoftwareVersion
        put(UPS + "1.5.0", new OctetString(name));                        // upsIdentName
        put(UPS + "2.1.0", new Integer32(2));                             // upsBatteryStatus batteryNormal(2)
        put(UPS + "2.2.0", new Integer32(0));                             // upsSecondsOnBattery
        put(UPS + "2.3.0", new Integer32(40 + random.nextInt(40)));       // upsEstimatedMinutesRemaining
        put(UPS + "2.4.0", new Integer32(100));                           // upsEstimatedChargeRemaining
        put(UPS + "2.5.0", new Integer32(545));                           // upsBatteryVoltage, 0.1 V DC
        put(UPS + "2.7.0", new Integer32(22 + random.nextInt(6)));        // upsBatteryTemperature, C
        put(UPS + "3.1.0", new Counter32(0));                             // upsInputLineBads
        put(UPS + "3.2.0", new Integer32(1));                             // upsInputNumLines
        put(UPS + "3.3.1.2.1", new Integer32(500));                       // upsInputFrequency, 0.1 Hz
        put(UPS + "3.3.1.3.1", new Integer32(228 + random.nextInt(6)));   // upsInputVoltage, V
        put(UPS + "4.1.0", new Integer32(3));                             // upsOutputSource normal(3)
        put(UPS + "4.2.0", new Integer32(500));                           // upsOutputFrequency
        put(UPS + "4.3.0", new Integer32(1));                             // upsOutputNumLines
        put(UPS + "4.4.1.2.1", new Integer32(230));                       // upsOutputVoltage
        put(UPS + "4.4.1.5.1", new Integer32(loadPercent));               // upsOutputPercentLoad
        return this;
    }

    DeviceBuilder fortigate(int sessions) {
        put(FG_SYSTEM_INFO + "1.0", new OctetString("v7.2.8,build1639,240313 (GA.M)")); // fgSysVersion
        put(FG_SYSTEM_INFO + "3.0", new Gauge32(5 + random.nextInt(20)));   // fgSysCpuUsage
        put(FG_SYSTEM_INFO + "4.0", new Gauge32(30 + random.nextInt(30)));  // fgSysMemUsage
        put(FG_SYSTEM_INFO + "5.0", new Gauge32(8_000_000));                // fgSysMemCapacity, KB
        put(FG_SYSTEM_INFO + "8.0", new Gauge32(sessions));                 // fgSysSesCount
        return this;
    }

    /**
     * The walk, with every counter set to what the simulator's own rate would have counted since the
     * device booted ({@code sysUpTime} ago) at an average hour: so a backfill weeks into the past
     * still sees counters above zero rising steadily, not a wrap at the simulation start.
     */
    GeneratedDevice build() {
        put(IF_NUMBER, new Integer32(interfaces));
        DeviceModel model = DeviceModel.of(name, values, Instant.EPOCH, TrafficShape.DEFAULT);
        double meanLevel = TrafficShape.DEFAULT.integral(Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(7)))
                / Duration.ofDays(7).toSeconds();
        double upSeconds = uptimeTicks / 100.0;
        for (Map.Entry<OID, Variable> e : values.entrySet()) {
            if (model.behaviour(e.getKey()) instanceof Behaviour.Counter c) {
                Load load = model.load(e.getKey());
                long counted = (long) (load.peakPerSecond() * load.factor() * meanLevel * upSeconds);
                e.setValue(c.wide() ? new Counter64(counted) : new Counter32(counted & 0xFFFF_FFFFL));
            }
        }
        return new GeneratedDevice(name, kind, sysDescr, sysObjectId, values);
    }

    private byte[] mac() {
        byte[] b = new byte[6];
        random.nextBytes(b);
        b[0] = (byte) ((b[0] & 0xfc) | 0x02); // locally administered, unicast (IEEE 802)
        return b;
    }
}
