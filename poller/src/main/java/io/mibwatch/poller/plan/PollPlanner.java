package io.mibwatch.poller.plan;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.metric.MetricGroup;
import io.mibwatch.catalog.profile.DeviceProfile;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
     * One instance of a group: its series instance name, OID index suffix (dotted, "" for
     * scalars), per-row factor (allocation units, sensor scale), which counter widths the
     * agent has (interfaces) and which metrics it answered (catalog groups; null = all).
     */
    private record Row(String instance, String index, double rowFactor, boolean hcCounters, boolean counters32,
                       Set<String> metrics) {
        static Row of(int index, double rowFactor) {
            return new Row(Integer.toString(index), Integer.toString(index), rowFactor, false, false, null);
        }
    }

    /**
     * The groups polled on a device: every configured group, plus the profile's groups that
     * the config cannot name (the config names only the catalog's standard groups,
     * {@link MetricGroup#standard()}; the others come from the device profile), in catalog order. Discovery decides later which
     * of them the device has.
     */
    public static List<String> effectiveGroups(Inventory inv, Collection<String> configured) {
        MetricCatalog catalog = MetricCatalog.standard();
        DeviceProfile profile = catalog.profiles().byName(inv.profile())
                .orElseGet(() -> catalog.profiles().match(inv.sysObjectId(), inv.sysDescr()));
        List<String> out = new ArrayList<>();
        for (MetricGroup g : catalog.groups()) {
            boolean vendor = !g.standard();
            if (configured.contains(g.name()) || (vendor && profile.groups().contains(g.name()))) {
                out.add(g.name());
            }
        }
        return out;
    }

    /**
     * Plans the configured groups plus the device profile's vendor groups
     * ({@link #effectiveGroups}); groups and metrics the walk did not show are left out.
     */
    public static PollPlan plan(String device, Inventory inv, Collection<String> configuredGroups) {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(inv, "inv");
        MetricCatalog catalog = MetricCatalog.standard();
        for (String g : configuredGroups) {
            if (catalog.group(g).isEmpty()) {
                throw new IllegalArgumentException("device " + device + ": unknown metric group '" + g
                        + "', known: " + catalog.dsNamesByGroup().keySet());
            }
        }
        List<String> enabledGroups = effectiveGroups(inv, configuredGroups);
        List<OID> getOids = new ArrayList<>();
        getOids.add(PollPlan.SYS_UP_TIME);
        List<PollPlan.Column> columns = new ArrayList<>();
        List<PollPlan.Derived> derived = new ArrayList<>();
        List<PollPlan.Discontinuity> discontinuities = new ArrayList<>();
        Map<String, Double> maxRate = new HashMap<>();
        if (enabledGroups.contains("interfaces")) {
            for (Inventory.Interface i : inv.interfaces()) {
                // line rate in octets/s: the divisor of utilisation and, with a tolerance, the
                // plausibility limit of the rate stage; software loopbacks have none
                if (i.speedBitsPerSecond() > 0 && i.type() != IF_TYPE_SOFTWARE_LOOPBACK) {
                    maxRate.put(Integer.toString(i.index()), i.speedBitsPerSecond() / 8.0);
                }
            }
        }

        for (MetricGroup group : catalog.groups()) {
            if (!enabledGroups.contains(group.name())) {
                continue;
            }
            for (Row row : rows(group.name(), inv)) {
                for (MetricDef m : group.metrics()) {
                    if (m.derived()) {
                        boolean inputsPolled = m.conversion().inputs().stream()
                                .allMatch(in -> polled(group.metric(in).orElseThrow(), group, row, inv));
                        // utilisation needs the interface speed; without it there is nothing to divide by
                        boolean speedKnown = !(m.conversion() instanceof Conversion.Utilisation)
                                || maxRate.containsKey(row.instance());
                        if (inputsPolled && speedKnown) {
                            derived.add(new PollPlan.Derived(group.name(), row.instance(), m.name(), m.conversion()));
                        }
                        continue;
                    }
                    if (!polled(m, group, row, inv)) {
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
                    if (i.discontinuityTime()) {
                        OID oid = new OID(IF_COUNTER_DISCONTINUITY_TIME).append(i.index());
                        discontinuities.add(new PollPlan.Discontinuity(oid, Integer.toString(i.index())));
                        getOids.add(oid);
                    }
                }
            }
        }
        return new PollPlan(device, getOids, columns, derived, discontinuities, maxRate);
    }

    /** True if this row of the agent has the metric (for counters with a fallback: either width). */
    private static boolean polled(MetricDef m, MetricGroup group, Row row, Inventory inv) {
        if (group.name().equals("ucd")) {
            return ucdAvailable(m, inv);
        }
        if (m.fallback().isPresent()) {
            return row.hcCounters() || row.counters32();
        }
        return row.metrics() == null || row.metrics().contains(m.name());
    }

    private static List<Row> rows(String group, Inventory inv) {
        if (!Discovery.BUILT_IN_GROUPS.contains(group)) {
            return inv.table(group).map(t -> t.rows().stream()
                    .map(r -> new Row(r.index(), r.index(), r.factor(), false, false, t.metrics()))
                    .toList()).orElse(List.of());
        }
        return switch (group) {
            case "interfaces" -> inv.interfaces().stream()
                    .map(i -> new Row(Integer.toString(i.index()), Integer.toString(i.index()), 1, i.hcCounters(),
                            i.counters32(), null))
                    .toList();
            case "cpu" -> inv.processors().stream()
                    .map(p -> Row.of(p.index(), 1)).toList();
            case "storage" -> inv.storage().stream()
                    .map(s -> Row.of(s.index(), s.allocationUnits())).toList();
            // scalar groups: one series file without instance
            default -> List.of(new Row("", "", 1, false, false, null));
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
            case COLUMN -> new OID(oid + "." + row.index());
            case FIXED_ROW -> new OID(oid);
        };
        double factor;
        if (m.conversion() instanceof Conversion.Factor f) {
            factor = f.factor();
        } else if (m.conversion() instanceof Conversion.ByAllocationUnits
                || m.conversion() instanceof Conversion.BySensorScale) {
            factor = row.rowFactor();
        } else if (m.conversion() instanceof Conversion.Identity) {
            factor = 1.0;
        } else {
            throw new IllegalStateException("metric " + m.group() + "/" + m.name() + " is derived, not polled");
        }
        return Optional.of(new PollPlan.Column(instanceOid, m.group(), row.instance(), m.name(), kind, factor));
    }
}
