package io.mibwatch.poller.schedule;

import io.mibwatch.core.series.Sample;
import io.mibwatch.poller.snmp.PollFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one poll cycle of one device produced: the samples to store and evaluate,
 * or the failure, and the counts an operator wants to see (gaps by reason,
 * varbinds the agent did not have).
 *
 * @param samples        rates and gauges; a gap is a sample with value NaN
 * @param gapReasons     why counters produced no rate this cycle (agent restart, wrap, ...)
 * @param discovered     true when this cycle (re)discovered the device's inventory
 * @param skipped        varbinds not turned into samples (noSuchObject/noSuchInstance, wrong types)
 * @param partialFailure a {@code DECODE} failure of part of an answered cycle: planned OIDs the agent
 *                       answered with a type their metric cannot hold (the samples of the rest are
 *                       kept); empty when every planned OID that was answered decoded, and always
 *                       empty when {@code failure} is present
 */
public record CycleReport(String device, Instant started, Duration duration, Optional<PollFailure> failure,
                          List<Sample> samples, Map<String, Integer> gapReasons, boolean discovered, int skipped,
                          Optional<PollFailure> partialFailure) {
    public CycleReport {
        samples = List.copyOf(samples);
        gapReasons = Map.copyOf(gapReasons);
        if (failure.isPresent() && partialFailure.isPresent()) {
            throw new IllegalArgumentException("a failed cycle has no partial failure: " + partialFailure.get());
        }
    }

    /** A cycle without a partial failure. */
    public CycleReport(String device, Instant started, Duration duration, Optional<PollFailure> failure,
                       List<Sample> samples, Map<String, Integer> gapReasons, boolean discovered, int skipped) {
        this(device, started, duration, failure, samples, gapReasons, discovered, skipped, Optional.empty());
    }

    /** True when the agent answered and the answer gave samples (possibly with a {@link #partialFailure}). */
    public boolean ok() {
        return failure.isEmpty();
    }

    static CycleReport failed(String device, Instant started, Duration duration, PollFailure f, boolean discovered) {
        return new CycleReport(device, started, duration, Optional.of(f), List.of(), Map.of(), discovered, 0);
    }
}
