package io.mibwatch.app.web;

import io.mibwatch.thresholds.pipeline.AlertPipeline;
import io.mibwatch.thresholds.store.SilenceRow;
import io.mibwatch.web.alerts.AlertControl;

/** The alert page's acks and silences, applied by the running daemon's {@link AlertPipeline} at once. */
final class DaemonAlertControl implements AlertControl {
    private final AlertPipeline alerting;

    DaemonAlertControl(AlertPipeline alerting) {
        this.alerting = alerting;
    }

    @Override
    public AckOutcome acknowledge(String alertId, String user, String comment) {
        boolean acked = alerting.acknowledgeNow(alertId, user, comment);
        return new AckOutcome(acked, acked ? "acknowledged" : "not acknowledged: only a FIRING, unacknowledged alert can be");
    }

    @Override
    public void addSilence(SilenceRow silence) {
        alerting.addSilenceNow(silence);
    }

    @Override
    public boolean removeSilence(String id) {
        return alerting.removeSilenceNow(id);
    }
}
