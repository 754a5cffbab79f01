package io.mibwatch.thresholds.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.rule.History;
import io.mibwatch.thresholds.rule.MissingReason;
import io.mibwatch.thresholds.rule.Observation;
import io.mibwatch.thresholds.rule.RuleConfig;
import io.mibwatch.thresholds.rule.RuleEngine;
import io.mibwatch.thresholds.rule.RuleSet;
import io.mibwatch.thresholds.rule.Unreachable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tracker with the rule engine over the shipped catalog: the way the daemon wires them. */
class AlertTrackerTest {

    final ManualClock clock = new ManualClock(Instant.parse("2024-03-01T00:00:00Z"));
    final RuleEngine engine = new RuleEngine(RuleSet.standard(RuleConfig.DEFAULTS), History.EMPTY);
    final AlertTracker tracker = new AlertTracker(clock, new Dependencies(Map.of("sw1", "router1")),
            FlapPolicy.DEFAULT, Duration.ofMinutes(15));

    AlertChanges poll(String device, boolean ok, double cpu) {
        Instant now = clock.instant();
        AlertChanges reach = tracker.deviceReachability(device, ok);
        Observation r = ok ? new Observation.Value(Unreachable.series(device), now, 1)
                : new Observation.Missing(Unreachable.series(device), now, MissingReason.POLL_FAILED);
        SeriesId cpuSeries = new SeriesId(device, "cpu", "1", "load");
        Observation c = ok ? new Observation.Value(cpuSeries, now, cpu)
                : new Observation.Missing(cpuSeries, now, MissingReason.POLL_FAILED);
        AlertChanges a = tracker.onResults(engine.observe(r));
        AlertChanges b = tracker.onResults(engine.observe(c));
        return new AlertChanges(List.of(), concat(reach.transitions(), a.transitions(), b.transitions()),
                concat(reach.intents(), a.intents(), b.intents()));
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).collect(Collectors.toList());
    }

    static String kinds(AlertChanges c) {
        return c.intents().stream().map(i -> i.kind() + " " + i.alertId().key()).collect(Collectors.joining(", "));
    }

    /** cpu of srv1 at {@code value}, through the engine and the tracker, as one poll would do. */
    AlertChanges cpu(double value) {
        return tracker.onResults(engine.observe(new Observation.Value(new SeriesId("srv1", "cpu", "1", "load"),
                clock.instant(), value)));
    }

    @Test
    void aFiringAlertsMovingValueIsARefreshNotAnEvent() {
        AlertChanges last = AlertChanges.NONE;
        for (int i = 0; i < 7 && tracker.alerts().stream().noneMatch(a -> a.state() == AlertState.FIRING); i++) {
            last = cpu(95);
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(1, last.transitions().size(), "the cpu alert fired: " + last);
        assertTrue(last.hasEvents());
        // still over the limit, another value: nothing happened to the alert but its value
        AlertChanges moved = cpu(97);
        assertTrue(moved.alerts().isEmpty() && moved.transitions().isEmpty() && moved.intents().isEmpty(), moved.toString());
        assertEquals(1, moved.refreshed().size());
        assertEquals(97, moved.refreshed().get(0).value());
        assertTrue(!moved.hasEvents() && !moved.isEmpty());
        // the same value again: no change at all
        assertTrue(cpu(97).isEmpty());
        // back to normal: an event (resolution), with the row in alerts(), not in refreshed()
        clock.advance(Duration.ofMinutes(1));
        AlertChanges resolved = cpu(10);
        assertTrue(resolved.hasEvents(), resolved.toString());
        assertEquals(AlertState.RESOLVED, resolved.alerts().get(0).state());
        assertTrue(resolved.refreshed().isEmpty());
    }

    @Test
    void oneUnreachableAlertPerDeviceAndMetricAlertsHoldWhileItIsDown() {
        String out = "";
        for (int i = 0; i < 6; i++) {
            out = kinds(poll("srv1", i < 1 ? true : false, 95));
            clock.advance(Duration.ofMinutes(1));
        }
        // cpu was pending (reference: 5 minutes) when polls began failing; it stays pending, unreachable fired once
        List<Alert> alerts = tracker.alerts();
        assertEquals(List.of("reference:cpu/load@srv1/cpu/1/load PENDING", "unreachable@srv1/poll//reachable FIRING"),
                alerts.stream().map(a -> a.id().key() + " " + a.state()).sorted().collect(Collectors.toList()));
        assertEquals("FIRING unreachable@srv1/poll//reachable", out);
    }

    @Test
    void parentDownSuppressesTheChildsUnreachableAlert() {
        String childNotified = "";
        for (int i = 0; i < 6; i++) {
            poll("router1", false, 10);
            childNotified += kinds(poll("sw1", false, 10));
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals("", childNotified);
        Alert child = tracker.alert(AlertId.parse("unreachable@sw1/poll//reachable")).orElseThrow();
        assertEquals(AlertState.FIRING, child.state());
        assertEquals(java.util.Optional.of("router1"), child.suppressedBy());
        // router back, sw1 still down: now sw1's own outage is news, told when the router answers
        AlertChanges c = poll("router1", true, 10);
        assertEquals("FIRING unreachable@sw1/poll//reachable, RESOLVED unreachable@router1/poll//reachable", kinds(c));
        assertEquals("", kinds(poll("sw1", false, 10)));
    }

    @Test
    void silenceWindowStartsAndEndsOnRecheck() {
        for (int i = 0; i < 6; i++) {
            poll("srv1", true, 95);
            clock.advance(Duration.ofMinutes(1));
        }
        AlertId cpu = AlertId.parse("reference:cpu/load@srv1/cpu/1/load");
        assertEquals(AlertState.FIRING, tracker.alert(cpu).orElseThrow().state());
        Instant now = clock.instant();
        tracker.addSilence(new Silence("mw1", List.of(Matcher.equal("device", "srv1")), now.plusSeconds(60),
                now.plusSeconds(180), "ops", "reboot window"));
        assertTrue(tracker.alert(cpu).orElseThrow().silencedBy().isEmpty());
        clock.advance(Duration.ofMinutes(1));
        AlertChanges started = tracker.recheck();
        assertEquals(List.of(TransitionReason.SILENCED),
                started.transitions().stream().map(Transition::reason).collect(Collectors.toList()));
        assertEquals(1, tracker.acknowledge(cpu, "alice", "on it").transitions().size());
        clock.advance(Duration.ofMinutes(2));
        AlertChanges ended = tracker.recheck();
        assertEquals(List.of(TransitionReason.UNSILENCED),
                ended.transitions().stream().map(Transition::reason).collect(Collectors.toList()));
        assertEquals(List.of(), tracker.silences());
    }

    @Test
    void resolvedAlertsAreForgottenAfterRetentionAndUnknownIdsAreNamed() {
        for (int i = 0; i < 6; i++) {
            poll("srv1", true, 95);
            clock.advance(Duration.ofMinutes(1));
        }
        poll("srv1", true, 10);
        assertEquals(AlertState.RESOLVED, tracker.alert(AlertId.parse("reference:cpu/load@srv1/cpu/1/load"))
                .orElseThrow().state());
        clock.advance(Duration.ofHours(2));
        tracker.recheck();
        assertEquals(List.of(), tracker.alerts());
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> tracker.acknowledge(AlertId.parse("x@srv1/cpu/1/load"), "a", ""));
        assertTrue(e.getMessage().contains("x@srv1/cpu/1/load"));
    }
}
