package io.mibwatch.web.testing;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.alert.AlertChanges;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertTracker;
import io.mibwatch.thresholds.alert.Dependencies;
import io.mibwatch.thresholds.alert.FlapPolicy;
import io.mibwatch.thresholds.alert.TransitionReason;
import io.mibwatch.thresholds.pipeline.AlertPersistence;
import io.mibwatch.thresholds.rule.Condition;
import io.mibwatch.thresholds.rule.RuleId;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.SilenceRow;
import io.mibwatch.web.alerts.AlertControl;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The daemon's side of the alert page for web tests: a real {@link AlertTracker} writing through
 * {@link AlertPersistence} into a real SQLite {@link AlertStore}, as the app's Alerting does, with
 * test verbs to raise and clear alerts. It is the {@link AlertControl} the page acknowledges through.
 */
public final class AlertDesk implements AlertControl, AutoCloseable {
    private final AlertStore store;
    private final AlertTracker tracker;

    public AlertDesk(Path dbFile, Clock clock) {
        this.store = AlertStore.open(dbFile);
        this.tracker = new AlertTracker(clock, Dependencies.NONE, FlapPolicy.DEFAULT, Duration.ofHours(1));
    }

    public AlertStore store() {
        return store;
    }

    public AlertTracker tracker() {
        return tracker;
    }

    /** Raises (straight to FIRING) the alert of {@code rule} on DEVICE/GROUP/INSTANCE/METRIC and returns its id. */
    public synchronized String fire(String rule, String device, String series, Severity severity, double value) {
        AlertId id = id(rule, device, series);
        persist(tracker.onEvaluation(id, Optional.of(new Condition(severity, false, value,
                series + " " + value + " over the limit"))));
        return id.key();
    }

    /** Clears the alert's condition (FIRING -> RESOLVED). */
    public synchronized void clear(String rule, String device, String series) {
        persist(tracker.onEvaluation(id(rule, device, series), Optional.empty()));
    }

    private static AlertId id(String rule, String device, String series) {
        return new AlertId(RuleId.of(rule), SeriesId.parse(device, series));
    }

    @Override
    public synchronized AckOutcome acknowledge(String alertId, String user, String comment) {
        AlertChanges c = tracker.acknowledge(AlertId.parse(alertId), user, comment);
        persist(c);
        boolean acked = c.transitions().stream().anyMatch(t -> t.reason() == TransitionReason.ACKNOWLEDGED);
        return new AckOutcome(acked, acked ? "acknowledged" : "not acknowledged: only a FIRING, unacknowledged alert can be");
    }

    @Override
    public synchronized void addSilence(SilenceRow silence) {
        store.addSilence(silence);
        persist(tracker.addSilence(AlertPersistence.toSilence(silence)));
    }

    @Override
    public synchronized boolean removeSilence(String id) {
        boolean removed = store.removeSilence(id);
        try {
            persist(tracker.removeSilence(id));
        } catch (NoSuchElementException notTracked) {
            // stored but never applied (e.g. expired): removing it from the store is all there is
        }
        return removed;
    }

    private void persist(AlertChanges c) {
        if (!c.isEmpty()) {
            store.apply(AlertPersistence.toBatch(c));
        }
    }

    @Override
    public void close() {
        store.close();
    }
}
