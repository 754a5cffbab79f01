package io.mibwatch.poller.derive;

import io.mibwatch.catalog.metric.Conversion;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.plan.PollPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The derived series computed from rates, run after the rate stage: interface utilisation
 * {@code 100 * rate(octets) * 8 / speed} (RFC 2863: speed is ifHighSpeed * 10^6 bit/s, or
 * ifSpeed, as discovery read it; the plan holds it as bytes/s). Pure.
 */
public final class Derivation {

    private Derivation() {
    }

    /**
     * The derived samples for one cycle. A gap in the octet rate (NaN) gives a gap in
     * utilisation; an interface without a known speed gets no utilisation at all (the
     * planner does not plan one).
     *
     * @param samples the cycle's samples after the rate stage (counters as per-second rates)
     */
    public static List<Sample> derive(PollPlan plan, List<Sample> samples) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(samples, "samples");
        Map<SeriesId, Sample> byId = new HashMap<>();
        for (Sample s : samples) {
            byId.put(s.series(), s);
        }
        List<Sample> out = new ArrayList<>();
        for (PollPlan.Derived d : plan.derived()) {
            if (!(d.formula() instanceof Conversion.Utilisation u)) {
                continue;
            }
            Sample rate = byId.get(new SeriesId(plan.device(), d.group(), d.instance(), u.octets()));
            Double bytesPerSecond = plan.maxRatePerInstance().get(d.instance());
            if (rate == null || bytesPerSecond == null || !(bytesPerSecond > 0)) {
                continue;
            }
            out.add(new Sample(new SeriesId(plan.device(), d.group(), d.instance(), d.metric()), rate.at(),
                    100.0 * rate.value() / bytesPerSecond));
        }
        return out;
    }
}
