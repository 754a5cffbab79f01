package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The red button workflow end to end, in-process: a simulated working day stored in real RRD files
 * where the link latency degrades at random times, users complaining during those times through
 * {@code mibwatch complain}, then {@code thresholds suggest} and {@code thresholds adopt}.
 */
class RedButtonCliTest {
    /** A Monday. */
    static final Instant DAY = Instant.parse("2026-11-16T00:00:00Z");
    static final SeriesId RTT = new SeriesId("r1", "cisco_rtt", "1", "rtt");
    static final SeriesId LOAD = new SeriesId("r1", "cpu", "1", "load");

    @TempDir
    Path tmp;
    Path data;
    Path config;
    final List<Instant> degradedStarts = new ArrayList<>();

    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString(), "--data", data.toString()));
        return run(all.toArray(String[]::new));
    }

    /** Seven 20-minute degradations at random times of the working day (one per random hour slot). */
    @BeforeEach
    void simulatedDay() throws Exception {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        config = tmp.resolve("mibwatch.yaml");
        Files.writeString(config, """
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                services:
                  - name: voip
                    working_hours: {days: "Mon-Fri 08:00-18:00", zone: UTC}
                    members:
                      - {device: r1, series: cpu/1/load, t: 80}
                      - {device: r1, series: cisco_rtt/1/rtt, t: 150ms}
                """);
        Random rnd = new Random(20261116);
        List<Integer> slots = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
        Collections.shuffle(slots, rnd);
        for (int slot : slots.subList(0, 7)) {
            degradedStarts.add(DAY.plus(Duration.ofHours(8 + slot)).plus(Duration.ofMinutes(rnd.nextInt(30))));
        }
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 24 * 60; m++) {
            Instant t = DAY.plus(Duration.ofMinutes(m));
            boolean bad = degradedStarts.stream().anyMatch(s -> !t.isBefore(s) && t.isBefore(s.plus(Duration.ofMinutes(20))));
            samples.add(new Sample(RTT, t, bad ? 300 + 100 * rnd.nextDouble() : 20 + 20 * rnd.nextDouble()));
            samples.add(new Sample(LOAD, t, 10 + 80 * rnd.nextDouble()));
        }
        try (RrdSeriesStore rrd = new RrdSeriesStore(data.resolve("rrd"),
                new SeriesSchema(StandardMetrics.dsNamesByGroup()), d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            rrd.write(samples);
        }
    }

    @Test
    void complaintsDuringDegradationsMakeLatencyTheSignificantMetric() throws Exception {
        int u = 0;
        for (Instant s : degradedStarts) {
            // 12 minutes into the trouble: the complaint window [c - 10m, c + 5m] lies inside it
            Instant c = s.plus(Duration.ofMinutes(12));
            assertEquals(0, cli("complain", "voip", "--user", "user" + (u++ % 3), "--at", c.toString()).code());
        }
        // the same user again 3 minutes later: rate-limited; at 03:00: outside working hours
        Instant first = degradedStarts.get(0).plus(Duration.ofMinutes(15));
        CliRun again = cli("complain", "voip", "--user", "user0", "--at", first.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().startsWith("complaint 8 recorded: user0 says voip is bad at "), again.out());
        assertEquals(0, cli("complain", "voip", "--user", "user1", "--at", DAY.plus(Duration.ofHours(3)).toString()).code());

        CliRun r = cli("thresholds", "suggest", "voip", "--json", "--from", DAY.toString(),
                "--to", DAY.plus(Duration.ofDays(1)).toString());
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals(7, j.get("complaints_accepted").asInt(), r.out());
        assertEquals(1, j.get("complaints_rate_limited").asInt(), r.out());
        assertEquals(1, j.get("complaints_outside_active").asInt(), r.out());
        JsonNode top = j.get("metrics").get(0);
        assertEquals("r1:cisco_rtt/1/rtt", top.get("series").asText(), r.out());
        assertTrue(top.get("significant").asBoolean(), r.out());
        double tf = top.get("t_frustrated").asDouble();
        assertTrue(tf > 40 && tf < 300, "T_frustrated " + tf + " between the good (<=40) and bad (>=300) levels");
        JsonNode noise = j.get("metrics").get(1);
        assertEquals("r1:cpu/1/load", noise.get("series").asText());
        assertFalse(noise.get("significant").asBoolean(), r.out());

        CliRun text = cli("thresholds", "suggest", "voip", "--from", DAY.toString(), "--to", DAY.plus(Duration.ofDays(1)).toString());
        List<String> lines = text.out().lines().toList();
        assertEquals("voip: 7 complaint(s) used, 1 outside active periods (ignored), 1 rate-limited (one per user per 10 min)",
                lines.get(0), text.out());
        assertTrue(lines.get(1).startsWith("1. r1:cisco_rtt/1/rtt  SIGNIFICANT  p="), text.out());
        assertTrue(lines.get(2).startsWith("   suggest: T_frustrated "), text.out());
        assertTrue(lines.get(3).startsWith("2. r1:cpu/1/load  not significant"), text.out());

        CliRun adopt = cli("thresholds", "adopt", "voip", "r1:cisco_rtt/1/rtt", "--user", "noc");
        assertEquals(0, adopt.code(), adopt.err());
        assertTrue(adopt.out().startsWith("suggestion 2 adopted by noc"), adopt.out());
        assertTrue(adopt.out().contains("match: {device: \"r1\", metric: cisco_rtt/rtt, instance: \"1\"}"), adopt.out());
        CliRun twice = cli("thresholds", "adopt", "voip", "r1:cisco_rtt/1/rtt", "--user", "noc");
        assertTrue(twice.out().startsWith("suggestion 2 was adopted already"), twice.out());
        CliRun audit = cli("audit", "--action", "suggestion_adopt");
        assertTrue(audit.out().contains("voip/r1:cisco_rtt/1/rtt: adopted, suggestion 2, by noc"), audit.out());
        assertTrue(audit.out().contains("voip/r1:cisco_rtt/1/rtt: already_adopted, suggestion 2, by noc"), audit.out());
        CliRun none = cli("thresholds", "adopt", "voip", "r1:cpu/1/load");
        assertEquals(ExitCodes.FAILURE, none.code());
        assertTrue(none.err().contains("no suggestion for r1:cpu/1/load"), none.err());
    }

    @Test
    void tooFewComplaintsIsSaidPlainly() {
        assertEquals(0, cli("active", "voip", "--user", "ann", "--from", DAY.plus(Duration.ofHours(9)).toString(),
                "--to", DAY.plus(Duration.ofHours(12)).toString()).code());
        assertEquals(0, cli("complain", "voip", "--user", "ann", "--at", DAY.plus(Duration.ofHours(10)).toString()).code());
        CliRun r = cli("thresholds", "suggest", "voip", "--from", DAY.toString(), "--to", DAY.plus(Duration.ofDays(1)).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("not enough complaints to suggest anything (need 5)"), r.out());
        CliRun unknown = cli("complain", "mail", "--user", "ann");
        assertEquals(ExitCodes.USAGE, unknown.code());
        assertTrue(unknown.err().contains("no service 'mail'"), unknown.err());
    }
}
