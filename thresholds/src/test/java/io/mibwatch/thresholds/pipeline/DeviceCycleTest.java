package io.mibwatch.thresholds.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCycleTest {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void anUnreachedDeviceHasNoSamples() {
        Sample s = new Sample(new SeriesId("sw1", "cpu", "1", "load"), T, 5);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceCycle("sw1", T, false, List.of(s), false));
        assertEquals("device sw1 was not reached but has 1 sample(s)", e.getMessage());
    }
}
