package io.mibwatch.app.cli;

import io.mibwatch.app.baseline.RrdSamples;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.thresholds.apdex.ServiceSamples;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.time.Instant;

/** The stored history of a service's members, read for the Apdex and red button commands. */
final class ServiceHistory {
    private ServiceHistory() {
    }

    static ServiceSamples read(RrdSeriesStore store, ServicesConfig.Service s, MetricUnits units, Instant from, Instant to) {
        try {
            return ServiceSamples.read(s, units, new RrdSamples(store), from, to);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.CONFIG);
        }
    }
}
