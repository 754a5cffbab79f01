package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.mibwatch.config.ConfigLoader;
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
@Command(name = "discover", description = "Discover interfaces, storage, processors and UCD stats of a device and print what would be polled.")
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
            MibwatchConfig cfg = ConfigFiles.load(config);
            DeviceConfig d = cfg.device(target).orElseThrow(() -> new CliFailure(
                    "device '" + target + "' is not in " + config, ExitCodes.USAGE));
            t = AgentTarget.of(d);
            name = d.name();
            groups = d.metrics();
        } else {
            t = snmp.target(target);
            name = "cli";
            groups = ConfigLoader.METRIC_GROUPS;
        }
        Inventory inv = Discovery.discover(SnmpCalls.call(c -> c.walk(t, Discovery.WALK_ROOTS)));
        PollPlan plan = PollPlanner.plan(name, inv, groups);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
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
        out.printf("%npolling %s: %d OIDs per cycle, groups %s%n", target, plan.getOids().size(), groups);
        out.flush();
        return ExitCodes.OK;
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("[\\r\\n]+", " ");
    }

    private static String truncate(String s, int n) {
        if (s == null) return "";
        return s.length() <= n ? s : s.substring(0, n - 1) + "~";
    }
}
