package io.mibwatch.simulator.model;

/** What a moving gauge measures, which sets its range and how a CPU spike affects it. */
public enum GaugeRole {
    /** Percent busy, 0-100: hrProcessorLoad, cpmCPUTotal*, fgSysCpuUsage. Follows cpu_spike. */
    CPU_PERCENT,
    /** UCD-SNMP-MIB laLoad: load average as text ("0.45"). Follows cpu_spike. */
    LOAD_AVERAGE_TEXT,
    /** UCD-SNMP-MIB laLoadInt: load average x 100. Follows cpu_spike. */
    LOAD_AVERAGE_HUNDREDTHS,
    /** HOST-RESOURCES-MIB hrStorageUsed: slow growth plus daily churn, never above hrStorageSize. */
    STORAGE_USED,
    /** Temperatures in whatever unit the recorded value uses (C, or mC for lm-sensors). */
    TEMPERATURE,
    /**
     * Round-trip times (CISCO-RTTMON-MIB), milliseconds: rttMonLatestRttOperCompletionTime and
     * rttMonLatestJitterOperRTTMin/Max, all scaled from one per-operation RTT ({@link IpSlaProbe}).
     */
    LATENCY,
    /** Jitter (CISCO-RTTMON-MIB AvgJitter/AvgSDJ/AvgDSJ), milliseconds, one per operation. */
    JITTER,
    /** rttMonLatestJitterOperNumOfRTT: probes answered (those sent minus those lost). */
    RTT_COUNT,
    /** rttMonLatestJitterOperRTTSum: NumOfRTT x the operation's RTT, so Sum / Num is its mean. */
    RTT_SUM,
    /** rttMonLatestJitterOperPacketLossSD / DS: the lost probes, split between the directions. */
    PACKET_LOSS,
    /** rttMonLatestJitterOperMOS x 100 as the agent computes it from delay, jitter and loss. */
    MOS_HUNDREDTHS,
    /** rttMonLatestJitterOperICPIF as the agent computes it. */
    ICPIF,
    /** A load percentage that is not a CPU (UPS-MIB upsOutputPercentLoad). */
    PERCENT_LOAD
}
