package io.mibwatch.poller.voice;

import java.util.Objects;

/**
 * Voice quality of a path measured by an IP SLA jitter operation (or typed by an admin): the
 * E-model rating from one-way delay, mean jitter and packet loss for a codec.
 *
 * @param oneWayDelayMs measured one-way network delay (ms); half the round trip if only that is known
 * @param jitterMs      mean inter-arrival jitter (ms)
 * @param lossPercent   packet loss (%)
 * @param codec         the codec (Ie, Bpl, coding delay)
 * @param model         the de-jitter buffer model
 * @param effectiveDelayMs Ta the E-model was fed
 * @param rating        R and its terms
 */
public record VoiceQuality(double oneWayDelayMs, double jitterMs, double lossPercent, Codec codec,
        DelayModel model, double effectiveDelayMs, Rating rating) {

    public VoiceQuality {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(rating, "rating");
    }

    /**
     * Assesses a path. Inputs must be finite, delay and jitter &gt;= 0, loss within 0..100 %; the
     * exception names the input and its value.
     */
    public static VoiceQuality assess(double oneWayDelayMs, double jitterMs, double lossPercent, Codec codec,
            DelayModel model) {
        check("delay", oneWayDelayMs, Double.MAX_VALUE, "ms");
        check("jitter", jitterMs, Double.MAX_VALUE, "ms");
        check("loss", lossPercent, 100, "%");
        double ta = model.effectiveDelayMs(oneWayDelayMs, jitterMs, codec);
        Rating rating = EModel.rate(EModelParameters.forNetwork(ta, codec, lossPercent));
        return new VoiceQuality(oneWayDelayMs, jitterMs, lossPercent, codec, model, ta, rating);
    }

    public double r() {
        return rating.r();
    }

    public double mos() {
        return rating.mos();
    }

    public double icpif() {
        return rating.icpif();
    }

    private static void check(String name, double v, double max, String unit) {
        if (!(v >= 0) || !(v <= max) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + " must be " + (max == 100 ? "within 0..100 " : ">= 0 ")
                    + unit + ", got " + v);
        }
    }
}
