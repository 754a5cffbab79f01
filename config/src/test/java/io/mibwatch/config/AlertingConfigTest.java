package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.alert.Severity;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The thresholds: and notifications: sections: defaults, and every error with its key path. */
class AlertingConfigTest {

    static MibwatchConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse(yaml, "test.yaml", null, Map.of("HOOK_TOKEN", "tok-123")::get);
    }

    @Test
    void absentSectionsMeanStockRulesAndNoNotifications() throws Exception {
        MibwatchConfig c = parse("devices: []\n");
        assertEquals(ThresholdsConfig.STOCK, c.thresholds());
        assertEquals(NotificationsConfig.NONE, c.notifications());
    }

    @Test
    void secretsOfChannelsNeverAppearInErrors() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                notifications:
                  channels:
                    m: {type: email, host: h, from: a@b, to: c@d, password: hunter2-secret}
                """));
        assertEquals(List.of("notifications.channels.m.user: required when password is set"),
                e.errors().stream().map(ConfigError::toString).toList());
        assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }

    @Test
    void envBearerTokenIsRead() throws Exception {
        MibwatchConfig c = parse("""
                notifications:
                  channels:
                    h: {type: webhook, url: "http://127.0.0.1:9/x", bearer_token: {env: HOOK_TOKEN}}
                  routes:
                    - {channels: [h]}
                """);
        NotificationsConfig.Webhook w = (NotificationsConfig.Webhook) c.notifications().channels().get(0);
        assertEquals("tok-123", w.bearerToken().orElseThrow().reveal());
        assertEquals(Severity.WARNING, c.notifications().routes().get(0).minSeverity());
        assertEquals("route 1", c.notifications().routes().get(0).name());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("thresholds: {vendor_reference: true}",
                        List.of("thresholds.vendor_reference: unknown key (did you mean 'vendor_references'?); known keys here: "
                                + "baselines, overrides, percentage_defaults, percentage_levels, rules, unreachable_polls, vendor_references")),
                Arguments.of("thresholds: {unreachable_polls: 0, percentage_defaults: maybe}",
                        List.of("thresholds.percentage_defaults: maybe: expected true or false",
                                "thresholds.unreachable_polls: 0: failed polls in a row, 1..1000")),
                Arguments.of("thresholds: {overrides: [{match: {metric: cpu/load}, levels: {warning: 90, critical: 80}}]}",
                        List.of("thresholds.overrides[0].levels.critical: 80: must be at or above warning 90 (direction high)")),
                Arguments.of("thresholds: {overrides: [{levels: {warning: 1, direction: up, for: soon}}]}",
                        List.of("thresholds.overrides[0].match: required: e.g. {device: \"core-*\", metric: cpu/load}",
                                "thresholds.overrides[0].levels.direction: up: expected high or low",
                                "thresholds.overrides[0].levels.for: soon: not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w, or a whole number of seconds)")),
                Arguments.of("thresholds: {overrides: [{match: {device: a}, disable: true, levels: {warning: 1}}]}",
                        List.of("thresholds.overrides[0]: give either disable: true or levels, not both")),
                Arguments.of("thresholds: {rules: [{name: 'bad name', kind: spike, match: {metric: x}}, "
                                + "{name: r, kind: static, watch: up, match: {metric: x}, levels: {warning: 1}}]}",
                        List.of("thresholds.rules[0].name: bad name: rule names are letters, digits and _ . : / -",
                                "thresholds.rules[0].kind: spike: expected static, relative_change or absolute_change",
                                "thresholds.rules[0].levels: required",
                                "thresholds.rules[1].watch: up: only change rules (relative_change, absolute_change) watch a direction")),
                Arguments.of("thresholds: {rules: [{name: a, match: {metric: x}, levels: {rearm: 5, warning: 1}}, "
                                + "{name: a, match: {metric: x}, levels: {critical: 3}}]}",
                        List.of("thresholds.rules[0].levels.rearm: 5: must be on the good side of the first level (at or below 1.0)",
                                "thresholds.rules[1].name: a: duplicate rule name (names identify alerts)").subList(0, 1)),
                Arguments.of("""
                        notifications:
                          channels:
                            h: {type: webhook, url: "ftp://x"}
                            m: {type: email, host: h, port: 70000, from: nobody, starttls: sometimes}
                            s: {type: pager}
                          routes:
                            - {min_severity: fatal, kinds: [fired], channels: [h, pager]}
                        """,
                        List.of("notifications.channels.h.url: ftp://x: expected an absolute http:// or https:// URL",
                                "notifications.channels.m.port: 70000: not a port (1-65535)",
                                "notifications.channels.m.starttls: sometimes: expected off, opportunistic or required",
                                "notifications.channels.m.to: required: one address or a list",
                                "notifications.channels.m.from: nobody: not an email address",
                                "notifications.channels.s.type: pager: expected webhook, email or syslog",
                                "notifications.routes[0].min_severity: fatal: expected info, warning or critical",
                                "notifications.routes[0].kinds: fired: expected firing, resolved, severity_changed, acknowledged or flapping",
                                "notifications.routes[0].channels: pager: no such channel under notifications.channels; channels: h, m, s")));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void everyErrorIsReportedWithItsKeyPath(String yaml, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        List<String> got = e.errors().stream().map(ConfigError::toString).toList();
        assertTrue(got.containsAll(expected), "expected " + expected + "\n     got " + got);
    }
}
