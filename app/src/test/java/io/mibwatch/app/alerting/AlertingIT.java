package io.mibwatch.app.alerting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.alert.Severity;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.StoredTransition;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon end to end with real peers: the simulator agent over UDP, RRD files, the SQLite
 * event store, a real HTTP webhook receiver and GreenMail.
 */
class AlertingIT {
    static final Duration INTERVAL = Duration.ofSeconds(2);

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;

    static String devicesYaml(List<SnmpSimulator.Endpoint> eps, String metrics) {
        StringBuilder b = new StringBuilder();
        for (SnmpSimulator.Endpoint e : eps) {
            b.append("  - {name: ").append(e.device()).append(", address: 127.0.0.1, port: ")
                    .append(e.address().getPort()).append(", credentials: lab, metrics: [").append(metrics)
                    .append("]}\n");
        }
        return b.toString();
    }

    static void await(String what, Duration max, BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("timed out after " + max + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void cpuAlertFiresWithinOnePollIntervalResolvesAfterRearmAndNotifiesOncePerTransition() throws Exception {
        SimClock simClock = SimClock.startingNow(Clock.systemUTC(), 1.0);
        TestDevice srv = new TestDevice("srv1", simClock, Duration.ofDays(3));
        try (SnmpSimulator sim = SnmpSimulator.builder().device("srv1", srv).clock(simClock)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).start();
             WebhookReceiver hook = new WebhookReceiver()) {
            String yaml = """
                    defaults: {interval: 2s, timeout: 500ms, retries: 0}
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
                        mail: {type: email, host: 127.0.0.1, port: %d, starttls: off, from: mibwatch@example.org, to: noc@example.org}
                      routes:
                        - {min_severity: warning, channels: [hook, mail]}
                    """.formatted(devicesYaml(sim.endpoints(), "system, cpu"), hook.url(),
                    SMTP.getSmtp().getPort());
            MibwatchConfig cfg = ConfigLoader.parse(yaml, "alerting-it.yaml");
            AtomicInteger okCycles = new AtomicInteger();
            try (Daemon daemon = new Daemon(cfg, new DataDir(tmp.resolve("data")), Clock.systemUTC(), Duration.ofMillis(500))) {
                daemon.addListener(r -> {
                    if (r.ok() && r.samples().stream().anyMatch(s -> s.series().group().equals("cpu"))) {
                        okCycles.incrementAndGet();
                    }
                });
                daemon.start();
                AlertStore store = daemon.alerting().store();
                await("two cycles with CPU samples", Duration.ofSeconds(20), () -> okCycles.get() >= 2);
                assertEquals(List.of(), store.activeAlerts(), "10 % CPU raises nothing");

                Instant crossed = Instant.now();
                srv.cpu(95);
                await("a FIRING CPU alert", INTERVAL.multipliedBy(3), () -> cpuAlert(store)
                        .filter(a -> a.state() == AlertState.FIRING).isPresent());
                AlertRow firing = cpuAlert(store).orElseThrow();
                Duration delay = Duration.between(crossed, firing.firingSince().orElseThrow());
                // within one poll interval of the crossing (plus the poll's own round trip)
                assertTrue(delay.compareTo(INTERVAL.plusMillis(500)) <= 0, "fired " + delay + " after the crossing");
                assertEquals(Severity.CRITICAL, firing.severity());

                srv.cpu(78); // below warning, above rearm: still firing (hysteresis), severity down to warning
                int cyclesBefore = okCycles.get();
                await("two more cycles", Duration.ofSeconds(10), () -> okCycles.get() >= cyclesBefore + 2);
                assertEquals(AlertState.FIRING, cpuAlert(store).orElseThrow().state(), "78 % is above rearm 75 %");

                srv.cpu(50);
                await("the CPU alert RESOLVED", INTERVAL.multipliedBy(3), () -> cpuAlert(store)
                        .filter(a -> a.state() == AlertState.RESOLVED).isPresent());

                List<AlertState> states = store.history(firing.id()).stream().map(StoredTransition::row)
                        .map(t -> t.to()).toList();
                // fired (critical), severity changed to warning at 78 %, resolved below rearm
                assertEquals(List.of(AlertState.FIRING, AlertState.FIRING, AlertState.RESOLVED), states,
                        "transitions in SQLite: " + store.history(firing.id()));
                assertEquals(List.of("fired", "severity_changed", "resolved"), store.history(firing.id()).stream()
                        .map(t -> t.row().reason().split(":")[0]).toList());

                await("three webhook posts and three mails", Duration.ofSeconds(10),
                        () -> hook.received().size() >= 3 && SMTP.getReceivedMessages().length >= 3);
                Thread.sleep(1500); // a duplicate would arrive within the dispatcher's idle poll
                assertEquals(List.of("FIRING", "SEVERITY_CHANGED", "RESOLVED"), hook.received().stream()
                        .map(j -> j.get("kind").asText()).toList());
                assertEquals(3, hook.received().stream().map(j -> j.get("id").asText()).distinct().count());
                List<String> subjects = new ArrayList<>();
                for (MimeMessage m : SMTP.getReceivedMessages()) {
                    subjects.add(m.getSubject());
                }
                assertEquals(3, subjects.size(), subjects.toString());
                assertTrue(subjects.get(0).contains("FIRING") && subjects.get(1).contains("SEVERITY_CHANGED")
                        && subjects.get(2).contains("RESOLVED"), subjects.toString());
            }
        }
    }

    private static Optional<AlertRow> cpuAlert(AlertStore store) {
        return store.alerts().stream().filter(a -> a.series().equals("cpu/1/load")).findFirst();
    }

    @Test
    void fiftyDevicesRebootingAtOnceGiveRebootEventsAndNoTrafficAlerts() throws Exception {
        SimClock simClock = SimClock.startingNow(Clock.systemUTC(), 1.0);
        List<TestDevice> devices = new ArrayList<>();
        SnmpSimulator.Builder b = SnmpSimulator.builder().clock(simClock)
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        for (int i = 0; i < 50; i++) {
            TestDevice d = new TestDevice("sw" + i, simClock, Duration.ofDays(10));
            devices.add(d);
            b.device("sw" + i, d);
        }
        try (SnmpSimulator sim = b.start()) {
            // 1 MB/s steady; a counter reset read as a wrap would be ~2 GB/s for one poll
            String yaml = """
                    defaults: {interval: 2s, timeout: 1s, retries: 0}
                    credentials: {lab: {community: public}}
                    devices:
                    %s
                    thresholds:
                      rules:
                        - name: traffic-spike
                          kind: static
                          match: {metric: interfaces/inOctets}
                          levels: {warning: 5000000, critical: 50000000}
                        - name: traffic-jump
                          kind: relative_change
                          watch: increase
                          match: {metric: interfaces/inOctets}
                          levels: {warning: 100, critical: 1000}
                    """.formatted(devicesYaml(sim.endpoints(), "system, interfaces"));
            MibwatchConfig cfg = ConfigLoader.parse(yaml, "reboot-it.yaml");
            Map<String, AtomicInteger> rated = new ConcurrentHashMap<>();
            Map<String, Integer> restartGaps = new ConcurrentHashMap<>();
            try (Daemon daemon = new Daemon(cfg, new DataDir(tmp.resolve("data")), Clock.systemUTC(), Duration.ofMillis(500))) {
                daemon.addListener((CycleReport r) -> {
                    if (r.ok() && r.samples().stream().anyMatch(s -> s.series().metric().equals("inOctets")
                            && !s.isGap())) {
                        rated.computeIfAbsent(r.device(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    r.gapReasons().forEach((k, v) -> {
                        if (k.equals("AGENT_RESTART")) {
                            restartGaps.merge(r.device(), v, Integer::sum);
                        }
                    });
                });
                daemon.start();
                AlertStore store = daemon.alerting().store();
                await("two rated cycles on all 50 devices", Duration.ofSeconds(40),
                        () -> rated.size() == 50 && rated.values().stream().allMatch(n -> n.get() >= 2));
                Map<String, Integer> before = rated.entrySet().stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
                devices.forEach(TestDevice::reboot);
                await("reboot events on all 50 devices", Duration.ofSeconds(30), () -> store.alerts().stream()
                        .filter(a -> a.rule().equals("event:reboot") && a.state() == AlertState.FIRING).count() == 50);
                await("two rated cycles after the reboot on every device", Duration.ofSeconds(30),
                        () -> before.entrySet().stream().allMatch(e -> rated.get(e.getKey()).get() >= e.getValue() + 2));
                daemon.alerting().periodic();

                assertEquals(50, restartGaps.size(), "every device's counters gapped for the restart: " + restartGaps);
                List<AlertRow> traffic = store.alerts().stream().filter(a -> a.rule().startsWith("traffic-")).toList();
                assertEquals(List.of(), traffic, "counter resets raised traffic alerts");
                assertEquals(List.of(), store.transitionsAfter(0, 100_000).stream()
                        .filter(t -> t.row().alertId().startsWith("traffic-")).toList());
                assertEquals(50, store.alerts().stream().filter(a -> a.rule().equals("event:reboot")).count());
            }
        }
    }
}
