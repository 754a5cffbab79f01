package io.mibwatch.thresholds.apdex;

import io.mibwatch.core.series.Sample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Apdex scoring, pure. */
public final class Apdex {

    private Apdex() {
    }

    /** Scores samples against a lower-is-better target T. Gaps (NaN) are skipped, not counted. */
    public static ApdexResult score(Iterable<Double> samples, double t) {
        return score(samples, Target.lowerIsBetter(t));
    }

    /** Scores values against a target. Gaps (NaN) are skipped: an unknown sample is no experience. */
    public static ApdexResult score(Iterable<Double> values, Target target) {
        long s = 0;
        long tol = 0;
        long f = 0;
        for (double x : values) {
            if (Double.isNaN(x)) {
                continue;
            }
            switch (target.zone(x)) {
                case SATISFIED -> s++;
                case TOLERATING -> tol++;
                case FRUSTRATED -> f++;
            }
        }
        return new ApdexResult(s, tol, f);
    }

    /** Scores the samples whose time is in [from, to). */
    public static ApdexResult score(List<Sample> samples, Target target, Instant from, Instant to) {
        List<Double> in = new ArrayList<>();
        for (Sample x : samples) {
            if (!x.at().isBefore(from) && x.at().isBefore(to)) {
                in.add(x.value());
            }
        }
        return score(in, target);
    }

    /**
     * The trend: one result per window [from + k*window, from + (k+1)*window) covering [from, to);
     * the last window is cut at {@code to}. Windows without samples are kept, with an empty score,
     * so a graph shows the hole instead of joining across it.
     */
    public static List<ApdexWindow> series(List<Sample> samples, Target target, Instant from, Instant to,
                                           Duration window) {
        Objects.requireNonNull(target, "target");
        if (window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("Apdex window must be positive, got " + window);
        }
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("Apdex range is empty: from " + from + " is not before to " + to);
        }
        List<Instant> starts = new ArrayList<>();
        for (Instant w = from; w.isBefore(to); w = w.plus(window)) {
            starts.add(w);
        }
        long[][] counts = new long[starts.size()][3];
        long windowMillis = window.toMillis();
        for (Sample x : samples) {
            if (x.isGap() || x.at().isBefore(from) || !x.at().isBefore(to)) {
                continue;
            }
            int k = (int) (Duration.between(from, x.at()).toMillis() / windowMillis);
            counts[k][target.zone(x.value()).ordinal()]++;
        }
        List<ApdexWindow> out = new ArrayList<>(starts.size());
        for (int k = 0; k < starts.size(); k++) {
            Instant end = k + 1 < starts.size() ? starts.get(k + 1) : to;
            out.add(new ApdexWindow(starts.get(k), end, new ApdexResult(counts[k][0], counts[k][1], counts[k][2])));
        }
        return List.copyOf(out);
    }
}
