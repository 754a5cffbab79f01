package io.mibwatch.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.poller.snmp.PollFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NotableChangesTest {
    static final Instant T = Instant.parse("2026-03-02T10:00:00Z");

    static CycleReport cycle(Map<String, Integer> gaps, Sample... samples) {
        return new CycleReport("dev", T, Duration.ofMillis(5), Optional.empty(), List.of(samples), gaps, false, 0);
    }

    static Sample sample(String group, String instance, String metric, double v) {
        return new Sample(new SeriesId("dev", group, instance, metric), T, v);
    }

    static Stream<Arguments> sequences() {
        return Stream.of(
                Arguments.of("first operStatus is a baseline, not a change",
                        List.of(1.0), "interfaces", "operStatus", List.of()),
                Arguments.of("up -> down -> up",
                        List.of(1.0, 2.0, 2.0, 1.0), "interfaces", "operStatus", List.of(
                                "device dev: interface 3 operStatus up(1) -> down(2)",
                                "device dev: interface 3 operStatus down(2) -> up(1)")),
                Arguments.of("an unknown (NaN) sample changes nothing",
                        List.of(1.0, Double.NaN, 1.0), "interfaces", "operStatus", List.of()),
                Arguments.of("cpu crosses 90 once, stays, recovers",
                        List.of(40.0, 90.0, 97.0, 30.0), "cpu", "load", List.of(
                                "device dev: CPU cpu/3/load at 90% (>= 90%)",
                                "device dev: CPU cpu/3/load back to 30%")),
                Arguments.of("busy from the first sample",
                        List.of(95.0), "cisco_cpu", "load1min", List.of("device dev: CPU cisco_cpu/3/load1min at 95% (>= 90%)")),
                Arguments.of("89.9 is not busy",
                        List.of(10.0, 89.9), "cpu", "load", List.of()),
                Arguments.of("other gauges are not watched",
                        List.of(10.0, 99.0), "storage", "usedPct", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sequences")
    void reportsOnlyChanges(String why, List<Double> values, String group, String metric, List<String> expected) {
        NotableChanges n = new NotableChanges();
        List<String> all = new java.util.ArrayList<>();
        for (double v : values) {
            all.addAll(n.changes(cycle(Map.of(), sample(group, "3", metric, v))));
        }
        assertEquals(expected, all);
    }

    @Test
    void agentRestartGapsAreReportedOncePerCycle() {
        NotableChanges n = new NotableChanges();
        assertEquals(List.of("device dev: agent restart detected (sysUpTime went back); 16 counter(s) without a rate this cycle"),
                n.changes(cycle(Map.of("AGENT_RESTART", 16, "FIRST_SAMPLE", 2))));
        assertEquals(List.of(), n.changes(cycle(Map.of("COUNTER_RESET", 1))));
    }

    @Test
    void failedCyclesAreLeftToTheDaemonsOwnLine() {
        NotableChanges n = new NotableChanges();
        CycleReport failed = new CycleReport("dev", T, Duration.ofSeconds(5),
                Optional.of(new PollFailure(PollFailure.Cause.TIMEOUT, "no answer")), List.of(), Map.of(), false, 0);
        assertEquals(List.of(), n.changes(failed));
    }
}
