package io.mibwatch.app.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.thresholds.pipeline.DeviceCycle;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A poll cycle as the alert pipeline's input. */
class AlertingWiringTest {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");
    static final Sample CPU = new Sample(new SeriesId("dev", "cpu", "1", "load"), T, 42);

    @Test
    void aPolledCycleEndsAtStartPlusDurationAndCarriesItsSamples() {
        DeviceCycle c = AlertingWiring.cycle(new CycleReport("dev", T, Duration.ofMillis(250), Optional.empty(),
                List.of(CPU), Map.of("FIRST_SAMPLE", 2), false, 0));
        assertEquals(new DeviceCycle("dev", T.plusMillis(250), true, List.of(CPU), false), c);
    }

    @Test
    void agentRestartGapsMarkTheCycle() {
        DeviceCycle c = AlertingWiring.cycle(new CycleReport("dev", T, Duration.ofMillis(5), Optional.empty(),
                List.of(CPU), Map.of("AGENT_RESTART", 16, "FIRST_SAMPLE", 2), false, 0));
        assertTrue(c.agentRestarted());
    }

    @Test
    void aFailedPollIsAnUnreachedDevice() {
        DeviceCycle c = AlertingWiring.cycle(new CycleReport("dev", T, Duration.ofSeconds(5),
                Optional.of(new PollFailure(PollFailure.Cause.TIMEOUT, "no answer")), List.of(), Map.of(), false, 0));
        assertEquals(DeviceCycle.unreached("dev", T.plusSeconds(5)), c);
        assertFalse(c.reached());
    }
}
