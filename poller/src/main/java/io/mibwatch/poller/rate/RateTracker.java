package io.mibwatch.poller.rate;

import io.mibwatch.core.series.SeriesId;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Remembers the last observation of every counter series and turns each new one into a rate
 * with {@link CounterRate}. Thread-safe: polls of different devices run concurrently, and each
 * series is updated atomically, so two offers for the same series never both see the same
 * previous value.
 *
 * <p>The newest observation always becomes the baseline, whatever the result: after a restart or
 * reset the next rate is computed from the post-restart value, and after our clock steps back
 * (NO_TIME_ELAPSED) the series recovers on the next poll instead of waiting for time to catch up.
 */
public final class RateTracker {

    private final ConcurrentMap<SeriesId, CounterObservation> last = new ConcurrentHashMap<>();

    /**
     * @param maxPerSecond the plausibility limit for this series (NaN or <= 0: none)
     */
    public RateResult offer(SeriesId id, CounterObservation obs, double maxPerSecond) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(obs, "obs");
        RateResult[] result = new RateResult[1];
        last.compute(id, (k, prev) -> {
            result[0] = CounterRate.rate(prev, obs, maxPerSecond);
            return obs;
        });
        return result[0];
    }

    /** Forgets one series (e.g. an interface that disappeared); its next offer is a first sample. */
    public void forget(SeriesId id) {
        last.remove(id);
    }

    /** Forgets every series of a device (device removed or its config changed on reload). */
    public void forgetDevice(String device) {
        last.keySet().removeIf(id -> id.device().equals(device));
    }

    /** Number of series with a remembered observation. */
    public int size() {
        return last.size();
    }
}
