package io.mibwatch.app.daemon;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.rate.GapReason;
import io.mibwatch.poller.schedule.CycleReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns poll cycles into the few lines an operator wants in the log: an agent restart, an
 * interface going down or up, a CPU at or above {@link #CPU_BUSY_PERCENT}. Only changes are
 * reported, never every cycle, so a thousand devices do not flood the journal.
 *
 * <p>PLACEHOLDER until the thresholds issue lands: the CPU line is a fixed 90% with no trigger
 * count or re-arm (the stock rule, DESIGN.md "CPU 5-min > 80-90%", belongs to the rule engine);
 * this class exists so the demo's events are visible on the console today, and is expected to be
 * replaced by alert transitions.
 *
 * <p>State is the last operStatus and CPU level seen per series; {@link #changes} is otherwise a
 * pure function of that state and the cycle. Thread-safe: cycles of different devices arrive
 * concurrently, cycles of one device never overlap.
 */
public final class NotableChanges {

    /** The CPU level this placeholder reports, per cent. */
    public static final double CPU_BUSY_PERCENT = 90;

    /** ifOperStatus values (IF-MIB, RFC 2863 section 3.1.13 / ifOperStatus SYNTAX). */
    private static final Map<Integer, String> OPER_STATUS = Map.of(1, "up(1)", 2, "down(2)", 3, "testing(3)",
            4, "unknown(4)", 5, "dormant(5)", 6, "notPresent(6)", 7, "lowerLayerDown(7)");

    /** group/metric of series that are a CPU busy percentage (standard and vendor groups of the catalog). */
    static final Set<String> CPU_PERCENT_SERIES = Set.of("cpu/load", "cisco_cpu/load1min", "fortigate/cpu",
            "jnx_operating/cpu");

    private final Map<SeriesId, Double> operStatus = new ConcurrentHashMap<>();
    private final Map<SeriesId, Boolean> cpuBusy = new ConcurrentHashMap<>();

    /** The notable changes this cycle brings, as log lines (without the level), in sample order. */
    public List<String> changes(CycleReport r) {
        List<String> out = new ArrayList<>();
        if (!r.ok()) {
            return out; // unreachable / answering again is the daemon's own log line
        }
        Integer restarts = r.gapReasons().get(GapReason.AGENT_RESTART.name());
        if (restarts != null) {
            out.add("device " + r.device() + ": agent restart detected (sysUpTime went back); "
                    + restarts + " counter(s) without a rate this cycle");
        }
        for (Sample s : r.samples()) {
            SeriesId id = s.series();
            if (Double.isNaN(s.value())) {
                continue;
            }
            if (id.group().equals("interfaces") && id.metric().equals("operStatus")) {
                Double before = operStatus.put(id, s.value());
                if (before != null && before.doubleValue() != s.value()) {
                    out.add("device " + r.device() + ": interface " + id.instance() + " operStatus "
                            + status(before) + " -> " + status(s.value()));
                }
            } else if (CPU_PERCENT_SERIES.contains(id.group() + "/" + id.metric())) {
                boolean busy = s.value() >= CPU_BUSY_PERCENT;
                Boolean before = cpuBusy.put(id, busy);
                if (busy && !Boolean.TRUE.equals(before)) {
                    out.add(String.format(Locale.ROOT, "device %s: CPU %s at %.0f%% (>= %.0f%%)", r.device(), id.path(),
                            s.value(), CPU_BUSY_PERCENT));
                } else if (!busy && Boolean.TRUE.equals(before)) {
                    out.add(String.format(Locale.ROOT, "device %s: CPU %s back to %.0f%%", r.device(), id.path(), s.value()));
                }
            }
        }
        return out;
    }

    private static String status(double v) {
        return OPER_STATUS.getOrDefault((int) v, String.valueOf((long) v));
    }
}
