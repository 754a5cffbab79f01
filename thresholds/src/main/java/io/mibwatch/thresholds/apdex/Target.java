package io.mibwatch.thresholds.apdex;

/**
 * The Apdex target T of one metric, in the metric's stored unit. For "lower is better" metrics
 * (latency, jitter, response time) a sample x is satisfied when x <= T and frustrated when
 * x > 4T, as in the Apdex spec. For "higher is better" metrics (e.g. throughput, MOS) the
 * same zones are mirrored on the ratio: satisfied when x >= T, tolerating when T/4 <= x < T,
 * frustrated below T/4 — a mibwatch extension, the spec only defines response times.
 */
public record Target(double t, boolean lowerIsBetter) {
    public Target {
        if (!(t > 0) || Double.isInfinite(t)) {
            throw new IllegalArgumentException("Apdex target T must be a positive finite number, got " + t);
        }
    }

    public static Target lowerIsBetter(double t) {
        return new Target(t, true);
    }

    /** The zone of one sample; callers skip NaN (gaps) before asking. */
    public Zone zone(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("a gap (NaN) has no Apdex zone");
        }
        if (lowerIsBetter) {
            return x <= t ? Zone.SATISFIED : x <= 4 * t ? Zone.TOLERATING : Zone.FRUSTRATED;
        }
        return x >= t ? Zone.SATISFIED : x >= t / 4 ? Zone.TOLERATING : Zone.FRUSTRATED;
    }

    public enum Zone { SATISFIED, TOLERATING, FRUSTRATED }
}
