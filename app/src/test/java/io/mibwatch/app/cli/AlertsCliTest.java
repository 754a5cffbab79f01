package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.app.alerting.AlertingWiring;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.thresholds.pipeline.AlertPipeline;
import io.mibwatch.thresholds.store.AlertRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The alert CLI against a real event store and real RRD files: the alerting pipeline writes the
 * database the way the daemon does, the commands read (and queue into) it in-process.
 */
class AlertsCliTest {
    static final String CPU_ALERT = "reference:cpu/load@srv1/cpu/1/load";
    static final String YAML = """
            devices:
              - {name: srv1, address: 127.0.0.1, credentials: lab}
              - {name: srv2, address: 127.0.0.1, credentials: lab}
            credentials: {lab: {community: public}}
            thresholds:
              overrides:
                - match: {metric: cpu/load}
                  levels: {warning: 80, critical: 90, rearm: 75, for: 0s}
                - match: {device: srv2, metric: cpu/load}
                  levels: {warning: 50, critical: 99, for: 0s}
            """;

    @TempDir
    Path tmp;
    Path data;
    MibwatchConfig cfg;

    @BeforeEach
    void setUp() throws Exception {
        data = tmp.resolve("data");
        Files.createDirectories(data.resolve("rrd"));
        cfg = ConfigLoader.parse(YAML, "test.yaml");
    }

    private RrdSeriesStore rrd() {
        return new RrdSeriesStore(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults());
    }

    private static CycleReport cycle(String device, double cpu) {
        Instant at = Instant.now();
        return new CycleReport(device, at, Duration.ofMillis(5), Optional.empty(),
                List.of(new Sample(new SeriesId(device, "cpu", "1", "load"), at, cpu)), Map.of(), false, 0);
    }

    /** srv1 at 95 % (critical), srv2 at 60 % (warning with its override). */
    private void twoFiringAlerts(RrdSeriesStore rrd) {
        try (AlertPipeline a = AlertingWiring.open(cfg, rrd, new DataDir(data).alertDb(), Clock.systemUTC(), AlertPipeline.RECHECK)) {
            a.onCycle(AlertingWiring.cycle(cycle("srv2", 60)));
            a.onCycle(AlertingWiring.cycle(cycle("srv1", 95)));
        }
    }

    @Test
    void alertsListsFiringAlertsMostSevereFirstAndAsJson() {
        try (RrdSeriesStore rrd = rrd()) {
            twoFiringAlerts(rrd);
        }
        CliRun r = run("alerts", "--data", data.toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.get(0).startsWith("SEVERITY"), r.out());
        assertTrue(lines.get(1).startsWith("CRITICAL FIRING") && lines.get(1).contains(CPU_ALERT), r.out());
        assertTrue(lines.get(2).startsWith("WARNING  FIRING") && lines.get(2).contains("@srv2/"), r.out());
        assertTrue(lines.get(1).contains("95 > critical 90"), r.out());

        CliRun json = run("alerts", "--json", "--state", "firing", "--data", data.toString());
        assertEquals(0, json.code(), json.err());
        assertTrue(json.out().contains("\"id\" : \"" + CPU_ALERT + "\""), json.out());
        assertTrue(json.out().contains("\"value\" : 95.0"), json.out());

        CliRun pending = run("alerts", "--state", "pending", "--data", data.toString());
        assertEquals("no pending alerts", pending.out().strip());
        assertEquals(2, run("alerts", "--state", "bogus", "--data", data.toString()).code());
    }

