package io.mibwatch.poller.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

/**
 * Where in its interval a device is polled. Each device gets a stable offset
 * (CRC-32 of its name modulo the interval) so that a thousand devices with a
 * 60 s interval do not all fire at second 0 — the same idea as Prometheus'
 * per-group evaluation offset. Stable across restarts, so RRD steps line up.
 */
public final class Phase {
    private Phase() {
    }

    /** The offset of {@code device} inside an interval, in [0, interval). */
    public static Duration offset(String device, Duration interval) {
        CRC32 crc = new CRC32();
        crc.update(device.getBytes(StandardCharsets.UTF_8));
        long ms = interval.toMillis();
        return Duration.ofMillis(Math.floorMod(crc.getValue(), ms));
    }

    /**
     * The first poll at or after {@code now}: the interval grid aligned to the epoch,
     * shifted by the device's offset.
     */
    public static Instant firstFire(String device, Duration interval, Instant now) {
        long ms = interval.toMillis();
        long base = Math.floorDiv(now.toEpochMilli(), ms) * ms;
        long t = base + offset(device, interval).toMillis();
        if (t < now.toEpochMilli()) {
            t += ms;
        }
        return Instant.ofEpochMilli(t);
    }
}
