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
    /** Round-trip times (CISCO-RTTMON-MIB), milliseconds. */
    LATENCY,
    /** Jitter (CISCO-RTTMON-MIB), milliseconds. */
    JITTER,
    /** A load percentage that is not a CPU (UPS-MIB upsOutputPercentLoad). */
    PERCENT_LOAD
}
