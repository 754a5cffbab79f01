package io.mibwatch.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mibwatch.app.Main;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.core.series.Sample;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AlertRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's issue-6 features, right after start: 15 days of backfilled history arm the
 * servers' CPU baselines, the srv3 spike the demo places above its slot's limit fires the
 * cpu-baseline alert; the seeded complaints make {@code thresholds suggest voice --data DIR} rank
 * wan1's degraded IP SLA operation first; wan1's jitter operations give derived voice scores.
 */
class DemoPerceptionIT {

    @Test
    void baselineAlertRedButtonRankingAndVoiceScoresRightAfterStart(@TempDir Path dir) throws Exception {
        Map<String, Double> voice = new ConcurrentHashMap<>();
        try (Demo demo = Demo.start(new Demo.Settings(new DataDir(dir), Duration.ofDays(15), Duration.ofSeconds(5), Demo.builtInScenario(),
                Duration.ofSeconds(10)), Clock.systemUTC())) {
            System.out.println("demo started: " + demo.timings() + "; " + demo.perception());
            assertEquals(List.of(), demo.timings().errors());
            demo.daemon().addListener(r -> r.samples().stream()
                    .filter(s -> s.series().device().equals("wan1") && s.series().group().equals("cisco_rtt")
                            && !s.isGap())
                    .forEach((Sample s) -> voice.put(s.series().instance() + "/" + s.series().metric(), s.value())));
            Demo.Perception p = demo.perception();
            assertTrue(p.baselineSpike().isPresent(), "15 days arm the 60-minute baseline: " + p);
            assertTrue(p.complaints() >= 5, "complaints seeded: " + p);

            long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < end && !(baselineFiring(demo) && voice.containsKey("20/mosCalc"))) {
                Thread.sleep(200);
            }
            List<AlertRow> baseline = demo.daemon().alerting().store().alerts().stream()
                    .filter(a -> a.rule().equals("cpu-baseline")).toList();
            assertTrue(baselineFiring(demo), "srv3's CPU out of its slot's baseline: " + baseline);
            System.out.println("baseline alerts: " + baseline.stream().map(a -> a.device() + " " + a.series() + " "
                    + a.state() + " " + a.value()).toList());
            System.out.println("wan1 voice: " + new java.util.TreeMap<>(voice));
            for (String op : List.of("20", "30")) {
                assertTrue(voice.containsKey(op + "/rValue") && voice.containsKey(op + "/mosCalc")
                        && voice.containsKey(op + "/icpifCalc"), "derived voice scores of operation " + op + ": " + voice);
            }

            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int rc = Main.run(new PrintWriter(out), new PrintWriter(err), "thresholds", "suggest", "voice", "--json",
                    "--data", dir.toString());
            assertEquals(0, rc, err.toString());
            JsonNode j = new ObjectMapper().readTree(out.toString());
            JsonNode top = j.get("metrics").get(0);
            assertEquals("wan1:cisco_rtt/20/rtt", top.get("series").asText(), out.toString());
            assertTrue(top.get("significant").asBoolean(), out.toString());
            assertFalse(j.get("metrics").get(1).get("significant").asBoolean(), out.toString());
            System.out.printf("thresholds suggest voice: %d complaints used, %s first (delta %.2f, T_frustrated %.0f ms)%n",
                    j.get("complaints_accepted").asInt(), top.get("series").asText(), top.get("cliffs_delta").asDouble(),
                    top.get("t_frustrated").asDouble());
        }
    }

    private static boolean baselineFiring(Demo demo) {
        return demo.daemon().alerting().store().alerts().stream()
                .anyMatch(a -> a.rule().equals("cpu-baseline") && a.device().equals("srv3") && a.state() == AlertState.FIRING);
    }
}
