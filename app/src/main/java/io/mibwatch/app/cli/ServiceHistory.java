package io.mibwatch.app.cli;

import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.thresholds.apdex.MemberTarget;
import io.mibwatch.thresholds.rule.MetricUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stored history of a service's members, read for the Apdex and red button commands. */
record ServiceHistory(Map<MemberTarget, List<Sample>> samples, List<String> missing) {

    static ServiceHistory read(RrdSeriesStore store, ServicesConfig.Service s, MetricUnits units, Instant from, Instant to) {
        Map<MemberTarget, List<Sample>> samples = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < s.members().size(); i++) {
            MemberTarget m;
            try {
                m = MemberTarget.of(s.members().get(i), units, "services." + s.name() + ".members[" + i + "]");
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage(), ExitCodes.CONFIG);
            }
            try {
                // the finest archive: Apdex counts samples, coarser averages would hide the bad ones
                SeriesData d = store.fetch(m.series(), from, to, Duration.ofSeconds(1), Consolidation.AVERAGE);
                List<Sample> list = new ArrayList<>(d.points().size());
                for (SeriesData.Point p : d.points()) list.add(new Sample(m.series(), p.at(), p.value()));
                samples.put(m, list);
            } catch (SeriesNotFoundException e) {
                missing.add(m.series().toString());
                samples.put(m, List.of());
            }
        }
        return new ServiceHistory(samples, missing);
    }
}
