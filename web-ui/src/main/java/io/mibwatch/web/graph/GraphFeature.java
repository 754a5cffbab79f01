package io.mibwatch.web.graph;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineState;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.DayKind;
import io.mibwatch.thresholds.baseline.SlotStats;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.http.Access;
import io.mibwatch.web.http.HttpError;
import io.mibwatch.web.http.Json;
import io.mibwatch.web.http.Route;
import io.mibwatch.web.http.WebFeature;
import io.undertow.server.HttpServerExchange;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Graph data: a series over a range with MIN/AVG/MAX, the learned baseline band under it, and the
 * baseline table itself. The page draws the chart (SVG, own code, no CDN): the JSON carries only
 * numbers and names, so no device string is ever interpreted as markup.
 *
 * <ul>
 *   <li>{@code GET /api/series/{device}/{group}/{instance}/{metric}?range=1d&cf=AVERAGE[&band=false]}</li>
 *   <li>{@code GET /api/baselines/{device}/{group}/{instance}/{metric}?slot=20m|60m}</li>
 * </ul>
 * The empty instance of a scalar group is written {@value SeriesRef#EMPTY_INSTANCE} in URLs.
 */
public final class GraphFeature implements WebFeature {
    /** More points than a screen is wide is wasted bandwidth on a phone. */
    static final int MAX_POINTS = 1000;

    private final SeriesStore store;
    private final Baselines baselines;
    private final Arming arming;
    private final MetricUnits units;
    private final Clock clock;

    /**
     * @param baselines the learned tables ({@link Baselines#NONE} draws no band)
     * @param arming    when a table counts as armed (the band is drawn only then)
     */
    public GraphFeature(SeriesStore store, Baselines baselines, Arming arming, MetricUnits units, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.baselines = Objects.requireNonNull(baselines, "baselines");
        this.arming = Objects.requireNonNull(arming, "arming");
        this.units = Objects.requireNonNull(units, "units");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/api/series/{device}/{group}/{instance}/{metric}", Access.VIEW, this::series),
                Route.get("/api/baselines/{device}/{group}/{instance}/{metric}", Access.VIEW, this::baseline));
    }

    /** A point; {@code value} null when unknown (JSON has no NaN). */
    public record PointJson(Instant at, Double value) {
    }

    /**
     * The band under the line.
     *
     * @param state    "armed" (points drawn), "learning" (not enough history yet) or "none" (not at this range)
     * @param minCount the fewest samples any slot has
     */
    public record Band(String state, String slot, Integer minCount, List<BaselineBand.Point> points) {
    }

    public record SeriesJson(String device, String series, String group, String instance, String metric, String unit,
                             String range, String cf, long stepSeconds, Instant from, Instant to,
                             List<PointJson> points, Band band) {
    }

    void series(HttpServerExchange ex) {
        SeriesId id = SeriesRef.from(ex);
        GraphRange range = param(ex, "range", "1d", GraphRange::parse);
        Consolidation cf = param(ex, "cf", "AVERAGE", GraphFeature::consolidation);
        boolean withBand = !"false".equals(Json.query(ex, "band").orElse("true"));
        Json.ok(ex, seriesJson(id, range, cf, withBand));
    }

    /** The document of {@code GET /api/series/...}. */
    public SeriesJson seriesJson(SeriesId id, GraphRange range, Consolidation cf, boolean withBand) {
        Instant to = clock.instant();
        Instant from = to.minus(range.span());
        SeriesData data = fetch(id, from, to, range, cf);
        Downsample.Result d = Downsample.apply(data.points(), data.step(), cf, MAX_POINTS);
        List<PointJson> points = new ArrayList<>(d.points().size());
        for (SeriesData.Point p : d.points()) {
            points.add(new PointJson(p.at(), BaselineBand.known(p.value())));
        }
        Band band = new Band("none", null, null, List.of());
        if (withBand && range.slot().isPresent()) {
            SlotWidth w = SlotWidth.parse(range.slot().get());
            Optional<BaselineTable> t = baselines.forSeries(id, w);
            if (t.isEmpty() || t.get().state(arming) != BaselineState.ARMED) {
                band = new Band("learning", w.label(), t.map(BaselineTable::minCount).orElse(0), List.of());
            } else {
                band = new Band("armed", w.label(), t.get().minCount(), BaselineBand.along(t.get(), d.points(), d.step()));
            }
        }
        return new SeriesJson(id.device(), id.path(), id.group(), id.instance(), id.metric(),
                units.unitOf(id.group(), id.metric()).orElse(""), range.label(), cf.name(), d.step().toSeconds(),
                from, to, points, band);
    }

    private SeriesData fetch(SeriesId id, Instant from, Instant to, GraphRange range, Consolidation cf) {
        try {
            return store.fetch(id, from, to, range.resolution(), cf);
        } catch (SeriesNotFoundException e) {
            throw HttpError.notFound("no stored series " + id);
        }
    }

    /** Slot statistics as JSON; null where the slot has no samples. */
    public record SlotJson(int count, Double mean, Double p75, Double p90, int minCount) {
    }

    public record BaselineJson(String device, String series, String slot, String state, String zone,
                               Long stepSeconds, Integer minCount, List<Map<String, Object>> slots) {
    }

    void baseline(HttpServerExchange ex) {
        SeriesId id = SeriesRef.from(ex);
        SlotWidth width = param(ex, "slot", "60m", SlotWidth::parse);
        Optional<BaselineTable> t = baselines.forSeries(id, width);
        if (t.isEmpty()) {
            Json.ok(ex, new BaselineJson(id.device(), id.path(), width.label(), "learning", null, null, 0, List.of()));
            return;
        }
        BaselineTable table = t.get();
        List<Map<String, Object>> slots = new ArrayList<>(width.slotsPerDay());
        for (int i = 0; i < width.slotsPerDay(); i++) {
            Map<String, Object> slot = new LinkedHashMap<>();
            slot.put("start", width.start(i).toString());
            for (DayKind k : DayKind.kinds(table.splitWeekend())) {
                SlotStats s = table.rows().get(k).get(i);
                slot.put(k.name().toLowerCase(Locale.ROOT), new SlotJson(s.count(), BaselineBand.known(s.mean()),
                        BaselineBand.known(s.p75()), BaselineBand.known(s.p90()),
                        arming.minSamples(k, width, table.sampleStep())));
            }
            slots.add(slot);
        }
        Json.ok(ex, new BaselineJson(id.device(), id.path(), width.label(),
                table.state(arming).name().toLowerCase(Locale.ROOT), table.zone().getId(),
                table.sampleStep().toSeconds(), table.minCount(), slots));
    }

    static Consolidation consolidation(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.equals("AVG")) {
            return Consolidation.AVERAGE;
        }
        try {
            return Consolidation.valueOf(t);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cf '" + text + "': expected AVERAGE, MIN or MAX");
        }
    }

    /** A query parameter parsed, a bad value answered with 400 naming it. */
    static <T> T param(HttpServerExchange ex, String name, String fallback, java.util.function.Function<String, T> parse) {
        String v = Json.query(ex, name).orElse(fallback);
        try {
            return parse.apply(v);
        } catch (IllegalArgumentException e) {
            throw HttpError.badRequest("query parameter " + name + ": " + e.getMessage());
        }
    }
}
