package io.mibwatch.app.web;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.daemon.DeviceStatus;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleListener;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.web.metrics.MetricsSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's side of {@code /metrics}: the latest sample of every series, kept from the cycle
 * reports as they finish (a map write per sample, no RRD read at scrape time), and the polling
 * health from the daemon's device status.
 */
final class DaemonMetrics implements MetricsSource, CycleListener {
    private final Daemon daemon;
    private final MibwatchConfig config;
    private final AlertStore alerts;
    private final Map<SeriesId, Sample> latest = new ConcurrentHashMap<>();

    DaemonMetrics(Daemon daemon, MibwatchConfig config, AlertStore alerts) {
        this.daemon = daemon;
        this.config = config;
        this.alerts = alerts;
    }

    @Override
    public void onCycle(CycleReport report) {
        for (Sample s : report.samples()) {
            if (!s.isGap()) {
                latest.put(s.series(), s);
            }
        }
    }

    @Override
    public List<SeriesValue> latest() {
        List<SeriesValue> out = new ArrayList<>(latest.size());
        for (Sample s : latest.values()) {
            SeriesId id = s.series();
            out.add(new SeriesValue(id.device(), id.group(), id.instance(), id.metric(), s.value(), s.at()));
        }
        return out;
    }

    @Override
    public List<DeviceHealth> devices() {
        List<DeviceHealth> out = new ArrayList<>();
        for (DeviceConfig d : config.devices()) {
            daemon.status(d.name()).ifPresent(st -> out.add(health(st)));
        }
        return out;
    }

    private static DeviceHealth health(DeviceStatus st) {
        return new DeviceHealth(st.device(), st.reachable(), st.cycles(), st.failures(),
                st.lastDuration() == null ? Duration.ZERO : st.lastDuration(), st.lastPoll());
    }

    @Override
    public Map<String, Long> queues() {
        Map<String, Long> q = new LinkedHashMap<>();
        // notification deliveries not yet sent (retries included): a dead channel shows up here
        q.put("notifications", (long) alerts.pending().size());
        // CLI acknowledgements the daemon has not applied yet (it picks them up every recheck)
        q.put("ack_requests", (long) alerts.openAckRequests().size());
        // transition/notification rows and RRD samples waiting in memory for disk space: the NOC
        // sees the appliance is blind here even while the alert store cannot take mibwatch_disk_full
        q.put("alert_rows_unstored", (long) daemon.alerting().unstoredRows());
        if (daemon.store() instanceof RrdSeriesStore rrd) {
            q.put("rrd_samples_unstored", (long) rrd.retainedSamples());
        }
        return q;
    }
}