    @Test
    void ackIsQueuedByTheCliAndAppliedByTheDaemonsRecheck() {
        try (RrdSeriesStore rrd = rrd()) {
            twoFiringAlerts(rrd);
            CliRun r = run("alerts", "ack", CPU_ALERT, "--comment", "on it", "--user", "alice", "--wait", "0",
                    "--data", data.toString());
            assertEquals(0, r.code(), r.err());
            assertTrue(r.out().startsWith("ack request 1 queued for " + CPU_ALERT), r.out());
            try (AlertPipeline a = AlertingWiring.open(cfg, rrd, new DataDir(data).alertDb(), Clock.systemUTC(), AlertPipeline.RECHECK)) {
                a.periodic();
                AlertRow row = a.store().alert(CPU_ALERT).orElseThrow();
                assertEquals("alice", row.ack().orElseThrow().user());
                assertEquals("on it", row.ack().orElseThrow().comment());
                assertEquals("acknowledged", a.store().ackRequest(1).orElseThrow().outcome().orElseThrow());
                assertEquals(1, a.store().acks().size());
            }
        }
        CliRun listed = run("alerts", "--data", data.toString());
        assertTrue(listed.out().contains("[acked by alice: on it]"), listed.out());
        CliRun audit = run("audit", "--action", "ack", "--data", data.toString());
        assertTrue(audit.out().contains("ack ") && audit.out().contains(CPU_ALERT
                + ": on it (queued as ack request 1, as alice)"), audit.out());

        CliRun unknown = run("alerts", "ack", "reference:cpu/load@nope/cpu/1/load", "--comment", "x", "--wait", "0",
                "--data", data.toString());
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no alert reference:cpu/load@nope/cpu/1/load"), unknown.err());
        CliRun malformed = run("alerts", "ack", "not-an-id", "--comment", "x", "--data", data.toString());
        assertEquals(2, malformed.code());
    }

    @Test
    void silenceAddListRemoveAndTheDaemonMutesMatchingAlerts() {
        CliRun add = run("silence", "add", "--match", "device=srv1", "--match", "metric=cpu/*", "--for", "2h",
                "--comment", "CHG-42", "--user", "bob", "--data", data.toString());
        assertEquals(0, add.code(), add.err());
        String id = add.out().strip();
        assertTrue(id.matches("s-[0-9a-f]{8}"), id);

        CliRun list = run("silence", "list", "--data", data.toString());
        assertEquals(0, list.code());
        assertTrue(list.out().contains(id) && list.out().contains("device=srv1 metric=cpu/*")
                && list.out().contains("CHG-42") && list.out().contains("active"), list.out());

        try (RrdSeriesStore rrd = rrd();
             AlertPipeline a = AlertingWiring.open(cfg, rrd, new DataDir(data).alertDb(), Clock.systemUTC(), AlertPipeline.RECHECK)) {
            a.periodic();
            a.onCycle(AlertingWiring.cycle(cycle("srv1", 95)));
            a.onCycle(AlertingWiring.cycle(cycle("srv2", 60)));
            assertEquals(Optional.of(id), a.store().alert(CPU_ALERT).orElseThrow().silencedBy());
            assertEquals(1, a.store().notifications().size(), "only srv2's alert is notified: "
                    + a.store().notifications());
        }

        assertEquals(0, run("silence", "remove", id, "--data", data.toString()).code());
        CliRun again = run("silence", "remove", id, "--data", data.toString());
        assertEquals(1, again.code());
        assertTrue(again.err().contains("no silence " + id), again.err());
        assertEquals("no silences", run("silence", "list", "--data", data.toString()).out().strip());
        assertEquals(2, run("silence", "add", "--match", "device=srv1", "--for", "soon", "--comment", "x",
                "--data", data.toString()).code());
        assertEquals(2, run("silence", "add", "--match", "device=srv1", "--comment", "x",
                "--data", data.toString()).code(), "--for or --until is required");
    }

