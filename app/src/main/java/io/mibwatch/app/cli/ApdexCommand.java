package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.apdex.ApdexResult;
import io.mibwatch.thresholds.apdex.ApdexWindow;
import io.mibwatch.thresholds.apdex.ServiceApdex;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
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

/** {@code mibwatch apdex [SERVICE]}: Apdex per configured service over a range, with its trend per window. */
@Command(name = "apdex", description = "Apdex of configured services (satisfied <= T, tolerating <= 4T, "
        + "frustrated > 4T) over a range of stored history, with the trend per window.")
final class ApdexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SERVICE", description = "one service (default: all)")
    String service;
    @Option(names = "--from", defaultValue = "-1d", description = "start: -1d, -6h, epoch seconds or ISO-8601 (default ${DEFAULT-VALUE})")
    String from;
    @Option(names = "--to", defaultValue = "now", description = "end (default ${DEFAULT-VALUE})")
    String to;
    @Option(names = "--window", paramLabel = "DURATION", description = "trend window, e.g. 5m, 1h (default: the service's window)")
    String window;
    @Option(names = "--json", description = "JSON document")
    boolean json;
    /** The config's services: section is required. */
    @Mixin
    DataOptions where;

    /** The clock "now" and relative times are read from; a field so tests can pin it. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        MibwatchConfig cfg = where.requiredConfig();
        Path config = where.configFile();
        List<ServicesConfig.Service> chosen;
        if (service == null) {
            chosen = cfg.services().services();
            if (chosen.isEmpty()) throw new CliFailure("no services: section in " + config, ExitCodes.CONFIG);
        } else {
            chosen = List.of(cfg.services().service(service).orElseThrow(() -> new CliFailure(
                    "no service '" + service + "' in " + config + "; services: " + String.join(", ",
                            cfg.services().services().stream().map(ServicesConfig.Service::name).toList()),
                    ExitCodes.USAGE)));
        }
        Instant now = clock.instant();
        Instant f;
        Instant t;
        Duration windowOverride = null;
        try {
            f = TimeSpec.option("--from", from, now, ZoneId.systemDefault());
            t = TimeSpec.option("--to", to, now, ZoneId.systemDefault());
            if (window != null) windowOverride = parseWindow(window);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        if (!f.isBefore(t)) throw new CliFailure("--from " + from + " is not before --to " + to, ExitCodes.USAGE);
        Path dir = where.withRrd().rrd();
        MetricUnits units = MetricUnits.of(MetricCatalog.standard());
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode docs = mapper.createArrayNode();
        PrintWriter out = spec.commandLine().getOut();
        // read-only: the daemon may be writing these files right now
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
            for (ServicesConfig.Service s : chosen) {
                Duration w = windowOverride != null ? windowOverride : s.window();
                io.mibwatch.thresholds.apdex.ServiceSamples h = ServiceHistory.read(store, s, units, f, t);
                List<String> missing = h.missing();
                ServiceApdex a = ServiceApdex.evaluate(h.samples(), f, t, w);
                if (json) {
                    docs.add(toJson(mapper, s, w, a, missing));
                } else {
                    print(out, s, w, a, missing);
                }
            }
        }
        if (json) out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(
                service == null ? docs : docs.get(0)));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * {@code --window}, also for {@code thresholds}: at least a second (the finest unit these
     * windows ever took), so a range of weeks is not cut into billions of millisecond windows.
     */
    static Duration parseWindow(String text) {
        return DurationOption.atLeast("--window", text, Duration.ofSeconds(1));
    }

    private static String score(ApdexResult r) {
        return r.score().isPresent() ? String.format(Locale.ROOT, "%.2f", r.score().getAsDouble()) : "-";
    }

    private static void print(PrintWriter out, ServicesConfig.Service s, Duration w, ServiceApdex a, List<String> missing) {
        ApdexResult o = a.overall();
        out.printf(Locale.ROOT, "%s  Apdex %s  (satisfied %d, tolerating %d, frustrated %d of %d samples)%n",
                s.name(), score(o), o.satisfied(), o.tolerating(), o.frustrated(), o.total());
        a.members().forEach((m, r) -> out.printf(Locale.ROOT, "  %-40s T=%s %s  Apdex %s  (%d/%d/%d)%n",
                m.series(), fmt(m.target().t()), m.target().lowerIsBetter() ? "lower-is-better" : "higher-is-better",
                score(r), r.satisfied(), r.tolerating(), r.frustrated()));
        missing.forEach(x -> out.println("  no stored data for " + x));
        out.printf("  trend per %s:%n", w);
        for (ApdexWindow x : a.trend()) {
            out.printf(Locale.ROOT, "  %s  %s  %s%n", x.from(), score(x.result()), bar(x.result()));
        }
    }

    /** A 20-character bar so a day's trend reads at a glance in a terminal. */
    private static String bar(ApdexResult r) {
        if (r.score().isEmpty()) return "";
        return "#".repeat((int) Math.round(r.score().getAsDouble() * 20));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static ObjectNode toJson(ObjectMapper mapper, ServicesConfig.Service s, Duration w, ServiceApdex a,
                                     List<String> missing) {
        ObjectNode root = mapper.createObjectNode();
        root.put("service", s.name()).put("window_seconds", w.toSeconds());
        counts(root, a.overall());
        ArrayNode members = root.putArray("members");
        a.members().forEach((m, r) -> {
            ObjectNode o = members.addObject().put("device", m.series().device()).put("series", m.series().path())
                    .put("t", m.target().t()).put("lower_is_better", m.target().lowerIsBetter());
            counts(o, r);
        });
        ArrayNode miss = root.putArray("missing");
        missing.forEach(miss::add);
        ArrayNode trend = root.putArray("trend");
        for (ApdexWindow x : a.trend()) {
            counts(trend.addObject().put("from", x.from().toString()).put("to", x.to().toString()), x.result());
        }
        return root;
    }

    private static void counts(ObjectNode o, ApdexResult r) {
        if (r.score().isPresent()) o.put("apdex", r.score().getAsDouble());
        else o.putNull("apdex");
        o.put("satisfied", r.satisfied()).put("tolerating", r.tolerating()).put("frustrated", r.frustrated())
                .put("total", r.total());
    }
}
