package io.mibwatch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesSchema;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mibwatch query DEVICE [SERIES]}: read stored series (lists the device's series without SERIES). */
@Command(name = "query", description = "Print a stored series (rates per second, gauges as read). Without SERIES, list the device's series.")
final class QueryCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DEVICE")
    String device;
    @Parameters(index = "1", arity = "0..1", paramLabel = "SERIES", description = "GROUP/INSTANCE/METRIC, e.g. interfaces/3/inOctets or system//uptime")
    String series;
    @Option(names = "--from", defaultValue = "-1h", description = "start: now, -1h, -2d, epoch seconds or ISO-8601 (default ${DEFAULT-VALUE})")
    String from;
    @Option(names = "--to", defaultValue = "now", description = "end (default ${DEFAULT-VALUE})")
    String to;
    @Option(names = "--resolution", defaultValue = "60", paramLabel = "SECONDS", description = "wanted step; the finest archive at least this coarse is used (default ${DEFAULT-VALUE})")
    long resolution;
    @Option(names = "--cf", defaultValue = "AVERAGE", description = "consolidation: AVERAGE, MIN, MAX (default ${DEFAULT-VALUE})")
    String cf;
    @Mixin
    DataOptions where;
    @ArgGroup(exclusive = true)
    Format format = new Format();

    static final class Format {
        @Option(names = "--json", description = "JSON document")
        boolean json;
        @Option(names = "--csv", description = "CSV: timestamp,value (empty value = unknown)")
        boolean csv;
    }

    @Override
    public Integer call() throws Exception {
        if (resolution < 1) {
            throw new CliFailure("--resolution '" + resolution + "': must be a whole number of seconds, at least 1",
                    ExitCodes.USAGE);
        }
        Path dir = where.withRrd().rrd();
        Consolidation c;
        try {
            c = Consolidation.valueOf(cf.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CliFailure("--cf '" + cf + "': expected AVERAGE, MIN or MAX", ExitCodes.USAGE);
        }
        PrintWriter out = spec.commandLine().getOut();
        ObjectMapper json = new ObjectMapper();
        // read-only: the daemon may be writing these files right now
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
            if (series == null) {
                List<SeriesId> all = store.list(device);
                if (all.isEmpty()) throw new CliFailure("no series stored for device '" + device + "' in " + dir);
                if (format.json) {
                    ArrayNode arr = json.createArrayNode();
                    all.forEach(s -> arr.add(s.path()));
                    out.println(json.writeValueAsString(arr));
                } else {
                    all.forEach(s -> out.println(s.path()));
                }
                out.flush();
                return ExitCodes.OK;
            }
            SeriesId id;
            Instant now = Clock.systemUTC().instant();
            Instant f;
            Instant t;
            try {
                id = SeriesId.parse(device, series);
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
            }
            f = TimeSpec.option("--from", from, now, ZoneId.systemDefault());
            t = TimeSpec.option("--to", to, now, ZoneId.systemDefault());
            if (!f.isBefore(t)) throw new CliFailure("--from " + from + " is not before --to " + to, ExitCodes.USAGE);
            SeriesData d;
            try {
                d = store.fetch(id, f, t, Duration.ofSeconds(resolution), c);
            } catch (SeriesNotFoundException e) {
                throw new CliFailure(e.getMessage());
            } catch (IllegalArgumentException e) {
                // the range holds more rows than one answer may (the store's bound)
                throw new CliFailure("--from " + from + " --to " + to + " --resolution " + resolution + ": "
                        + e.getMessage(), ExitCodes.USAGE);
            }
            if (format.json) {
                ObjectNode root = json.createObjectNode();
                root.put("device", device).put("series", id.path()).put("cf", c.name()).put("step", d.step().toSeconds());
                ArrayNode pts = root.putArray("points");
                for (SeriesData.Point p : d.points()) {
                    ObjectNode o = pts.addObject().put("t", p.at().toString());
                    if (Double.isNaN(p.value())) o.putNull("v");
                    else o.put("v", p.value());
                }
                out.println(json.writeValueAsString(root));
            } else if (format.csv) {
                out.println("timestamp,value");
                for (SeriesData.Point p : d.points()) {
                    out.println(p.at() + "," + (Double.isNaN(p.value()) ? "" : Double.toString(p.value())));
                }
            } else {
                out.printf("%s %s (%s, step %d s)%n", device, id.path(), c, d.step().toSeconds());
                for (SeriesData.Point p : d.points()) {
                    out.printf("%s  %s%n", p.at(), Double.isNaN(p.value()) ? "-" : String.format(Locale.ROOT, "%.4f", p.value()));
                }
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
