package io.mibwatch.thresholds.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.thresholds.rule.Condition;
import io.mibwatch.thresholds.rule.RuleId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every transition of the alert lifecycle, table-driven over scripted steps one minute apart
 * (the style of Prometheus' rules/alerting_test.go). Step tokens: {@code -} condition clear,
 * {@code Pw Pc Fw Fc} pending/firing warning/critical, {@code ack} an acknowledgement,
 * {@code .} a recheck. Expected output lists {@code STEP:REASON} of transitions and
 * {@code STEP:KIND} of notifications.
 */
class AlertStateMachineTest {

    static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
    static final AlertId ID = new AlertId(RuleId.of("cpu"), new SeriesId("srv1", "cpu", "1", "load"));
    static final FlapPolicy FLAP = new FlapPolicy(3, Duration.ofMinutes(10));

    static Silence silence(String id, String matcher, int fromMin, int toMin) {
        return new Silence(id, List.of(Matcher.parse(matcher)), T0.plus(Duration.ofMinutes(fromMin)),
                T0.plus(Duration.ofMinutes(toMin)), "ops", "maintenance");
    }

    static Stream<Arguments> scripts() {
        List<Silence> none = List.of();
        return Stream.of(
                arguments("pending then firing then resolved", "Pw Pw Fw Fw -", none, "",
                        "0:PENDING 2:FIRED 4:RESOLVED", "2:FIRING 4:RESOLVED"),
                arguments("pending cleared before firing notifies nothing", "Pw Pw - -", none, "",
                        "0:PENDING 2:CLEARED", ""),
                arguments("fires at once without pending", "Fc -", none, "", "0:FIRED 1:RESOLVED", "0:FIRING 1:RESOLVED"),
                arguments("severity escalation and de-escalation without a new alert", "Fw Fc Fc Fw -", none, "",
                        "0:FIRED 1:SEVERITY_CHANGED 3:SEVERITY_CHANGED 4:RESOLVED",
                        "0:FIRING 1:SEVERITY_CHANGED 3:SEVERITY_CHANGED 4:RESOLVED"),
                arguments("severity change while pending is no transition", "Pw Pc Fc", none, "",
                        "0:PENDING 2:FIRED", "2:FIRING"),
                arguments("ack then worsen re-notifies", "Fw ack Fw Fc Fc -", none, "",
                        "0:FIRED 1:ACKNOWLEDGED 3:SEVERITY_CHANGED 5:RESOLVED",
                        "0:FIRING 1:ACKNOWLEDGED 3:WORSENED_AFTER_ACK 5:RESOLVED"),
                arguments("ack then improve and back is quiet", "Fc ack Fw Fc -", none, "",
                        "0:FIRED 1:ACKNOWLEDGED 2:SEVERITY_CHANGED 3:SEVERITY_CHANGED 4:RESOLVED",
                        "0:FIRING 1:ACKNOWLEDGED 4:RESOLVED"),
                arguments("resolved then a new episode", "Fw - Pw Fw", none, "",
                        "0:FIRED 1:RESOLVED 2:PENDING 3:FIRED", "0:FIRING 1:RESOLVED 3:FIRING"),
                arguments("silence starts and ends while firing: told once", "Fw Fw Fw Fw -",
                        List.of(silence("s1", "device=srv1", 1, 3)), "",
                        "0:FIRED 1:SILENCED 3:UNSILENCED 4:RESOLVED", "0:FIRING 4:RESOLVED"),
                arguments("fired during a silence: notified when it ends", "Fw Fw . Fw -",
                        List.of(silence("s1", "metric=load", 0, 2)), "",
                        "0:FIRED 0:SILENCED 2:UNSILENCED 4:RESOLVED", "2:FIRING 4:RESOLVED"),
                arguments("fired and resolved inside a silence: nothing notified", "Fw Fw - . .",
                        List.of(silence("s1", "device=~srv.*", 0, 3)), "",
                        "0:FIRED 0:SILENCED 2:RESOLVED", ""),
                arguments("severity change during a silence is notified as such after it", "Fw Fc . -",
                        List.of(silence("s1", "device=srv1", 1, 2)), "",
                        "0:FIRED 1:SEVERITY_CHANGED 1:SILENCED 2:UNSILENCED 3:RESOLVED",
                        "0:FIRING 2:SEVERITY_CHANGED 3:RESOLVED"),
                arguments("a silence that does not match changes nothing", "Fw -",
                        List.of(silence("s1", "device=srv2", 0, 5)), "", "0:FIRED 1:RESOLVED", "0:FIRING 1:RESOLVED"),
                arguments("parent down suppresses a firing child", "Fc Fc Fc Fc", none, "1 2",
                        "0:FIRED 1:SUPPRESSED 3:UNSUPPRESSED", "0:FIRING"),
                arguments("child fired while parent down: notified when parent is back", "Fc Fc Fc -", none, "0 1",
                        "0:FIRED 0:SUPPRESSED 2:UNSUPPRESSED 3:RESOLVED", "2:FIRING 3:RESOLVED"),
                arguments("child fired and resolved while parent down: nothing notified", "Fc - .", none, "0 1 2",
                        "0:FIRED 0:SUPPRESSED 1:RESOLVED", ""),
                arguments("flapping notifies once, then the settled state after a quiet window",
                        "Fw - Fw - Fw - . . . . . . . . . .", none, "",
                        "0:FIRED 1:RESOLVED 2:FIRED 3:RESOLVED 3:FLAPPING_STARTED 4:FIRED 5:RESOLVED 15:FLAPPING_STOPPED",
                        "0:FIRING 1:RESOLVED 2:FIRING 3:FLAPPING 15:RESOLVED"),
                arguments("flapping that settles firing notifies firing", "Fw - Fw - Fw Fw . . . . . . . . .",
                        none, "",
                        "0:FIRED 1:RESOLVED 2:FIRED 3:RESOLVED 3:FLAPPING_STARTED 4:FIRED 14:FLAPPING_STOPPED",
                        "0:FIRING 1:RESOLVED 2:FIRING 3:FLAPPING 14:FIRING"),
                arguments("changes spread wider than the window are not flapping", "Fw . . . . - . . . . . . Fw -",
                        none, "", "0:FIRED 5:RESOLVED 12:FIRED 13:RESOLVED",
                        "0:FIRING 5:RESOLVED 12:FIRING 13:RESOLVED"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scripts")
    void lifecycle(String name, String script, List<Silence> silences, String suppressedAt, String transitions,
                   String intents) {
        Set<Integer> suppressed = new HashSet<>();
        for (String s : suppressedAt.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                suppressed.add(Integer.parseInt(s));
            }
        }
        List<String> seenT = new ArrayList<>();
        List<String> seenI = new ArrayList<>();
        Alert a = Alert.inactive(ID, T0);
        String[] steps = script.trim().split("\\s+");
        for (int i = 0; i < steps.length; i++) {
            Instant now = T0.plus(Duration.ofMinutes(i));
            AlertContext ctx = new AlertContext(silences,
                    suppressed.contains(i) ? Optional.of("router1") : Optional.empty(), FLAP);
            AlertStep step = AlertStateMachine.step(a, input(steps[i], now), ctx, now);
            for (Transition t : step.transitions()) {
                seenT.add(i + ":" + t.reason());
                assertEquals(now, t.at());
            }
            for (NotificationIntent n : step.intents()) {
                seenI.add(i + ":" + n.kind());
                assertEquals(step.alert(), n.alert());
            }
            a = step.alert();
        }
        assertEquals(transitions, String.join(" ", seenT), "transitions");
        assertEquals(intents, String.join(" ", seenI), "notifications");
    }

    static AlertInput input(String token, Instant now) {
        return switch (token) {
            case "ack" -> new AlertInput.Acknowledge(new Ack("alice", "looking", now));
            case "." -> new AlertInput.Recheck();
            case "-" -> new AlertInput.Evaluated(Optional.empty());
            default -> new AlertInput.Evaluated(Optional.of(new Condition(
                    token.charAt(1) == 'c' ? Severity.CRITICAL : Severity.WARNING, token.charAt(0) == 'P', 95,
                    "cpu " + token)));
        };
    }

    static AlertStep run(String script) {
        Alert a = Alert.inactive(ID, T0);
        AlertStep last = null;
        String[] steps = script.trim().split("\\s+");
        for (int i = 0; i < steps.length; i++) {
            Instant now = T0.plus(Duration.ofMinutes(i));
            last = AlertStateMachine.step(a, input(steps[i], now), AlertContext.plain(FLAP), now);
            a = last.alert();
        }
        return last;
    }

    @Test
    void everyTransitionIsTimestamped() {
        Alert a = run("Pw Pw Fc Fc -").alert();
        assertEquals(AlertState.RESOLVED, a.state());
        assertEquals(Optional.of(T0), a.pendingSince());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(2))), a.firingSince());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(4))), a.resolvedAt());
        assertEquals(T0.plus(Duration.ofMinutes(4)), a.since());
        assertEquals(Severity.CRITICAL, a.severity());
    }

    @Test
    void aNewEpisodeStartsWithoutTheOldAckAndTimestamps() {
        Alert a = run("Fw ack - Pw").alert();
        assertEquals(AlertState.PENDING, a.state());
        assertTrue(a.ack().isEmpty());
        assertTrue(a.firingSince().isEmpty());
        assertTrue(a.resolvedAt().isEmpty());
        assertEquals(Optional.of(T0.plus(Duration.ofMinutes(3))), a.pendingSince());
    }

    @Test
    void ackIsKeptWhileTheSeverityStaysAndDroppedWhenItWorsens() {
        assertEquals("alice", run("Fw ack Fw").alert().ack().orElseThrow().user());
        assertTrue(run("Fw ack Fc").alert().ack().isEmpty());
    }

    @Test
    void onlyAFiringAlertCanBeAcknowledged() {
        Alert pending = run("Pw").alert();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> AlertStateMachine.step(pending,
                new AlertInput.Acknowledge(new Ack("bob", "", T0)), AlertContext.plain(FLAP), T0));
        assertTrue(e.getMessage().contains(ID.key()) && e.getMessage().contains("PENDING"), e.getMessage());
    }

    @Test
    void silencedAlertIsMarkedWithTheSilenceId() {
        Alert a = AlertStateMachine.step(Alert.inactive(ID, T0), input("Fw", T0),
                new AlertContext(List.of(silence("mw-42", "device=srv1", 0, 10)), Optional.of("router1"), FLAP),
                T0).alert();
        assertEquals(Optional.of("mw-42"), a.silencedBy());
        assertEquals(Optional.of("router1"), a.suppressedBy());
        assertTrue(a.muted());
        assertFalse(a.flapping());
    }

    @Test
    void alertIdRoundTripsThroughItsKey() {
        AlertId id = new AlertId(RuleId.of("reference:interfaces/inUtil"), new SeriesId("core-1.lab", "interfaces", "", "inUtil"));
        assertEquals("reference:interfaces/inUtil@core-1.lab/interfaces//inUtil", id.key());
        assertEquals(id, AlertId.parse(id.key()));
        assertThrows(IllegalArgumentException.class, () -> AlertId.parse("cpu@srv1/cpu/load"));
    }

    @Test
    void matcherForms() {
        assertEquals(List.of("device=srv1", "metric!=load", "instance=~1|2", "group!~if.*"),
                Stream.of("device=srv1", "metric!=load", "instance=~\"1|2\"", "group!~if.*")
                        .map(Matcher::parse).map(Matcher::toString).collect(Collectors.toList()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Matcher.parse("device"));
        assertTrue(e.getMessage().contains("'device'"), e.getMessage());
    }
}
