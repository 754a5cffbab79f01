package io.mibwatch.poller.plan;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.series.ValueKind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.snmp4j.smi.OID;

/**
 * What to GET on each poll of one device and what each answer means.
 *
 * @param device             the device name (series device)
 * @param getOids            every OID to GET, without duplicates: sysUpTime.0 first, then the
 *                           columns' and discontinuity OIDs in plan order
 * @param columns            one per polled instance OID that feeds a series
 * @param derived            series computed from two columns after decoding
 * @param discontinuities    ifCounterDiscontinuityTime instances to surface for the rate stage
 * @param maxRatePerInstance interface speed in bytes/s by interface instance, for plausibility checks
 */
public record PollPlan(String device, List<OID> getOids, List<Column> columns, List<Derived> derived,
                       List<Discontinuity> discontinuities, Map<String, Double> maxRatePerInstance) {

    /**
     * SNMPv2-MIB::sysUpTime.0, always polled: counter rates need it to tell an agent
     * restart (counters reset, RFC 2578 section 7.1.6 discontinuity) from a wrap.
     */
    public static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");

    public PollPlan {
        Objects.requireNonNull(device, "device");
        getOids = List.copyOf(new LinkedHashSet<>(getOids));
        columns = List.copyOf(columns);
        derived = List.copyOf(derived);
        discontinuities = List.copyOf(discontinuities);
        maxRatePerInstance = Map.copyOf(maxRatePerInstance);
    }

    /**
     * One polled instance OID feeding one series.
     *
     * @param kind   COUNTER64 or COUNTER32 as planned (the HC or the 32-bit column), or GAUGE
     * @param factor multiplier applied to gauges (1 for counters): TimeTicks to seconds, kB or
     *               allocation units to bytes, laLoadInt to the load average
     */
    public record Column(OID oid, String group, String instance, String metric, ValueKind kind, double factor) {
        public Column {
            Objects.requireNonNull(oid, "oid");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(kind, "kind");
            if (kind.isCounter() && factor != 1.0) {
                throw new IllegalArgumentException("counter column " + oid + " cannot be scaled (factor " + factor + ")");
            }
        }

        public SeriesId series(String device) {
            return new SeriesId(device, group, instance, metric);
        }
    }

    /**
     * A series computed from others of the same group and instance: gauge percentages in the
     * decoder, interface utilisation after the rate stage ({@code io.mibwatch.poller.derive}).
     *
     * @param formula one of the derived {@link Conversion}s of the catalog
     */
    public record Derived(String group, String instance, String metric, Conversion formula) {
        public Derived {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(formula, "formula");
            if (!formula.derived()) {
                throw new IllegalArgumentException(group + "/" + instance + "/" + metric + ": " + formula
                        + " is not a derived formula");
            }
        }

        /** {@code metric = 100 * numerator / denominator}. */
        public Derived(String group, String instance, String metric, String numerator, String denominator) {
            this(group, instance, metric, new Conversion.PercentOf(numerator, denominator));
        }

        /** True if computed from rates (after the rate stage), false if from gauges (in the decoder). */
        public boolean fromRates() {
            return formula instanceof Conversion.Utilisation;
        }
    }

    /** IF-MIB::ifCounterDiscontinuityTime.N for interface instance N (RFC 2863 section 3.1.6). */
    public record Discontinuity(OID oid, String instance) {
    }
}
