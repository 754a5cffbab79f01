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

    /**
     * Multiplied by the row's sensor scale: ENTITY-SENSOR-MIB (RFC 3433 section 4)
     * entPhySensorValue is {@code value * 10^(3*(entPhySensorScale-9)) * 10^(-entPhySensorPrecision)}
     * (scale units(9) is 10^0, milli(8) 10^-3, ...). Scale and precision are read by
     * discovery: they are fixed per sensor.
     */
    record BySensorScale() implements Conversion {
    }

    /**
     * Not polled: {@code 100 * part / (part + rest)} of two gauges of the same group and
     * instance, for tables with used and free columns but no size (CISCO-MEMORY-POOL-MIB).
     */
    record PercentOfSum(String part, String rest) implements Conversion {
        public PercentOfSum {
            requireNames(part, rest, "PercentOfSum");
        }
    }

    /**
     * Not polled: {@code 100 * (total - free) / total} of two gauges of the same group and
     * instance, e.g. UCD-SNMP-MIB memory used % from memAvailReal and memTotalReal.
     */
    record PercentNotFree(String free, String total) implements Conversion {
        public PercentNotFree {
            requireNames(free, total, "PercentNotFree");
        }
    }

    /**
     * Not polled: interface utilisation {@code 100 * rate(octets) * 8 / speed} where the rate
     * is the per-second rate of the named octet counter (after the rate stage) and the speed
     * is the interface's ifHighSpeed * 10^6 (else ifSpeed) bit/s read by discovery (RFC 2863
     * section 6). Computed after rates, so it needs two polls like the counter itself.
     */
    record Utilisation(String octets) implements Conversion {
        public Utilisation {
            if (octets == null || octets.isEmpty()) {
                throw new IllegalArgumentException("Utilisation needs the octet counter's metric name");
            }
        }
    }

    /**
     * A voice-quality score of an IP SLA jitter operation (CISCO-RTTMON-MIB
     * rttMonLatestJitterOperTable), computed by the poller with the ITU-T G.107 E-model from the
     * operation's RTT sum and count (one-way delay = RTTSum / NumOfRTT / 2), mean jitter, loss in
     * both directions and codec (rttMonEchoAdminCodecType).
     */
    record VoiceScore(Score score, String rttSum, String rttCount, String jitter, String lossSD, String lossDS,
            String codec) implements Conversion {
        /** Which score: the rating R, MOS from R (G.107 Annex B) or ICPIF (G.113 / Cisco IP SLA). */
        public enum Score { R, MOS, ICPIF }

        public VoiceScore {
            java.util.Objects.requireNonNull(score, "score");
            for (String n : new String[] {rttSum, rttCount, jitter, lossSD, lossDS, codec}) {
                if (n == null || n.isEmpty()) {
                    throw new IllegalArgumentException("VoiceScore needs six metric names (rttSum, rttCount, "
                            + "jitter, lossSD, lossDS, codec), got an empty one");
                }
            }
        }
    }

    Conversion IDENTITY = new Identity();

    /** True if the value is computed from other metrics of the group instead of being polled. */
    default boolean derived() {
        return this instanceof PercentOf || this instanceof PercentOfSum || this instanceof PercentNotFree
                || this instanceof Utilisation || this instanceof VoiceScore;
    }

    /** The metrics of the same group a derived value is computed from; empty for polled values. */
    default java.util.List<String> inputs() {
        if (this instanceof PercentOf p) {
            return java.util.List.of(p.numerator(), p.denominator());
        }
        if (this instanceof PercentOfSum p) {
            return java.util.List.of(p.part(), p.rest());
        }
        if (this instanceof PercentNotFree p) {
            return java.util.List.of(p.free(), p.total());
        }
        if (this instanceof Utilisation u) {
            return java.util.List.of(u.octets());
        }
        if (this instanceof VoiceScore v) {
            return java.util.List.of(v.rttSum(), v.rttCount(), v.jitter(), v.lossSD(), v.lossDS(), v.codec());
        }
        return java.util.List.of();
    }

    private static void requireNames(String a, String b, String what) {
        if (a == null || a.isEmpty() || b == null || b.isEmpty()) {
            throw new IllegalArgumentException(what + " needs two metric names, got " + a + " / " + b);
        }
    }
}
