package io.mibwatch.poller.plan;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.metric.MetricGroup;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.discovery.Inventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import io.mibwatch.poller.rate.LineRate;
import org.snmp4j.smi.OID;

/** Builds a {@link PollPlan} from an inventory and the enabled metric groups. Pure. */
public final class PollPlanner {
    /**
     * IANAifType softwareLoopback(24) has no line rate: RFC 2863 3.1.4 asks such sub-layers to
     * report ifSpeed 0, yet net-snmp reports 10 Mb/s for Linux "lo", which carries far more.
     * No plausibility limit is applied to them.
     */
    static final int IF_TYPE_SOFTWARE_LOOPBACK = 24;


    private static final String IF_COUNTER_DISCONTINUITY_TIME = "1.3.6.1.2.1.31.1.1.1.19";
    // UCD-SNMP-MIB subtrees, to tell which ucd metrics the agent has (Inventory ucd* flags)
    private static final String UCD_LA_TABLE = "1.3.6.1.4.1.2021.10.";
    private static final String UCD_MEMORY = "1.3.6.1.4.1.2021.4.";
    private static final String UCD_SYSTEM_STATS = "1.3.6.1.4.1.2021.11.";

    private PollPlanner() {
    }

    /**
     * One instance of a group: its series instance name, OID index, per-row allocation
     * units (storage) and which counter widths the agent has (interfaces).
     */
    private record Row(String instance, long index, long allocationUnits, boolean hcCounters, boolean counters32) {
        static Row of(int index, long allocationUnits) {
            return new Row(Integer.toString(index), index, allocationUnits, false, false);
        }
    }

    public static PollPlan plan(String device, Inventory inv, Collection<String> enabledGroups) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(inv, "inv");
        for (String g : enabledGroups) {
            if (StandardMetrics.group(g).isEmpty()) {
                throw new IllegalArgumentException("device " + device + ": unknown metric group '" + g
                        + "', known: " + StandardMetrics.dsNamesByGroup().keySet());
            }
        }
        List<OID> getOids = new ArrayList<>();
        getOids.add(PollPlan.SYS_UP_TIME);
        List<PollPlan.Column> columns = new ArrayList<>();
        List<PollPlan.Derived> derived = new ArrayList<>();
        List<PollPlan.Discontinuity> discontinuities = new ArrayList<>();
        Map<String, Double> maxRate = new HashMap<>();

        for (MetricGroup group : StandardMetrics.groups()) {
            if (!enabledGroups.contains(group.name())) {
                continue;
            }
            for (Row row : rows(group.name(), inv)) {
                for (MetricDef m : group.metrics()) {
                    if (m.conversion() instanceof Conversion.PercentOf p) {
                        derived.add(new PollPlan.Derived(group.name(), row.instance(), m.name(), p.numerator(),
                                p.denominator()));
                        continue;
                    }
                    if (group.name().equals("ucd") && !ucdAvailable(m, inv)) {
                        continue;
                    }
                    column(m, row).ifPresent(c -> {
                        columns.add(c);
                        getOids.add(c.oid());
                    });
                }
            }
            if (group.name().equals("interfaces")) {
                for (Inventory.Interface i : inv.interfaces()) {
                    String instance = Integer.toString(i.index());
                    if (i.speedBitsPerSecond() > 0 && i.type() != IF_TYPE_SOFTWARE_LOOPBACK) {
                        // the line rate plus LineRate's tolerance for agents' cached counters
                        maxRate.put(instance, LineRate.maxOctetsPerSecond(i.speedBitsPerSecond()));
                    }
                    if (i.discontinuityTime()) {
                        OID oid = new OID(IF_COUNTER_DISCONTINUITY_TIME).append(i.index());
                        discontinuities.add(new PollPlan.Discontinuity(oid, instance));
                        getOids.add(oid);
                    }
                }
            }
        }
        return new PollPlan(device, getOids, columns, derived, discontinuities, maxRate);
    }

    private static List<Row> rows(String group, Inventory inv) {
        return switch (group) {
            case "interfaces" -> inv.interfaces().stream()
                    .map(i -> new Row(Integer.toString(i.index()), i.index(), 1, i.hcCounters(), i.counters32()))
                    .toList();
            case "cpu" -> inv.processors().stream()
                    .map(p -> Row.of(p.index(), 1)).toList();
            case "storage" -> inv.storage().stream()
                    .map(s -> Row.of(s.index(), s.allocationUnits())).toList();
            // scalar groups: one series file without instance
            default -> List.of(new Row("", 0, 1, false, false));
        };
    }

    private static boolean ucdAvailable(MetricDef m, Inventory inv) {
        return m.oid().startsWith(UCD_LA_TABLE) ? inv.ucdLoad()
                : m.oid().startsWith(UCD_MEMORY) ? inv.ucdMemory()
                : m.oid().startsWith(UCD_SYSTEM_STATS) && inv.ucdCpuRaw();
    }

    private static Optional<PollPlan.Column> column(MetricDef m, Row row) {
        String oid = m.oid();
        ValueKind kind = m.kind();
        if (m.fallback().isPresent()) {
            // RFC 2863 section 3.1.6: use the HC counter where the agent has one for this
            // interface, else the 32-bit one; poll neither if the walk showed neither
            if (!row.hcCounters()) {
                if (!row.counters32()) {
                    return Optional.empty();
                }
                oid = m.fallback().get().oid();
                kind = m.fallback().get().kind();
            }
        }
        OID instanceOid = switch (m.indexing()) {
            case SCALAR -> new OID(oid).append(0);
            case COLUMN -> new OID(oid).appendUnsigned(row.index());
            case FIXED_ROW -> new OID(oid);
        };
        double factor;
        if (m.conversion() instanceof Conversion.Factor f) {
            factor = f.factor();
        } else if (m.conversion() instanceof Conversion.ByAllocationUnits) {
            factor = row.allocationUnits();
        } else if (m.conversion() instanceof Conversion.Identity) {
            factor = 1.0;
        } else {
            throw new IllegalStateException("metric " + m.group() + "/" + m.name() + " is derived, not polled");
        }
        return Optional.of(new PollPlan.Column(instanceOid, m.group(), row.instance(), m.name(), kind, factor));
    }
}
