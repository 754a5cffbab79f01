package io.mibwatch.web.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code /metrics} needs from the daemon: the latest value of every series and the
 * appliance's own health. The app implements it from the daemon's cycle reports; web-ui must
 * not depend on app.
 */
public interface MetricsSource {

    /** The latest value of every series (gaps left out), in any order. */
    List<SeriesValue> latest();

    /** Polling health per configured device. */
    List<DeviceHealth> devices();

    /** Depth of the appliance's internal queues by name (e.g. "notifications", "poll_pipeline"). */
    Map<String, Long> queues();

    /** One series' latest value: {@code DEVICE/GROUP/INSTANCE/METRIC} as in SeriesId. */
    record SeriesValue(String device, String group, String instance, String metric, double value, Instant at) {
        public SeriesValue {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(instance, "instance");
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(at, "at");
        }
    }

    /**
     * @param up           whether the last poll answered
     * @param polls        poll cycles since start
     * @param failures     failed poll cycles since start
     * @param lastDuration how long the last poll took
     * @param lastPoll     when it started; null before the first
     */
    record DeviceHealth(String device, boolean up, long polls, long failures, Duration lastDuration, Instant lastPoll) {
        public DeviceHealth {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(lastDuration, "lastDuration");
        }
    }
}
