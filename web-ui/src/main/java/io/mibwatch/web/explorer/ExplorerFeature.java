package io.mibwatch.web.explorer;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.devices.DeviceDirectory;
import io.mibwatch.web.graph.Downsample;
import io.mibwatch.web.graph.GraphRange;
import io.mibwatch.web.graph.SeriesRef;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * One metric across every device: {@code /explorer} and
 * {@code GET /api/explorer?metric=cpu/load&top=10&range=1h&by=avg}, {@code GET /api/explorer/metrics}.
 *
 * <p>The seed use case: among many nodes, find the one whose CPU or ops rate is out of line. Each
 * series gets its latest, average and maximum over the range; the value ranked by ({@code by})
 * is scored against all matched series with {@link RobustScore}, and the series beyond its cut-off
 * are listed as outliers whether they are among the top N or at the bottom (a node doing nothing
 * while its peers work is out of line too).
 */
public final class ExplorerFeature implements WebFeature {
    /** Points of a sparkline: enough for a shape at 120 px. */
    static final int SPARK_POINTS = 60;
    static final int MAX_TOP = 500;

    private final SeriesStore store;
    private final DeviceDirectory directory;
    private final MetricUnits units;
    private final Clock clock;

    public ExplorerFeature(SeriesStore store, DeviceDirectory directory, MetricUnits units, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.page("/explorer", Access.VIEW, "explorer.html"),
                Route.get("/api/explorer/metrics", Access.VIEW, ex -> Json.ok(ex, metrics())),
                Route.get("/api/explorer", Access.VIEW, this::explore));
    }

    /** Which value ranks and scores the series. */
    public enum By {
        LATEST, AVG, MAX;

        static By parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("by '" + text + "': expected latest, avg or max");
            }
        }
    }

    public record MetricName(String name, String group, String metric, String unit, int series) {
    }

    /** Every group/metric stored on any device, with how many series have it. */
    public List<MetricName> metrics() {
        Map<String, int[]> counts = new TreeMap<>();
        for (String d : store.devices()) {
            for (SeriesId s : store.list(d)) {
                counts.computeIfAbsent(s.group() + "/" + s.metric(), k -> new int[1])[0]++;
            }
        }
        List<MetricName> out = new ArrayList<>();
        counts.forEach((name, n) -> {
            int slash = name.indexOf('/');
            String g = name.substring(0, slash);
            String m = name.substring(slash + 1);
            out.add(new MetricName(name, g, m, units.unitOf(g, m).orElse(""), n[0]));
        });
        return out;
    }

    public record Point(Instant at, Double value) {
    }

    /**
     * One series. Values are null when unknown over the whole range.
     *
     * @param score the robust z-score of the ranked value, null without a population
     */
    public record Row(String device, String series, String group, String instance, String segment, String metric,
                      String label, Double latest, Double avg, Double max, Double score, boolean outlier,
                      List<Point> spark) {
    }

    public record Answer(String metric, String unit, String range, String by, int matched, Double median, Double mad,
                         double cutoff, List<Row> top, List<Row> outliers) {
    }

    void explore(HttpServerExchange ex) {
        String metric = Json.query(ex, "metric").map(String::trim).filter(s -> !s.isEmpty())
                .orElseThrow(() -> HttpError.badRequest("query parameter metric is required, e.g. metric=cpu/load"));
        int top = param(ex, "top", "10", t -> {
            int n = Integer.parseInt(t.trim());
            if (n < 1 || n > MAX_TOP) {
                throw new IllegalArgumentException("must be 1.." + MAX_TOP + ", got " + n);
            }
            return n;
        });
        GraphRange range = param(ex, "range", "1h", GraphRange::parse);
        By by = param(ex, "by", "avg", By::parse);
        Json.ok(ex, explore(metric, top, range, by));
    }

    /** The answer of {@code GET /api/explorer}; public for tests. */
    public Answer explore(String metric, int top, GraphRange range, By by) {
        String want = metric.toLowerCase(Locale.ROOT);
        Instant to = clock.instant();
        Instant from = to.minus(range.span());
        Map<String, DeviceDirectory.Device> devices = new TreeMap<>();
        directory.devices().forEach(d -> devices.put(d.name(), d));
        List<Row> rows = new ArrayList<>();
        String unit = "";
        for (String device : store.devices()) {
            for (SeriesId s : store.list(device)) {
                String name = (s.group() + "/" + s.metric()).toLowerCase(Locale.ROOT);
                if (!name.equals(want) && !s.metric().toLowerCase(Locale.ROOT).equals(want)) {
                    continue;
                }
                unit = units.unitOf(s.group(), s.metric()).orElse("");
                SeriesData data;
                try {
                    data = store.fetch(s, from, to, range.resolution(), Consolidation.AVERAGE);
                } catch (SeriesNotFoundException e) {
                    continue; // removed between list and fetch
                }
                rows.add(row(s, data, Optional.ofNullable(devices.get(device))));
            }
        }
        ToDoubleFunction<Row> value = switch (by) {
            case LATEST -> r -> r.latest() == null ? Double.NaN : r.latest();
            case AVG -> r -> r.avg() == null ? Double.NaN : r.avg();
            case MAX -> r -> r.max() == null ? Double.NaN : r.max();
        };
        RobustScore.Result score = RobustScore.of(rows.stream().mapToDouble(value).toArray());
        List<Row> scored = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            scored.add(new Row(r.device(), r.series(), r.group(), r.instance(), r.segment(), r.metric(), r.label(),
                    r.latest(), r.avg(), r.max(),
                    score.scores()[i].isPresent() ? score.scores()[i].getAsDouble() : null, score.outlier(i), r.spark()));
        }
        List<Row> outliers = scored.stream().filter(Row::outlier)
                .sorted((a, b) -> Double.compare(Math.abs(b.score()), Math.abs(a.score()))).toList();
        return new Answer(metric, unit, range.label(), by.name().toLowerCase(Locale.ROOT), rows.size(),
                known(score.median()), known(score.mad()), RobustScore.OUTLIER,
                TopN.of(scored, top, value, r -> r.device() + "/" + r.series()), outliers);
    }

    private static Row row(SeriesId s, SeriesData data, Optional<DeviceDirectory.Device> device) {
        double sum = 0;
        int n = 0;
        double max = Double.NaN;
        double latest = Double.NaN;
        for (SeriesData.Point p : data.points()) {
            double v = p.value();
            if (Double.isNaN(v)) {
                continue;
            }
            sum += v;
            n++;
            max = Double.isNaN(max) ? v : Math.max(max, v);
            latest = v;
        }
        List<Point> spark = Downsample.apply(data.points(), data.step(), Consolidation.AVERAGE, SPARK_POINTS).points()
                .stream().map(p -> new Point(p.at(), known(p.value()))).toList();
        String label = device.flatMap(d -> d.label(s.group(), s.instance()))
                .map(l -> l.alias().isEmpty() ? l.name() : l.name() + " (" + l.alias() + ")").orElse("");
        return new Row(s.device(), s.path(), s.group(), s.instance(), SeriesRef.instanceSegment(s.instance()), s.metric(),
                label, known(latest), n == 0 ? null : sum / n, known(max), null, false, spark);
    }

    static Double known(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static <T> T param(HttpServerExchange ex, String name, String fallback, java.util.function.Function<String, T> parse) {
        String v = Json.query(ex, name).orElse(fallback);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("query parameter " + name + " '" + v + "': " + e.getMessage());
        }
    }
}
