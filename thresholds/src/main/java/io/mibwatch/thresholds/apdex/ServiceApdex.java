package io.mibwatch.thresholds.apdex;

import io.mibwatch.core.series.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Apdex of a service: every member sample is one "experience", so the service result pools the
 * members' counts (the Apdex spec's way to combine groups of samples: sum the counts, never average
 * the scores, which would weight a member with 3 samples like one with 3000).
 *
 * @param overall the whole range, all members pooled
 * @param trend   per window, all members pooled
 * @param members per member over the whole range, in config order
 */
public record ServiceApdex(ApdexResult overall, List<ApdexWindow> trend, Map<MemberTarget, ApdexResult> members) {

    public ServiceApdex {
        trend = List.copyOf(trend);
        members = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** Scores each member's samples against its target over [from, to) in windows of {@code window}. */
    public static ServiceApdex evaluate(Map<MemberTarget, List<Sample>> samples, Instant from, Instant to,
                                        Duration window) {
        Map<MemberTarget, ApdexResult> perMember = new LinkedHashMap<>();
        List<ApdexWindow> pooled = null;
        ApdexResult overall = ApdexResult.EMPTY;
        for (Map.Entry<MemberTarget, List<Sample>> e : samples.entrySet()) {
            List<ApdexWindow> trend = Apdex.series(e.getValue(), e.getKey().target(), from, to, window);
            ApdexResult sum = ApdexResult.EMPTY;
            for (ApdexWindow w : trend) {
                sum = sum.plus(w.result());
            }
            perMember.put(e.getKey(), sum);
            overall = overall.plus(sum);
            if (pooled == null) {
                pooled = new ArrayList<>(trend);
            } else {
                for (int k = 0; k < pooled.size(); k++) {
                    ApdexWindow p = pooled.get(k);
                    pooled.set(k, new ApdexWindow(p.from(), p.to(), p.result().plus(trend.get(k).result())));
                }
            }
        }
        if (pooled == null) {
            pooled = Apdex.series(List.of(), Target.lowerIsBetter(1), from, to, window);
        }
        return new ServiceApdex(overall, pooled, perMember);
    }
}
