package io.mibwatch.thresholds.redbutton;

import io.mibwatch.core.series.Sample;
import io.mibwatch.thresholds.apdex.MemberTarget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Compares each metric of a service in complaint windows with active, complaint-free time.
 *
 * <p>Windows: a complaint at c covers [c - w, c + w/2]: users complain after suffering for a while,
 * and the trouble usually lasts a bit beyond the click. Only samples while someone is active count.
 *
 * <p>Suggestion rule (lower-is-better; mirrored for higher-is-better):
 * <ul>
 * <li>the separating value s is the cut that misclassifies the fewest samples (complaint samples
 *     at or below s, normal samples above s), taken half-way between two neighbouring values;</li>
 * <li>T_frustrated = min(median of complaint windows, s): frustration starts no later than the
 *     level most complaints happened at, and not above the best cut;</li>
 * <li>T_satisfied = p90 of normal time when that lies below T_frustrated (90 % of good time is
 *     satisfied), else T_frustrated / 4 (the Apdex ratio: frustrated above 4T);</li>
 * <li>the Apdex T for the service config is T_frustrated / 4, consistent with the Apdex zones.</li>
 * </ul>
 */
public final class RedButton {

    /** Below this many accepted complaints the analysis refuses to suggest anything. */
    public static final int DEFAULT_MIN_COMPLAINTS = 5;
    /** One complaint per user per service per this long counts; a user hammering the button is one voice. */
    public static final Duration DEFAULT_RATE_LIMIT = Duration.ofMinutes(10);
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final double ALPHA = 0.05;
    /** Cliff's delta below 0.33 is "small" (Romano et al. 2006): not a metric that matters. */
    public static final double MIN_EFFECT = 0.33;

    public record Options(int minComplaints, Duration rateLimit, Duration window) {
        public static final Options DEFAULTS = new Options(DEFAULT_MIN_COMPLAINTS, DEFAULT_RATE_LIMIT, DEFAULT_WINDOW);
    }

    private RedButton() {
    }

    public static Analysis analyse(String service, List<Complaint> complaints, Activity activity,
                                   Map<MemberTarget, List<Sample>> samples, Options options) {
        // guards: outside active periods, then the per-user rate limit in time order
        List<Complaint> sorted = complaints.stream().filter(c -> c.service().equals(service))
                .sorted(Comparator.comparing(Complaint::at)).toList();
        int outside = 0;
        int limited = 0;
        Map<String, Instant> lastByUser = new HashMap<>();
        List<Instant> accepted = new ArrayList<>();
        for (Complaint c : sorted) {
            if (!activity.active(c.user(), c.at())) {
                outside++;
                continue;
            }
            Instant last = lastByUser.get(c.user());
            if (last != null && c.at().isBefore(last.plus(options.rateLimit()))) {
                limited++;
                continue;
            }
            lastByUser.put(c.user(), c.at());
            accepted.add(c.at());
        }
        if (accepted.size() < options.minComplaints()) {
            return new Analysis(service, accepted.size(), outside, limited, options.minComplaints(), false, List.of());
        }
        Duration before = options.window();
        Duration after = options.window().dividedBy(2);
        List<MetricVerdict> verdicts = new ArrayList<>();
        for (Map.Entry<MemberTarget, List<Sample>> e : samples.entrySet()) {
            List<Double> bad = new ArrayList<>();
            List<Double> good = new ArrayList<>();
            for (Sample s : e.getValue()) {
                if (s.isGap() || !activity.anyActive(s.at())) {
                    continue;
                }
                boolean inComplaint = false;
                for (Instant c : accepted) {
                    if (!s.at().isBefore(c.minus(before)) && !s.at().isAfter(c.plus(after))) {
                        inComplaint = true;
                        break;
                    }
                }
                (inComplaint ? bad : good).add(s.value());
            }
            verdicts.add(verdict(e.getKey(), toArray(bad), toArray(good)));
        }
        verdicts.sort(Comparator.comparing((MetricVerdict v) -> !v.significant())
                .thenComparing(v -> -Math.abs(v.test().delta()))
                .thenComparingDouble(v -> v.test().p()));
        return new Analysis(service, accepted.size(), outside, limited, options.minComplaints(), true, verdicts);
    }

    static MetricVerdict verdict(MemberTarget m, double[] bad, double[] good) {
        boolean lower = m.target().lowerIsBetter();
        RankTest test = RankTest.of(bad, good);
        // the metric must move the bad way during complaints: up for latency, down for MOS
        boolean badWay = lower ? test.delta() > 0 : test.delta() < 0;
        boolean significant = test.p() < ALPHA && Math.abs(test.delta()) >= MIN_EFFECT && badWay;
        Stats cs = Stats.of(bad);
        Stats ns = Stats.of(good);
        if (!significant) {
            return new MetricVerdict(m.series(), lower, cs, ns, test, false, OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty());
        }
        double sep = separatingValue(bad, good, lower);
        double tf = lower ? Math.min(cs.median(), sep) : Math.max(cs.median(), sep);
        double normalEdge = lower ? ns.p90() : Stats.quantile(sorted(good), 0.1);
        double ts = lower ? (normalEdge < tf ? normalEdge : tf / 4) : (normalEdge > tf ? normalEdge : tf * 4);
        double apdexT = lower ? tf / 4 : tf * 4;
        return new MetricVerdict(m.series(), lower, cs, ns, test, true, OptionalDouble.of(tf), OptionalDouble.of(ts),
                OptionalDouble.of(apdexT));
    }

    /** The cut with the fewest misclassified samples; ties: the cut closest to the middle of the tie range. */
    static double separatingValue(double[] bad, double[] good, boolean lowerIsBetter) {
        double[] all = new double[bad.length + good.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        Arrays.sort(all);
        double[] b = sorted(bad);
        double[] g = sorted(good);
        int bestErrors = Integer.MAX_VALUE;
        int firstBest = -1;
        int lastBest = -1;
        for (int i = 0; i + 1 < all.length; i++) {
            if (all[i] == all[i + 1]) {
                continue;
            }
            double cut = (all[i] + all[i + 1]) / 2;
            int badBelow = countAtOrBelow(b, cut);
            int goodBelow = countAtOrBelow(g, cut);
            // lower is better: bad should be above the cut, good at or below
            int errors = lowerIsBetter ? badBelow + (g.length - goodBelow) : (b.length - badBelow) + goodBelow;
            if (errors < bestErrors) {
                bestErrors = errors;
                firstBest = i;
                lastBest = i;
            } else if (errors == bestErrors) {
                lastBest = i;
            }
        }
        if (firstBest < 0) {
            return all.length == 0 ? Double.NaN : all[0];
        }
        // a run of equally good cuts spans a gap between the two sets: take its middle
        return (all[firstBest] + all[lastBest + 1]) / 2;
    }

    private static int countAtOrBelow(double[] sorted, double cut) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= cut) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
