package io.mibwatch.app.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.app.Main;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.thresholds.store.AckRow;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.SilenceRow;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mibwatch serve} as a child JVM, killed with SIGKILL mid-run and started again: the
 * active alerts, their acks and the silences come back, and receivers see no notification beyond
 * at-least-once (a repeat can only carry an id they already saw).
 */
class KillRestartIT {
    @TempDir
    Path tmp;

    private Process serve(Path config, Path data, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "serve",
                "--config", config.toString(), "--data", data.toString(), "--alert-recheck", "300",
                "--http-listen", "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    private static int cli(String... args) {
        return Main.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args);
    }

    private static <T> T withStore(Path db, java.util.function.Function<AlertStore, T> f) {
        try (AlertStore s = AlertStore.open(db)) {
            return f.apply(s);
        }
    }

    @Test
    void kill9AndRestartKeepsAlertsAcksAndSilencesWithoutNewNotifications() throws Exception {
        SimClock simClock = SimClock.startingNow(Clock.systemUTC(), 1.0);
        TestDevice srv1 = new TestDevice("srv1", simClock, Duration.ofDays(3));
        TestDevice srv2 = new TestDevice("srv2", simClock, Duration.ofDays(3));
        srv1.cpu(95);
        srv2.cpu(96);
        try (SnmpSimulator sim = SnmpSimulator.builder().device("srv1", srv1).device("srv2", srv2).clock(simClock)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
             WebhookReceiver hook = new WebhookReceiver()) {
            Path config = tmp.resolve("mibwatch.yaml");
            Files.writeString(config, """
                    defaults: {interval: 1s, timeout: 500ms, retries: 0}
                    credentials: {lab: {community: public}}
                    devices:
                    %s
                    thresholds:
                      overrides:
                        - match: {metric: cpu/load}
                          levels: {warning: 80, critical: 90, rearm: 75, for: 0s}
                    notifications:
                      channels:
                        hook: {type: webhook, url: "%s"}
                      routes:
                        - {min_severity: warning, channels: [hook]}
                    """.formatted(AlertingIT.devicesYaml(sim.endpoints(), "system, cpu"), hook.url()));
            Path data = tmp.resolve("data");
            Files.createDirectories(data);
            Path db = new DataDir(data).alertDb();
            Path log = tmp.resolve("serve.log");
            String a1 = "reference:cpu/load@srv1/cpu/1/load";
            String a2 = "reference:cpu/load@srv2/cpu/1/load";

            Process first = serve(config, data, log);
            try {
                AlertingIT.await("both CPU alerts firing and notified", Duration.ofSeconds(40),
                        () -> Files.exists(db) && hook.received().size() >= 2);
                assertEquals(0, cli("alerts", "ack", a1, "--comment", "on it", "--user", "alice", "--wait", "20",
                        "--data", data.toString()));
                assertEquals(0, cli("silence", "add", "--match", "device=srv2", "--for", "2h", "--comment", "CHG-7",
                        "--user", "bob", "--data", data.toString()));
                AlertingIT.await("srv2 silenced", Duration.ofSeconds(10), () -> withStore(db,
                        s -> s.alert(a2).flatMap(AlertRow::silencedBy).isPresent()));
                AlertingIT.await("the ack notified", Duration.ofSeconds(10), () -> hook.received().size() >= 3);
                Thread.sleep(1500); // mid-run: polls keep going
            } finally {
                first.destroyForcibly().waitFor();
            }

            List<AlertRow> activeBefore = withStore(db, AlertStore::activeAlerts);
            List<AckRow> acksBefore = withStore(db, AlertStore::acks);
            List<SilenceRow> silencesBefore = withStore(db, AlertStore::silences);
            Set<String> idsBefore = withStore(db, s -> s.notifications().stream().map(n -> n.id())
                    .collect(Collectors.toSet()));
            assertEquals(List.of(a1, a2), activeBefore.stream().map(AlertRow::id).toList());
            assertEquals("alice", activeBefore.get(0).ack().orElseThrow().user());

            Process second = serve(config, data, log);
            try {
                AlertingIT.await("restart restored the alerts", Duration.ofSeconds(30),
                        () -> {
                            try {
                                return Files.readString(log).contains("restored 2 active alert(s) (1 acknowledged), 1 silence(s)");
                            } catch (java.io.IOException e) {
                                return false;
                            }
                        });
                Thread.sleep(5000); // several polls and rechecks after the restart
                List<AlertRow> activeAfter = withStore(db, AlertStore::activeAlerts);
                assertEquals(activeBefore.stream().map(AlertRow::id).toList(),
                        activeAfter.stream().map(AlertRow::id).toList());
                assertEquals(activeBefore.get(0).ack(), activeAfter.get(0).ack(), "the ack survives");
                assertEquals(activeBefore.get(1).silencedBy(), activeAfter.get(1).silencedBy(), "still silenced");
                assertEquals(activeBefore.get(0).firingSince(), activeAfter.get(0).firingSince(), "same episode");
                assertEquals(acksBefore, withStore(db, AlertStore::acks));
                assertEquals(silencesBefore, withStore(db, AlertStore::silences));
                assertEquals(idsBefore, withStore(db, s -> s.notifications().stream().map(n -> n.id())
                        .collect(Collectors.toSet())), "no new notification after the restart");
                Set<String> receivedIds = hook.received().stream().map(j -> j.get("id").asText())
                        .collect(Collectors.toSet());
                assertTrue(idsBefore.containsAll(receivedIds), "receivers only ever saw ids from the outbox");
                assertEquals(List.of("FIRING", "FIRING", "ACKNOWLEDGED"), hook.received().stream()
                        .filter(distinctById()).map(j -> j.get("kind").asText()).toList(),
                        "one FIRING per alert and one ACKNOWLEDGED; any repeat carries an id already seen");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    private static java.util.function.Predicate<JsonNode> distinctById() {
        Set<String> seen = new java.util.HashSet<>();
        return j -> seen.add(j.get("id").asText());
    }
}