    /** The same spans as the web API's silence test (AlertsApiIT): the one duration grammar. */
    @ParameterizedTest
    @CsvSource({"1w, 604800", "1h30m, 5400", "90s, 90", "31d, 2678400"})
    void silenceForTakesTheOneDurationGrammar(String span, long seconds) throws Exception {
        CliRun add = run("silence", "add", "--match", "device=srv1", "--start", "2030-01-01T00:00:00Z", "--for", span,
                "--comment", "CHG-9", "--data", data.toString());
        assertEquals(0, add.code(), add.err());
        CliRun list = run("silence", "list", "--json", "--data", data.toString());
        JsonNode s = new ObjectMapper()
                .readTree(list.out()).get(0);
        assertEquals(add.out().strip(), s.get("id").asText());
        assertEquals(Duration.ofSeconds(seconds),
                Duration.between(Instant.parse(s.get("start").asText()), Instant.parse(s.get("end").asText())));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1x|--for '1x': not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
            "30m1h|--for '30m1h': not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
            "0s|--for '0s': must be at least 1ms",
            "5w|a silence may last at most 31 days, got PT840H"})
    void silenceForRefusesNamingTheOptionAndTheValue(String span, String message) {
        CliRun add = run("silence", "add", "--match", "device=srv1", "--for", span, "--comment", "x",
                "--data", data.toString());
        assertEquals(2, add.code());
        assertTrue(add.err().contains(message), add.err());
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of(List.of(), 0, "OK - cpu/load = 12.0 | 'cpu/load'=12.0;80;90"),
                Arguments.of(List.of("-w", "10", "-c", "20"), 1, "WARNING - cpu/load = 12.0 | 'cpu/load'=12.0;10;20"),
                Arguments.of(List.of("-w", "5", "-c", "11.5"), 2, "CRITICAL - cpu/load = 12.0 | 'cpu/load'=12.0;5;11.5"),
                // warning above critical: low values are bad; perfdata uses the "X:" range form
                Arguments.of(List.of("-w", "20", "-c", "15"), 2, "CRITICAL - cpu/load = 12.0 | 'cpu/load'=12.0;20:;15:"),
                Arguments.of(List.of("--instance", "7"), 3, "UNKNOWN - no stored series cpu/load instance 7"),
                Arguments.of(List.of("--max-age", "1h30m"), 0, "OK - cpu/load = 12.0 | 'cpu/load'=12.0;80;90"));
    }

    @ParameterizedTest
    @MethodSource("checks")
    void checkPrintsPluginOutputAndExitCodes(List<String> extra, int code, String expected) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        try (RrdSeriesStore rrd = rrd()) {
            for (int i = 6; i >= 1; i--) {
                rrd.write(List.of(new Sample(new SeriesId("srv1", "cpu", "1", "load"), now.minusSeconds(60L * i), 12.0)));
            }
        }
        List<String> args = new java.util.ArrayList<>(List.of("check", "srv1", "cpu/load", "--data", data.toString()));
        args.addAll(extra);
        CliRun r = run(args.toArray(String[]::new));
        assertEquals(code, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith(expected), r.out());
    }

    @Test
    void checkIsUnknownWithoutData() {
        CliRun r = run("check", "ghost", "cpu/load", "--data", data.toString());
        assertEquals(3, r.code());
        assertTrue(r.out().startsWith("UNKNOWN - no stored series cpu/load for device 'ghost'"), r.out());
        CliRun bad = run("check", "srv1", "load", "--data", data.toString());
        assertEquals(3, bad.code());
    }

    @Test
    void rulesTestExitsZeroWhenAllPassAndOneWithADiff() throws Exception {
        String file = """
                interval: 1m
                defaults: {references: false, percentage: false, events: false}
                rules:
                  - {id: cpu-high, match: {group: cpu, metric: load}, kind: static, direction: high, warning: 80, critical: 90}
                tests:
                  - name: fires
                    series:
                      - {device: srv1, group: cpu, instance: "1", metric: load, values: "50 95"}
                    expect:
                      - at: 1m
                        alerts: [{alert: "cpu-high@srv1/cpu/1/load", state: firing, severity: %s}]
                """;
        Path good = tmp.resolve("good.yaml");
        Files.writeString(good, file.formatted("critical"));
        CliRun ok = run("rules", "test", good.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("SUCCESS (1 of 1 tests passed)"), ok.out());

        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, file.formatted("warning"));
        CliRun fail = run("rules", "test", bad.toString());
        assertEquals(1, fail.code(), fail.out());
        assertTrue(fail.out().contains("FAILED (0 of 1 tests passed)") && fail.out().contains("FAIL  fires"), fail.out());
    }
}
