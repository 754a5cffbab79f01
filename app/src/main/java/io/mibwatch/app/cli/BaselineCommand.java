package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.app.baseline.RrdStoredHistory;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineState;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.DayKind;
import io.mibwatch.thresholds.baseline.SlotStats;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.StoredHistory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch baseline show DEVICE SERIES}: the learned time-of-day baseline of a stored series. */
@Command(name = "baseline", description = "Learned time-of-day baselines.",
        subcommands = {BaselineCommand.Show.class, BaselineCommand.Status.class})
final class BaselineCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", description = "Print the per-slot baseline (count, mean, p75, p90) learned from the stored history.")
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DEVICE")
        String device;
        @Parameters(index = "1", paramLabel = "SERIES", description = "GROUP/INSTANCE/METRIC, e.g. cpu/1/load")
        String series;
        @Option(names = "--slot", defaultValue = "60m", description = "slot width: 20m or 60m (default ${DEFAULT-VALUE})")
        String slot;
        @Option(names = "--weeks", defaultValue = "4", description = "weeks of history to learn from (default ${DEFAULT-VALUE})")
        int weeks;
        @Option(names = "--arm-weeks", defaultValue = "2", description = "every slot needs 90 %% of this many weeks' worth of samples before the baseline arms (default ${DEFAULT-VALUE})")
        int armWeeks;
        @Option(names = "--no-split", description = "one row for all days instead of weekday and weekend")
        boolean noSplit;
        @Option(names = "--to", defaultValue = "now", description = "end of the learning window (default ${DEFAULT-VALUE})")
        String to;
        @Option(names = "--zone", description = "zone the slots are local to (default: the system zone)")
        String zone;
        @Mixin
        DataOptions where;
        @Option(names = "--json", description = "JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            SlotWidth width;
            SeriesId id;
            ZoneId z;
            Instant end;
            Arming arming;
            try {
                width = SlotWidth.parse(slot);
                id = SeriesId.parse(device, series);
                z = zone == null ? ZoneId.systemDefault() : ZoneId.of(zone);
                end = TimeSpec.parse(to, Clock.systemUTC().instant(), z);
                arming = Arming.weeks(armWeeks);
                if (weeks < 1) {
                    throw new IllegalArgumentException("--weeks " + weeks + ": must be at least 1");
                }
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            Path dir = where.withRrd().rrd();
            Instant from = end.minus(Duration.ofDays(7L * weeks));
            StoredHistory.Rows rows;
            // read-only: the daemon may be writing these files right now
            try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
                rows = new RrdStoredHistory(store).history(id, from, end, width.duration());
            } catch (SeriesNotFoundException e) {
                throw new CliFailure(e.getMessage());
            }
            BaselineTable t = BaselineTable.compute(rows.values(), rows.step(), width, !noSplit, z);
            BaselineState state = t.state(arming);
            PrintWriter out = spec.commandLine().getOut();
            List<DayKind> kinds = DayKind.kinds(!noSplit);
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode root = m.createObjectNode();
                root.put("device", device).put("series", id.path()).put("slot", width.label())
                        .put("from", from.toString()).put("to", end.toString()).put("zone", z.getId())
                        .put("step", rows.step().toSeconds()).put("state", state.name().toLowerCase(Locale.ROOT))
                        .put("armWeeks", arming.weeks());
                ArrayNode slots = root.putArray("slots");
                for (int i = 0; i < width.slotsPerDay(); i++) {
                    ObjectNode s = slots.addObject().put("start", width.start(i).toString());
                    for (DayKind k : kinds) {
                        SlotStats st = t.rows().get(k).get(i);
                        ObjectNode o = s.putObject(k.name().toLowerCase(Locale.ROOT)).put("count", st.count());
                        num(o, "mean", st.mean());
                        num(o, "p75", st.p75());
                        num(o, "p90", st.p90());
                        o.put("minCount", arming.minSamples(k, width, rows.step()));
                    }
                }
                out.println(m.writeValueAsString(root));
            } else {
                out.printf("%s %s: %s slots, %s .. %s (%s), %d s rows: %s%n", device, id.path(), width.label(), from, end,
                        z.getId(), rows.step().toSeconds(), state == BaselineState.ARMED ? "armed"
                                : "learning (every slot needs " + arming.percent() + " % of " + arming.weeks() + " weeks of samples; fewest now " + t.minCount() + ")");
                StringBuilder head = new StringBuilder("slot ");
                for (DayKind k : kinds) {
                    String n = k.name().toLowerCase(Locale.ROOT);
                    head.append(String.format(Locale.ROOT, " | %-7s %6s %10s %10s %10s", n, "count", "mean", "p75", "p90"));
                }
                out.println(head);
                for (int i = 0; i < width.slotsPerDay(); i++) {
                    StringBuilder line = new StringBuilder(width.start(i).toString());
                    for (DayKind k : kinds) {
                        SlotStats st = t.rows().get(k).get(i);
                        line.append(String.format(Locale.ROOT, " | %-7s %6d %10s %10s %10s", "", st.count(),
                                fmt(st.mean()), fmt(st.p75()), fmt(st.p90())));
                    }
                    out.println(line);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void num(ObjectNode o, String key, double v) {
            if (Double.isNaN(v)) {
                o.putNull(key);
            } else {
                o.put(key, v);
            }
        }

        private static String fmt(double v) {
            return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.4f", v);
        }
    }

    /**
     * {@code mibwatch baseline status}: every {@code thresholds.baselines} rule of the config with
     * the stored series it matches, each armed (with its current limit) or learning, learned from
     * the RRD files exactly as the daemon learns them.
     */
    @Command(name = "status", description = "The config's baseline rules and their series: armed (with the "
            + "current limit) or learning (no alert until every slot has enough history).")
    static final class Status implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Option(names = "--at", defaultValue = "now", description = "the time whose slot limits are shown (default ${DEFAULT-VALUE})")
        String at;
        /** The config's thresholds.baselines are required. */
        @Mixin
        DataOptions where;
        @Option(names = "--json", description = "JSON document")
        boolean json;

        @Override
        public Integer call() throws Exception {
            MibwatchConfig cfg = where.requiredConfig();
            Instant when;
            try {
                when = TimeSpec.parse(at, Clock.systemUTC().instant(), ZoneId.systemDefault());
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new CliFailure("--at " + at + ": " + e.getMessage(), ExitCodes.USAGE);
            }
            Path dir = where.withRrd().rrd();
            PrintWriter out = spec.commandLine().getOut();
            if (cfg.thresholds().baselines().isEmpty()) {
                out.println("no baseline rules (thresholds.baselines) in the config");
                out.flush();
                return ExitCodes.OK;
            }
            List<io.mibwatch.thresholds.baseline.BaselineRules.Status> status;
            try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
                java.util.function.Supplier<List<SeriesId>> all = () -> store.devices().stream()
                        .flatMap(d -> store.list(d).stream()).toList();
                // the learning window ends at --at, as the daemon's ends at its now
                try (io.mibwatch.thresholds.baseline.BaselineRules rules = io.mibwatch.thresholds.baseline.BaselineRules.of(
                        cfg.thresholds(), new RrdStoredHistory(store), Clock.fixed(when, java.time.ZoneOffset.UTC), all,
                        ZoneId.systemDefault())) {
                    rules.refreshNow();
                    status = rules.status(all.get(), when);
                }
            }
            if (json) {
                ObjectMapper m = new ObjectMapper();
                ObjectNode root = m.createObjectNode().put("at", when.toString());
                ArrayNode arr = root.putArray("series");
                for (var s : status) {
                    ObjectNode o = arr.addObject().put("rule", s.rule()).put("device", s.series().device())
                            .put("series", s.series().path()).put("state", state(s.readiness()));
                    if (s.limit().isPresent()) {
                        o.put("limit", s.limit().getAsDouble());
                    } else {
                        o.putNull("limit");
                    }
                }
                out.println(m.writeValueAsString(root));
            } else {
                for (var s : status) {
                    out.printf(Locale.ROOT, "%-20s %s:%-30s %-8s %s%n", s.rule(), s.series().device(), s.series().path(),
                            state(s.readiness()), s.limit().isPresent() ? "limit " + fmt(s.limit().getAsDouble()) : "");
                }
                if (status.isEmpty()) {
                    out.println("no stored series matches a baseline rule");
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        /** "learning" for a series without a model too: either way it has not seen enough history to alert. */
        static String state(io.mibwatch.thresholds.rule.BaselineRule.Readiness r) {
            return r == io.mibwatch.thresholds.rule.BaselineRule.Readiness.ARMED ? "armed" : "learning";
        }

        private static String fmt(double v) {
            return String.format(Locale.ROOT, "%.4g", v);
        }
    }
}
