package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code mibwatch apdex} against real RRD files written the way the daemon writes them. */
class ApdexCliTest {
    static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");

    @TempDir
    Path tmp;
    Path data;
    Path config;

    /** One rtt sample a minute for two hours: 50 ms for the first hour, 1000 ms (> 4T) after. */
    @BeforeEach
    void history() throws Exception {
        data = tmp.resolve("data");
        config = tmp.resolve("mibwatch.yaml");
        Files.writeString(config, """
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                services:
                  - name: voip
                    window: 50m
                    members:
                      - {device: r1, series: cisco_rtt/1/rtt, t: 0.1s}
                      - {device: r1, series: cisco_rtt/2/rtt, t: 100}
                """);
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m <= 120; m++) {
            samples.add(new Sample(RTT, T0.plusSeconds(60L * m), m < 60 ? 50 : 1000));
        }
        try (RrdSeriesStore rrd = new RrdSeriesStore(data.resolve("rrd"),
                new SeriesSchema(StandardMetrics.dsNamesByGroup()), d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            rrd.write(samples);
        }
    }

    @Test
    void serviceApdexAndTrendFromStoredHistory() throws Exception {
        CliRun r = run("apdex", "voip", "--config", config.toString(), "--data", data.toString(), "--json",
                "--from", T0.plusSeconds(600).toString(), "--to", T0.plusSeconds(6600).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("voip", j.get("service").asText());
        assertEquals(100, j.get("total").asInt(), r.out());
        assertEquals(0.5, j.get("apdex").asDouble(), 1e-9, r.out());
        assertEquals(2, j.get("trend").size(), r.out());
        assertEquals(1.0, j.get("trend").get(0).get("apdex").asDouble(), 1e-9, r.out());
        assertEquals(0.0, j.get("trend").get(1).get("apdex").asDouble(), 1e-9, r.out());
        assertEquals(100.0, j.get("members").get(0).get("t").asDouble(), "0.1s in the metric's ms");
        assertEquals("[\"r1:cisco_rtt/2/rtt\"]", j.get("missing").toString());

        CliRun text = run("apdex", "--config", config.toString(), "--data", data.toString(), "--window", "25m",
                "--from", T0.plusSeconds(600).toString(), "--to", T0.plusSeconds(6600).toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("voip  Apdex 0.50  (satisfied 50, tolerating 0, frustrated 50 of 100 samples)"),
                text.out());
        assertEquals(4, text.out().lines().filter(l -> l.startsWith("  2026-11-20T")).count(), text.out());
    }

    @Test
    void windowTakesTheOneDurationGrammar() throws Exception {
        CliRun r = run("apdex", "voip", "--config", config.toString(), "--data", data.toString(), "--json",
                "--window", "1h23m20s", "--from", T0.plusSeconds(600).toString(), "--to", T0.plusSeconds(6600).toString());
        assertEquals(0, r.code(), r.err());
        assertEquals(5000, new ObjectMapper().readTree(r.out()).get("window_seconds").asInt(), r.out());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "5 minutes|--window '5 minutes': not a duration (e.g. 500ms, 90s, 5m, 1h30m, 2d, 1w)",
            "0m|--window '0m': must be at least 1s",
            "500ms|--window '500ms': must be at least 1s"})
    void badWindowIsAUsageErrorNamingTheOptionAndTheValue(String window, String message) {
        CliRun r = run("apdex", "voip", "--config", config.toString(), "--data", data.toString(), "--window", window);
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains(message), r.err());
    }

    @Test
    void unknownServiceIsAUsageErrorNamingTheServices() {
        CliRun r = run("apdex", "web", "--config", config.toString(), "--data", data.toString());
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no service 'web'") && r.err().contains("services: voip"), r.err());
    }
}
