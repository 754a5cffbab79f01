package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.MetricDef;
import io.mibwatch.catalog.threshold.Reference;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.discovery.Inventory;
import io.mibwatch.poller.plan.PollPlan;
import io.mibwatch.poller.plan.PollPlanner;
import io.mibwatch.poller.snmp.AgentTarget;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mibwatch discover}: walk a device's inventory tables and print what would
 * be polled. Target from the command line, or a device of a config file.
 */
@Command(name = "discover", description = "Discover a device: its catalog profile, interfaces, storage, processors, "
        + "vendor tables, and the metrics and reference thresholds that would apply.")
final class DiscoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    SnmpOptions snmp;
    @Option(names = "--config", paramLabel = "FILE", description = "take target and credentials of DEVICE from this config")
    Path config;
    @Option(names = "--json", description = "inventory and poll plan as JSON")
    boolean json;
    @Parameters(index = "0", paramLabel = "HOST[:PORT]|DEVICE", description = "agent address, or a device name with --config")
    String target;

    @Override
    public Integer call() throws Exception {
        AgentTarget t;
        String name;
        List<String> groups;
        if (config != null) {
            MibwatchConfig cfg = DataOptions.load(config);
            DeviceConfig d = cfg.device(target).orElseThrow(() -> new CliFailure(
                    "device '" + target + "' is not in " + config, ExitCodes.USAGE));
            t = AgentTarget.of(d);
            name = d.name();
            groups = d.metrics();
        } else {
            t = snmp.target(target);
            name = "cli";
            groups = MetricCatalog.standard().standardGroups();
        }
        Inventory inv = Discovery.discover(SnmpCalls.call(c -> c.walk(t, Discovery.WALK_ROOTS)));
        PollPlan plan = PollPlanner.plan(name, inv, groups);
        PrintWriter out = spec.commandLine().getOut();
        List<MetricRow> metrics = metrics(plan);
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("profile", inv.profile());
            doc.put("groups", metrics.stream().map(MetricRow::group).distinct().toList());
            doc.put("metrics", metrics.stream().map(MetricRow::toJson).toList());
            doc.put("inventory", inv);
            doc.put("oidsPerCycle", plan.getOids().size());
            doc.put("getOids", plan.getOids().stream().map(Object::toString).toList());
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc));
            out.flush();
            return ExitCodes.OK;
        }
        out.printf("sysName      %s%nsysDescr     %s%nsysObjectID  %s%n", inv.sysName(), oneLine(inv.sysDescr()), inv.sysObjectId());
        out.printf("%ninterfaces (%d)%n", inv.interfaces().size());
        if (!inv.interfaces().isEmpty()) {
            out.printf("  %7s  %-28s %5s %14s  %-8s %s%n", "index", "name", "type", "speed bit/s", "counters", "admin/oper");
            for (Inventory.Interface i : inv.interfaces()) {
                String counters = i.hcCounters() ? (i.counters32() ? "64+32" : "64") : (i.counters32() ? "32" : "none");
                out.printf("  %7d  %-28s %5d %14d  %-8s %d/%d%n", i.index(), truncate(i.name() == null || i.name().isEmpty() ? i.descr() : i.name(), 28),
                        i.type(), i.speedBitsPerSecond(), counters, i.adminStatus(), i.operStatus());
            }
        }
        out.printf("%nstorage (%d)%n", inv.storage().size());
        for (Inventory.StorageArea s : inv.storage()) {
            out.printf("  %7d  %-40s %d x %d bytes%n", s.index(), truncate(s.descr(), 40), s.sizeUnits(), s.allocationUnits());
        }
        out.printf("%nprocessors (%d)%nUCD load averages: %s, UCD memory: %s%n", inv.processors().size(),
                inv.ucdLoad() ? "yes" : "no", inv.ucdMemory() ? "yes" : "no");
        for (Inventory.GroupRows table : inv.tables()) {
            out.printf("%n%s (%d)%n", table.group(), table.rows().size());
            for (Inventory.Row r : table.rows()) {
                out.printf("  %-12s %s%n", r.index().isEmpty() ? "-" : r.index(), truncate(r.label(), 60));
            }
        }
        out.printf("%nprofile %s: groups %s%n", inv.profile(), metrics.stream().map(MetricRow::group).distinct().toList());
        out.printf("%n  %-14s %-16s %9s %-7s  %s%n", "group", "metric", "instances", "unit", "reference threshold");
        for (MetricRow m : metrics) {
            out.printf("  %-14s %-16s %9d %-7s  %s%n", m.group(), m.metric(), m.instances(), m.def().unit(),
                    m.threshold().map(DiscoverCommand::describe).orElse("-"));
        }
        long thresholds = metrics.stream().filter(m -> m.threshold().isPresent()).count();
        out.printf("%npolling %s: %d OIDs per cycle, %d metrics, %d with reference thresholds%n", target,
                plan.getOids().size(), metrics.size(), thresholds);
        out.flush();
        return ExitCodes.OK;
    }

    /** One metric of the plan: how many instances, its catalog definition and reference threshold. */
    record MetricRow(String group, String metric, int instances, MetricDef def, java.util.Optional<Reference> threshold) {
        Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("group", group);
            m.put("metric", metric);
            m.put("instances", instances);
            m.put("unit", def.unit());
            m.put("kind", def.derived() ? "derived" : def.kind().name().toLowerCase(java.util.Locale.ROOT));
            m.put("mib", def.mib());
            m.put("reference", def.reference());
            threshold.ifPresent(t -> {
                Map<String, Object> th = new LinkedHashMap<>();
                put(th, "warning", t.warning());
                put(th, "critical", t.critical());
                th.put("direction", t.direction().name().toLowerCase(java.util.Locale.ROOT));
                put(th, "rearm", t.rearm());
                th.put("durationSeconds", t.duration().toSeconds());
                th.put("source", t.source());
                m.put("threshold", th);
            });
            return m;
        }

        private static void put(Map<String, Object> m, String key, OptionalDouble v) {
            if (v.isPresent()) {
                m.put(key, v.getAsDouble());
            }
        }
    }

    /** The metrics a plan polls or derives, in catalog order, with their reference thresholds. */
    static List<MetricRow> metrics(PollPlan plan) {
        MetricCatalog catalog = MetricCatalog.standard();
        Map<String, Set<String>> instances = new LinkedHashMap<>();
        plan.columns().forEach(c -> instances.computeIfAbsent(c.group() + "/" + c.metric(), k -> new TreeSet<>()).add(c.instance()));
        plan.derived().forEach(d -> instances.computeIfAbsent(d.group() + "/" + d.metric(), k -> new TreeSet<>()).add(d.instance()));
        List<MetricRow> out = new java.util.ArrayList<>();
        catalog.groups().forEach(g -> g.metrics().forEach(m -> {
            Set<String> in = instances.get(g.name() + "/" + m.name());
            if (in != null) {
                out.add(new MetricRow(g.name(), m.name(), in.size(), m, catalog.thresholds().forMetric(g.name(), m.name())));
            }
        }));
        return out;
    }

    private static String describe(Reference r) {
        String bad = r.direction() == io.mibwatch.catalog.threshold.Direction.HIGH ? ">" : "<";
        StringBuilder b = new StringBuilder();
        r.warning().ifPresent(w -> b.append("warn ").append(bad).append(' ').append(num(w)).append(' '));
        r.critical().ifPresent(c -> b.append("crit ").append(bad).append(' ').append(num(c)).append(' '));
        r.rearm().ifPresent(a -> b.append("rearm ").append(num(a)).append(' '));
        if (!r.duration().isZero()) {
            b.append("for ").append(r.duration().toMinutes() > 0 ? r.duration().toMinutes() + "m" : r.duration().toSeconds() + "s")
                    .append(' ');
        }
        return b.append("[").append(r.source()).append("]").toString();
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    private static String truncate(String s, int n) {
        if (s == null) return "";
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
