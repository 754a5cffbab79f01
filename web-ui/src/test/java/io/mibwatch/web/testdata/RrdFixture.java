package io.mibwatch.web.testdata;

import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.storage.WriteReport;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Real RRD files in a temp directory, written through the store the daemon uses (stock layout, 60 s). */
public final class RrdFixture {
    public static final Duration STEP = Duration.ofMinutes(1);

    private RrdFixture() {
    }

    public static RrdSeriesStore store(Path dir) {
        return new RrdSeriesStore(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()), d -> RrdLayout.stock(STEP), RrdStoreOptions.defaults());
    }

    /**
     * Writes one sample per minute for each series over [from, to), value = f(series, time).
     * Series of one (device, group, instance) go in one call per timestamp, as the daemon does.
     */
    public static void write(RrdSeriesStore store, List<SeriesId> series, Instant from, Instant to,
                             BiFunction<SeriesId, Instant, Double> f) {
        for (Instant t = from; t.isBefore(to); t = t.plus(STEP)) {
            List<Sample> batch = new ArrayList<>();
            for (SeriesId s : series) {
                batch.add(new Sample(s, t, f.apply(s, t)));
            }
            WriteReport r = store.write(batch);
            if (!r.errors().isEmpty()) {
                throw new IllegalStateException("writing " + t + ": " + r.errors());
            }
        }
    }

    public static Map<String, List<String>> schema() {
        return StandardMetrics.dsNamesByGroup();
    }
}
