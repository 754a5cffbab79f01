package io.mibwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The services: section: defaults, and every error with its key path. */
class ServicesConfigTest {

    private static final String DEVICES = """
            devices:
              - {name: r1, address: 127.0.0.1, credentials: c}
            credentials:
              c: {community: public}
            """;

    static MibwatchConfig parse(String services) throws ConfigException {
        return ConfigLoader.parse(DEVICES + services, "test.yaml", null, Map.<String, String>of()::get);
    }

    @Test
    void absentSectionMeansNoServices() throws Exception {
        assertEquals(ServicesConfig.NONE, parse("").services());
    }

    @Test
    void fullServiceIsRead() throws Exception {
        MibwatchConfig c = parse("""
                services:
                  - name: voip
                    window: 10m
                    working_hours: {days: "Mon-Fri 08:00-18:00", zone: Europe/Paris}
                    apdex_alert: {below: 0.85, for: 10m}
                    members:
                      - {device: r1, series: ipsla/10/rttAvg, t: 150ms}
                      - {device: r1, series: ipsla/10/mos, t: 4, lower_is_better: false}
                  - name: web
                    working_hours: "Sat 09:00-12:00"
                    members:
                      - {device: r1, series: http//responseTime, t: 0.5s}
                """);
        ServicesConfig.Service voip = c.services().service("voip").orElseThrow();
        assertEquals(Duration.ofMinutes(10), voip.window());
        assertEquals(new ServicesConfig.WorkingHours(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(8, 0), LocalTime.of(18, 0), ZoneId.of("Europe/Paris")), voip.workingHours().orElseThrow());
        assertEquals(new ServicesConfig.ApdexAlert(0.85, Duration.ofMinutes(10)), voip.alert().orElseThrow());
        assertEquals(List.of(
                new ServicesConfig.Member("r1", "ipsla/10/rttAvg", new ServicesConfig.Target(150, Optional.of("ms")), true),
                new ServicesConfig.Member("r1", "ipsla/10/mos", new ServicesConfig.Target(4, Optional.empty()), false)),
                voip.members());
        assertEquals(150.0, voip.members().get(0).target().millis().orElseThrow());
        ServicesConfig.Service web = c.services().service("web").orElseThrow();
        assertEquals(Duration.ofMinutes(5), web.window());
        assertEquals(Optional.empty(), web.alert());
        assertEquals(EnumSet.of(DayOfWeek.SATURDAY), web.workingHours().orElseThrow().days());
        assertEquals(500.0, web.members().get(0).target().millis().orElseThrow());
    }

    static Stream<Arguments> bad() {
        return Stream.of(
                Arguments.of("services: {voip: {}}",
                        List.of("services: {voip:{}}: expected a list of services ({name, members, ...})")),
                Arguments.of("services: [{name: voip, member: []}]",
                        List.of("services[0].member: unknown key (did you mean 'members'?); known keys here: "
                                        + "apdex_alert, members, name, window, working_hours",
                                "services[0].members: required: at least one {device, series, t}")),
                Arguments.of("services: [{name: voip, members: [{device: r2, series: ipsla/rtt, t: fast}]}]",
                        List.of("services[0].members[0].device: r2: no such device under devices (did you mean 'r1'?)",
                                "services[0].members[0].series: ipsla/rtt: expected GROUP/INSTANCE/METRIC, "
                                        + "e.g. ipsla/10/rttAvg or system//uptime",
                                "services[0].members[0].t: fast: not a target: a number in the metric's unit, "
                                        + "or a time: 150ms, 0.2s, 800us")),
                Arguments.of("services: [{name: voip, members: [{device: r1, series: a/1/b, t: 0}], "
                                + "working_hours: 'Mon-Fry 18:00-08:00', apdex_alert: {below: 85}, window: soon}]",
                        List.of("services[0].members[0].t: 0: must be positive",
                                "services[0].window: soon: not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w, or a whole number of seconds)",
                                "services[0].working_hours: Mon-Fry 18:00-08:00: days are Mon, Tue, Wed, Thu, Fri, Sat, Sun; "
                                        + "expected DAY[-DAY] HH:MM-HH:MM, e.g. \"Mon-Fri 08:00-18:00\"",
                                "services[0].apdex_alert.below: 85: an Apdex level is a number in (0, 1], e.g. 0.85")),
                Arguments.of("services: [{name: a, members: [{device: r1, series: a/1/b, t: 1}]}, "
                                + "{name: a, members: [{device: r1, series: a/1/b, t: 1}], "
                                + "working_hours: {days: 'Mon 09:00-10:00', zone: Mars/Olympus}}]",
                        List.of("services[1].working_hours.zone: Mars/Olympus: unknown time zone (e.g. UTC, Europe/Paris)")),
                Arguments.of("services: [{name: a, members: [{device: r1, series: a/1/b, t: 1}]}, "
                                + "{name: a, members: [{device: r1, series: a/1/b, t: 1}]}]",
                        List.of("services[1].name: a: duplicate service name")));
    }

    @ParameterizedTest
    @MethodSource("bad")
    void everyErrorIsReportedWithItsKeyPath(String yaml, List<String> expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> parse(yaml));
        List<String> got = e.errors().stream().map(ConfigError::toString).toList();
        assertEquals(expected, got);
    }
}
