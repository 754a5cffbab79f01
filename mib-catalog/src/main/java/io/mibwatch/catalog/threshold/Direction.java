package io.mibwatch.catalog.threshold;

/** Which side of a threshold is bad. */
public enum Direction {
    /** Values above the threshold are bad (utilisation, CPU, errors). */
    HIGH,
    /** Values below the threshold are bad (UPS charge, MOS). */
    LOW
}
