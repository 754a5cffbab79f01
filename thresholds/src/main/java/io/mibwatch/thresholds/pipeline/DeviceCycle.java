package io.mibwatch.thresholds.pipeline;

import io.mibwatch.core.series.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one source learned about one device at one time, the alert pipeline's input: a poll cycle,
 * and equally a trap or a batch of pushed samples.
 *
 * @param device         the device's configured name
 * @param at             when it was learned (the end of a poll cycle)
 * @param reached        whether the device answered; false feeds its unreachable series
 * @param samples        rates and gauges of a reached device; a gap is a sample with value NaN
 * @param agentRestarted the agent restarted (sysUpTime went back, a coldStart trap): this time's
 *                       counter gaps are that restart, not missing data
 */
public record DeviceCycle(String device, Instant at, boolean reached, List<Sample> samples, boolean agentRestarted) {

    public DeviceCycle {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(at, "at");
        samples = List.copyOf(samples);
        if (!reached && !samples.isEmpty()) {
            throw new IllegalArgumentException("device " + device + " was not reached but has "
                    + samples.size() + " sample(s)");
        }
    }

    /** The device answered with these samples. */
    public static DeviceCycle reached(String device, Instant at, List<Sample> samples, boolean agentRestarted) {
        return new DeviceCycle(device, at, true, samples, agentRestarted);
    }

    /** The device did not answer. */
    public static DeviceCycle unreached(String device, Instant at) {
        return new DeviceCycle(device, at, false, List.of(), false);
    }
}
