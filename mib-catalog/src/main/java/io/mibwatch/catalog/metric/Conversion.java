package io.mibwatch.catalog.metric;

/**
 * How a polled raw value becomes the stored value. Counters are never scaled
 * here (the rate stage needs the raw value to detect wraps, RFC 2578 section 7.1.6).
 */
public sealed interface Conversion {

    /** Stored as polled. */
    record Identity() implements Conversion {
    }

    /** Multiplied by a fixed factor, e.g. TimeTicks (1/100 s) to seconds, kB to bytes. */
    record Factor(double factor) implements Conversion {
        public Factor {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor must be finite and > 0, got " + factor);
            }
        }
    }

    /**
     * Multiplied by the row's hrStorageAllocationUnits (RFC 2790, HOST-RESOURCES-MIB:
     * hrStorageSize and hrStorageUsed count allocation units, not bytes). The units
     * are read by discovery, they do not change while the storage exists.
     */
    record ByAllocationUnits() implements Conversion {
    }

    /**
     * Not polled: {@code 100 * numerator / denominator} of two other metrics of the
     * same group and instance, computed after decoding (e.g. storage used percent).
     */
    record PercentOf(String numerator, String denominator) implements Conversion {
        public PercentOf {
            if (numerator == null || numerator.isEmpty() || denominator == null || denominator.isEmpty()) {
                throw new IllegalArgumentException("PercentOf needs two metric names, got "
                        + numerator + " / " + denominator);
            }
        }
    }

    Conversion IDENTITY = new Identity();
}
