package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RouterTest {

    private static final List<String> CHANNELS = List.of("pager", "noc-mail", "syslog", "dc2-webhook");

    /** A realistic table: DC2 core to its own webhook, critical pages, everything to syslog, warnings by mail. */
    private static final Router ROUTER = new Router(List.of(
            new Route("dc2-core", Severity.WARNING, Set.of(), Map.of("device", "dc2-core*"),
                    List.of("dc2-webhook"), true),
            new Route("page-critical", Severity.CRITICAL, Set.of(NotificationKind.FIRING, NotificationKind.RESOLVED), Map.of(),
                    List.of("pager", "syslog"), false),
            new Route("mail-rest", Severity.WARNING, Set.of(), Map.of(), List.of("noc-mail", "syslog"), false)),
            CHANNELS);

    static Notification n(Severity s, NotificationKind k, String device) {
        return new Notification("n", "a", k, s, "t", "", Map.of("device", device),
                Instant.parse("2026-03-01T10:00:00Z"));
    }

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(n(Severity.CRITICAL, NotificationKind.FIRING, "core1"), List.of("pager", "syslog")),
                Arguments.of(n(Severity.CRITICAL, NotificationKind.RESOLVED, "core1"), List.of("pager", "syslog")),
                // an ack of a critical alert is not paged: falls through to mail
                Arguments.of(n(Severity.CRITICAL, NotificationKind.ACKNOWLEDGED, "core1"), List.of("noc-mail", "syslog")),
                Arguments.of(n(Severity.WARNING, NotificationKind.FIRING, "core1"), List.of("noc-mail", "syslog")),
                Arguments.of(n(Severity.INFO, NotificationKind.FIRING, "core1"), List.of()),
                // continue: DC2 gets its webhook AND the normal routing
                Arguments.of(n(Severity.CRITICAL, NotificationKind.FIRING, "dc2-core3"), List.of("dc2-webhook", "pager", "syslog")),
                Arguments.of(n(Severity.WARNING, NotificationKind.SEVERITY_CHANGED, "dc2-core3"),
                        List.of("dc2-webhook", "noc-mail", "syslog")),
                // glob is whole-string: "xdc2-core1" does not match "dc2-core*"
                Arguments.of(n(Severity.WARNING, NotificationKind.FIRING, "xdc2-core1"), List.of("noc-mail", "syslog")));
    }

    @ParameterizedTest(name = "{index}: {0} -> {1}")
    @MethodSource("table")
    void routesBySeverityKindAndLabel(Notification n, List<String> expected) {
        assertEquals(expected, List.copyOf(ROUTER.channelsFor(n)));
    }

    @Test
    void aRouteWithoutTheLabelDoesNotMatch() {
        Notification noDevice = new Notification("n", "a", NotificationKind.FIRING, Severity.CRITICAL, "t", "", Map.of(),
                Instant.EPOCH);
        Router r = new Router(List.of(new Route("r", Severity.INFO, Set.of(), Map.of("device", "*"),
                List.of("pager"), false)), CHANNELS);
        assertEquals(Set.of(), r.channelsFor(noDevice));
    }

    @Test
    void refusesARouteToAnUnknownChannelNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Router(List.of(Route.all("critical", Severity.CRITICAL, "pagre")), CHANNELS));
        assertEquals("route 'critical' sends to channel 'pagre', which is not configured (channels: "
                + CHANNELS + ")", e.getMessage());
    }

    static Stream<Arguments> globs() {
        return Stream.of(
                Arguments.of("core*", "core1", true),
                Arguments.of("core*", "core", true),
                Arguments.of("core?", "core12", false),
                Arguments.of("*.fra.example", "sw1.fra.example", true),
                Arguments.of("sw1.fra", "sw1xfra", false),   // '.' is literal
                Arguments.of("a+b(c)", "a+b(c)", true),      // regex characters are literal
                Arguments.of("*", "", true));
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @MethodSource("globs")
    void globsMatchWholeStringsWithLiteralSpecials(String glob, String value, boolean expected) {
        assertEquals(expected, Glob.matches(glob, value));
    }
}
