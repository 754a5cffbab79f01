package io.mibwatch.app.alerting;

import static io.mibwatch.app.alerting.AlertingIT.await;
import static io.mibwatch.app.alerting.AlertingIT.devicesYaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.pipeline.AlertPipeline;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.StoredTransition;
import io.mibwatch.thresholds.store.TransitionRow;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data directory on a small tmpfs that fills up while an alert fires: the alert resolves
 * while nothing can be written, then space returns. The store, the tracker (what the API and
 * /metrics show) and the webhook must converge with no transition missing, and the appliance's
 * own {@code mibwatch_disk_full} alert must fire while it is blind and resolve after. Needs the
 * right to mount (root with CAP_SYS_ADMIN, as in the build container); skipped elsewhere.
 */
class DiskFullIT {

    @TempDir
    Path tmp;
    Path mount;

    @BeforeEach
    void mountSmallTmpfs() throws Exception {
        mount = Files.createDirectories(tmp.resolve("data"));
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=16m", "mibwatch-test", mount.toString()) == 0,
                "cannot mount a tmpfs here (needs root/CAP_SYS_ADMIN)");
    }

    @AfterEach
    void unmount() throws Exception {
        if (run("umount", mount.toString()) != 0) {
            run("umount", "-l", mount.toString());
        }
    }

    @Test
    void anAlertResolvedWhileTheDiskIsFullIsStoredAndNotifiedOnceSpaceReturns() throws Exception {
        SimClock simClock = SimClock.startingNow(Clock.systemUTC(), 1.0);
        TestDevice srv = new TestDevice("srv1", simClock, Duration.ofDays(3));
        try (SnmpSimulator sim = SnmpSimulator.builder().device("srv1", srv).clock(simClock)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
             WebhookReceiver hook = new WebhookReceiver()) {
            String yaml = """
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
                    """.formatted(devicesYaml(sim.endpoints(), "system, cpu"), hook.url());
            MibwatchConfig cfg = ConfigLoader.parse(yaml, "disk-full-it.yaml");
            try (Daemon daemon = new Daemon(cfg, new DataDir(mount), Clock.systemUTC(), Duration.ofMillis(500))) {
                daemon.start();
                AlertStore store = daemon.alerting().store();
                srv.cpu(95);
                await("a FIRING CPU alert in the store", Duration.ofSeconds(20), () -> cpuAlert(store)
                        .filter(a -> a.state() == AlertState.FIRING).isPresent());
                String id = cpuAlert(store).orElseThrow().id();
                await("the FIRING webhook", Duration.ofSeconds(10), () -> kinds(hook, id).equals(List.of("FIRING")));

                Path filler = mount.resolve("filler");
                fill(filler);
                AlertId diskFull = new AlertId(AlertPipeline.DISK_FULL,
                        AlertPipeline.diskFullSeries(AlertPipeline.ALERT_STORE));
                // a few CPU values around the threshold while full: every cycle has something to write
                srv.cpu(50);
                await("the tracker (API, /metrics) says the appliance cannot store", Duration.ofSeconds(20),
                        () -> daemon.alerting().tracker().alert(diskFull)
                                .filter(a -> a.state() == AlertState.FIRING).isPresent());
                await("the CPU alert RESOLVED in the tracker", Duration.ofSeconds(10),
                        () -> daemon.alerting().tracker().alert(AlertId.parse(id))
                                .filter(a -> a.state() == AlertState.RESOLVED).isPresent());

                Files.delete(filler); // space returns
                await("the store caught up: CPU alert RESOLVED", Duration.ofSeconds(10),
                        () -> cpuAlert(store).filter(a -> a.state() == AlertState.RESOLVED).isPresent());
                await("the disk-full alert resolved", Duration.ofSeconds(10),
                        () -> daemon.alerting().tracker().alert(diskFull)
                                .filter(a -> a.state() == AlertState.RESOLVED).isPresent());
                await("the RESOLVED webhooks", Duration.ofSeconds(10),
                        () -> kinds(hook, id).size() >= 2 && kinds(hook, diskFull.key()).size() >= 2);
                Thread.sleep(1500); // a duplicate would arrive within the dispatcher's idle poll

                List<TransitionRow> h = store.history(id).stream().map(StoredTransition::row).toList();
                for (int i = 1; i < h.size(); i++) {
                    assertEquals(h.get(i - 1).to(), h.get(i).from(), "no transition missing: " + h);
                }
                assertEquals(AlertState.RESOLVED, h.get(h.size() - 1).to(), h.toString());
                assertEquals(List.of("FIRING", "RESOLVED"), kinds(hook, id));
                assertEquals(List.of("FIRING", "RESOLVED"), kinds(hook, diskFull.key()));
                assertEquals(List.of(AlertState.FIRING, AlertState.RESOLVED), store.history(diskFull.key()).stream()
                        .map(t -> t.row().to()).toList());
                assertEquals(0, daemon.alerting().unstoredRows());
            }
        }
    }

    private static Optional<AlertRow> cpuAlert(AlertStore store) {
        return store.alerts().stream().filter(a -> a.series().equals("cpu/1/load")).findFirst();
    }

    private static List<String> kinds(WebhookReceiver hook, String alertId) {
        return hook.received().stream().filter(j -> j.path("alertId").asText().equals(alertId))
                .map(j -> j.get("kind").asText()).toList();
    }

    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException expectedNoSpace) {
            // No space left on device
        }
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
