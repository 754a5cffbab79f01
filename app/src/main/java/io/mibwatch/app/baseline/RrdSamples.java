package io.mibwatch.app.baseline;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.apdex.SampleSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Service member samples for Apdex and the red button from the RRD store: AVERAGE rows of the
 * finest archive that reaches back to {@code from} (Apdex counts samples; coarser averages would
 * hide the bad ones). Used by the CLI and the web alike.
 */
public final class RrdSamples implements SampleSource {
    private final SeriesStore store;

    public RrdSamples(SeriesStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public Optional<List<Sample>> samples(SeriesId series, Instant from, Instant to) {
        SeriesData d;
        try {
            d = store.fetch(series, from, to, Duration.ofSeconds(1), Consolidation.AVERAGE);
        } catch (SeriesNotFoundException e) {
            return Optional.empty();
        }
        List<Sample> list = new ArrayList<>(d.points().size());
        for (SeriesData.Point p : d.points()) {
            list.add(new Sample(series, p.at(), p.value()));
        }
        return Optional.of(list);
    }
}
