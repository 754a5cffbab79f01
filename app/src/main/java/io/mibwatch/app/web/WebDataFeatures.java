package io.mibwatch.app.web;

import io.mibwatch.app.baseline.RrdSamples;
import io.mibwatch.app.baseline.RrdStoredHistory;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineService;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.web.auth.AuditLog;
import io.mibwatch.web.devices.DevicesFeature;
import io.mibwatch.web.explorer.ExplorerFeature;
import io.mibwatch.web.graph.GraphFeature;
import io.mibwatch.web.http.WebFeature;
import io.mibwatch.web.services.ServicesFeature;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

/**
 * The devices, graphs, explorer and services features wired to the running daemon: its RRD store
 * (read through the daemon's own store, so reads and writes share its file locks), its poll
 * status and its event store (complaints, suggestions). WebWiring adds each with one line.
 */
public final class WebDataFeatures {
    /** How long a graph's learned baseline is reused before it is learned again. */
    static final Duration BASELINE_KEEP = Duration.ofHours(1);

    private final Supplier<MibwatchConfig> config;
    private final Daemon daemon;
    private final Clock clock;
    private final MetricUnits units = MetricUnits.of(MetricCatalog.standard());

    public WebDataFeatures(Supplier<MibwatchConfig> config, Daemon daemon, Clock clock) {
        this.config = config;
        this.daemon = daemon;
        this.clock = clock;
    }

    private DaemonDirectory directory() {
        return new DaemonDirectory(() -> config.get().devices(), daemon::status, daemon::inventory);
    }

    public WebFeature devices() {
        return new DevicesFeature(directory(), daemon.store(), units);
    }

    public WebFeature graphs() {
        OnDemandBaselines baselines = new OnDemandBaselines(new RrdStoredHistory(daemon.store()),
                BaselineService.Settings.defaults(ZoneId.systemDefault()), clock, BASELINE_KEEP);
        return new GraphFeature(daemon.store(), baselines, Arming.DEFAULT, units, clock);
    }

    public WebFeature explorer() {
        return new ExplorerFeature(daemon.store(), directory(), units, clock);
    }

    /** @param audit where adoptions are recorded */
    public WebFeature services(AuditLog audit) {
        return new ServicesFeature(() -> config.get().services(), new RrdSamples(daemon.store()),
                daemon.alerting().store().redButton(), units, clock, audit);
    }

    /** All four, for a wiring that takes a list. */
    public List<WebFeature> all(AuditLog audit) {
        return List.of(devices(), graphs(), explorer(), services(audit));
    }
}
