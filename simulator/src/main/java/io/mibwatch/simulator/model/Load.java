package io.mibwatch.simulator.model;

import java.time.Instant;

/**
 * The rate of one counter: {@code peak x factor x (shape(t) + wiggle x sin(2 pi t / period + phase))}
 * units per second, t in epoch seconds. The sine gives each instance its own ripple on top of the
 * shared daily shape; {@code wiggle} stays below the shape's lowest level so the rate is never
 * negative and counters only increase. Both terms integrate in closed form.
 *
 * @param peakPerSecond units per second at utilisation 1 (octets: ifSpeed / 8)
 * @param factor        this instance's share of the peak at the busiest hour (seeded)
 * @param wiggle        amplitude of the ripple, in shape levels
 * @param periodSeconds period of the ripple
 * @param phase         phase of the ripple, radians
 */
public record Load(double peakPerSecond, double factor, double wiggle, double periodSeconds, double phase) {

    /** Nothing moves. */
    public static final Load NONE = new Load(0, 0, 0, 1, 0);

    /** Units per second at {@code t}. */
    public double rate(TrafficShape shape, Instant t) {
        return peakPerSecond * factor * (shape.utilisation(t) + wiggle * Math.sin(omega() * seconds(t) + phase));
    }

    /** Units counted from {@code from} to {@code to} (negative when to is earlier). */
    public double integral(TrafficShape shape, Instant from, Instant to) {
        if (peakPerSecond == 0 || factor == 0) {
            return 0;
        }
        double w = omega();
        double ripple = wiggle / w * (Math.cos(w * seconds(from) + phase) - Math.cos(w * seconds(to) + phase));
        return peakPerSecond * factor * (shape.integral(from, to) + ripple);
    }

    private double omega() {
        return 2 * Math.PI / periodSeconds;
    }

    static double seconds(Instant t) {
        return t.getEpochSecond() + t.getNano() / 1e9;
    }
}
