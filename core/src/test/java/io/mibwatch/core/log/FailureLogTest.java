package io.mibwatch.core.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.time.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailureLogTest {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    private final ManualClock clock = new ManualClock(T0);
    private final List<String> errors = new ArrayList<>();
    private final List<String> infos = new ArrayList<>();
    private final FailureLog log = new FailureLog(clock, Duration.ofMinutes(1), errors::add, infos::add);

    @Test
    void aDiskFullFloodIsOneLineThenOneSummaryAMinuteThenOneRecoveryLine() {
        // 70 failures a second for 90 s, as a full disk gave: RRD files, notifications, transitions
        for (int s = 0; s < 90; s++) {
            for (int i = 0; i < 70; i++) {
                log.failed("RRD write: disk full", "/data/rrd/r" + i + ".rrd: No space left on device");
            }
            clock.advance(Duration.ofSeconds(1));
        }
        assertEquals(List.of(
                "RRD write: disk full: /data/rrd/r0.rrd: No space left on device",
                "RRD write: disk full: 4200 more failure(s) in the last 60 s, 4201 since 2026-03-02T10:00:00Z"
                        + " (latest: /data/rrd/r0.rrd: No space left on device)"), errors);
        assertTrue(log.isFailing("RRD write: disk full"));
        assertTrue(log.succeeded("RRD write: disk full"));
        assertEquals(List.of("RRD write: disk full: working again after 6300 failure(s) since 2026-03-02T10:00:00Z"
                + " (90 s)"), infos);
        assertFalse(log.isFailing("RRD write: disk full"));
        assertFalse(log.succeeded("RRD write: disk full"), "one recovery line only");
        assertEquals(1, infos.size());
    }

    @Test
    void eachCauseIsLoggedOnItsOwn() {
        assertTrue(log.failed("alert store", "disk full"));
        assertTrue(log.failed("RRD write", "disk full"));
        assertFalse(log.failed("alert store", "disk full"));
        assertEquals(2, errors.size());
        assertEquals(2, log.failing().size());
        log.succeeded("alert store");
        assertTrue(log.failed("alert store", "disk full"), "failing again after a recovery is news again");
        assertEquals(3, errors.size());
    }
}
