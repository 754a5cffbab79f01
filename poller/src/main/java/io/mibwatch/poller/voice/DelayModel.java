package io.mibwatch.poller.voice;

/**
 * How network delay and jitter become the E-model's absolute one-way delay Ta: a fixed
 * de-jitter (playout) buffer sized at {@code bufferFactor} times the mean jitter, plus the
 * codec's packetisation and look-ahead delay:
 * <pre>Ta = one-way network delay + bufferFactor · jitter + codec coding delay</pre>
 * A buffer of twice the mean jitter is the common sizing rule (Cisco's voice design guides
 * size the playout buffer at 1-2 times the expected jitter; we take the upper end so late
 * packets are rare and jitter shows as delay, not loss). Packets late for this buffer are not
 * added to the loss: the measured loss is used as is.
 *
 * @param bufferFactor the de-jitter buffer depth in multiples of the mean jitter (default 2)
 */
public record DelayModel(double bufferFactor) {

    public static final DelayModel DEFAULT = new DelayModel(2.0);

    public DelayModel {
        if (!(bufferFactor >= 0) || Double.isInfinite(bufferFactor)) {
            throw new IllegalArgumentException("de-jitter buffer factor must be >= 0, got " + bufferFactor);
        }
    }

    /** The de-jitter buffer delay in ms for the given mean jitter. */
    public double bufferMs(double jitterMs) {
        return bufferFactor * jitterMs;
    }

    /** Ta in ms: one-way delay + buffer + codec coding delay. */
    public double effectiveDelayMs(double oneWayDelayMs, double jitterMs, Codec codec) {
        return oneWayDelayMs + bufferMs(jitterMs) + codec.codingDelayMs();
    }

    /** One line describing the model and its parameters, for the CLI. */
    public String describe() {
        return "Ta = one-way delay + " + fmt(bufferFactor) + " x jitter (de-jitter buffer) + codec delay"
                + " (packetisation + look-ahead); T = Ta, Tr = 2 Ta; other E-model inputs: G.107 Table 3 defaults";
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
