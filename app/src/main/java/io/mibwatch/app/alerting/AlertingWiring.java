package io.mibwatch.app.alerting;

import io.mibwatch.app.baseline.RrdStoredHistory;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.rate.GapReason;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.storage.SeriesStore;
import io.mibwatch.thresholds.pipeline.AlertPipeline;
import io.mibwatch.thresholds.pipeline.DeviceCycle;
import io.mibwatch.thresholds.pipeline.StoredData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The daemon's alert pipeline over the RRD store, and its poll cycles as the pipeline's input. */
public final class AlertingWiring {

    private AlertingWiring() {
    }

    /** The pipeline with the alert database at {@code dbFile}, reading stored series from {@code series}. */
    public static AlertPipeline open(MibwatchConfig config, SeriesStore series, Path dbFile, Clock clock,
                                     Duration recheckEvery) {
        StoredData stored = new StoredData(new StoreHistory(series), new RrdStoredHistory(series),
                () -> storedSeries(series));
        return AlertPipeline.open(config, dbFile, stored, clock, recheckEvery);
    }

    /** One finished poll cycle as the pipeline's input: it ended at start + duration. */
    public static DeviceCycle cycle(CycleReport r) {
        return new DeviceCycle(r.device(), r.started().plus(r.duration()), r.ok(), r.samples(),
                r.gapReasons().containsKey(GapReason.AGENT_RESTART.name()));
    }

    /** Every stored series, for the baselines to learn from (the RRD directory, read once a day). */
    private static List<SeriesId> storedSeries(SeriesStore store) {
        List<SeriesId> out = new ArrayList<>();
        for (String d : store.devices()) {
            out.addAll(store.list(d));
        }
        return out;
    }
}
