package io.mibwatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.daemon.DeviceStatus;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.poller.schedule.Phase;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.testing.SnmpdFixture;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesSchema;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon against Debian's real snmpd: RRD rates equal counter deltas read with
 * snmpget; a dead agent fails with TIMEOUT while the others keep being polled; SIGTERM
 * flushes and exits 0.
 */
class ServeIT {
    static final String LIVE = alignedName();
    @TempDir
    Path tmp;
    SnmpdFixture live;
    ScheduledExecutorService traffic;

    @BeforeEach
    void startAgent() throws IOException {
        live = SnmpdFixture.launch();
    }

    @AfterEach
    void stop() {
        if (traffic != null) traffic.shutdownNow();
        live.close();
    }

    /**
     * A device name whose poll phase falls in the first 100 ms of each 5 s step: its polls then
     * land at (whole second) row boundaries, so each RRD row holds exactly one poll interval.
     */
    static String alignedName() {
        for (int i = 0; ; i++) {
            String name = "live" + i;
            if (Phase.offset(name, Duration.ofSeconds(5)).toMillis() < 100) return name;
        }
    }

    private String config(int deadPort) {
        SnmpdFixture.User v3 = SnmpdFixture.SHA256_AES128;
        return """
                defaults:
                  interval: 5s
                  timeout: 1s
                  retries: 0
                credentials:
                  lab: {community: public}
                  lab-v3: {user: %s, auth: SHA-256, auth_pass: %s, priv: AES-128, priv_pass: %s}
                devices:
                  - {name: %s, address: 127.0.0.1, port: %d, credentials: lab, metrics: [system, interfaces]}
                  - {name: live-v3, address: 127.0.0.1, port: %d, credentials: lab-v3, metrics: [system, interfaces]}
                  - {name: dead, address: 127.0.0.1, port: %d, credentials: lab}
                """.formatted(v3.name(), v3.authPass(), v3.privPass(), LIVE, live.port(), live.port(), deadPort);
    }

    /** Steady traffic over the loopback interface so its octet counters move at a known pace. */
    private void startTraffic() throws IOException {
        DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress());
        int sink = TestData.freeUdpPort(); // nobody listens: the kernel drops them after counting
        byte[] payload = new byte[8000];
        traffic = Executors.newSingleThreadScheduledExecutor();
        traffic.scheduleAtFixedRate(() -> {
            try {
                s.send(new DatagramPacket(payload, payload.length, InetAddress.getLoopbackAddress(), sink));
            } catch (IOException e) {
                // the socket closes when the test ends
            }
        }, 0, 2, TimeUnit.MILLISECONDS);
    }

    private String loopbackIndex() throws IOException {
        for (String line : live.tool("snmpbulkwalk", List.of("-v2c", "-c", "public", "-On", "-Oq", live.address(),
                "1.3.6.1.2.1.2.2.1.2"))) {
            String[] p = line.split(" ", 2);
            if (p.length == 2 && p[1].replace("\"", "").equals("lo")) {
                return p[0].substring(p[0].lastIndexOf('.') + 1);
            }
        }
        throw new IllegalStateException("no 'lo' interface in ifDescr");
    }

    private long hcInOctets(String ifIndex) throws IOException {
        List<String> out = live.tool("snmpget", List.of("-v2c", "-c", "public", "-Oqv", live.address(),
                "1.3.6.1.2.1.31.1.1.1.6." + ifIndex));
        return Long.parseUnsignedLong(out.get(0).trim());
    }

    /**
     * @param lag how long after the poll's answer the snmpget reading was taken: the two readings
     *            of an interval compare only when their lags agree, else octets that arrived between
     *            the poll and a late snmpget (a loaded machine) land in the wrong interval
     */
    record Reading(Instant at, long octets, Duration lag) {
    }

    /** Lags of an interval's two readings further apart than this would move more than 0.5 % of 5 s. */
    private static final Duration LAG_SKEW = Duration.ofMillis(25);

    @Test
    void storedRatesMatchSnmpgetDeltasAndADeadAgentDoesNotStopTheOthers() throws Exception {
        startTraffic();
        String lo = loopbackIndex();
        MibwatchConfig cfg = ConfigLoader.parse(config(TestData.freeUdpPort()), "serve-it.yaml");
        Path data = tmp.resolve("data");
        List<Reading> snmpget = new CopyOnWriteArrayList<>();
        Map<String, List<CycleReport>> cycles = new ConcurrentHashMap<>();
        CountDownLatch enough = new CountDownLatch(10);
        try (Daemon daemon = new Daemon(cfg, new DataDir(data), Clock.systemUTC())) {
            daemon.addListener(r -> {
                cycles.computeIfAbsent(r.device(), k -> new CopyOnWriteArrayList<>()).add(r);
                if (r.device().equals(LIVE) && r.ok()) {
                    try {
                        // right after mibwatch's poll: the same agent counter, read by net-snmp's tool,
                        // stamped with the poll's own answer time so both deltas share one interval
                        Instant polledAt = r.samples().stream()
                                .filter(sm -> sm.series().equals(new SeriesId(LIVE, "interfaces", lo, "inOctets")))
                                .findFirst().orElseThrow().at();
                        long octets = hcInOctets(lo);
                        snmpget.add(new Reading(polledAt, octets, Duration.between(polledAt, Instant.now())));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    enough.countDown();
                }
            });
            daemon.start();
            assertTrue(enough.await(90, TimeUnit.SECONDS), "10 cycles of the live device within 90 s; got " + cycles.keySet());
            DeviceStatus dead = daemon.status("dead").orElseThrow();
            assertFalse(dead.reachable());
            assertTrue(dead.consecutiveFailures() >= 3, "dead device polled repeatedly: " + dead);
            assertTrue(daemon.status("live-v3").orElseThrow().reachable(), "v3 device polled");
        }
        // a dead agent gives TIMEOUT failures, and never delayed the live device's cycles
        for (CycleReport r : cycles.get("dead")) {
            assertEquals(PollFailure.Cause.TIMEOUT, r.failure().orElseThrow().cause(), r.toString());
        }
        for (CycleReport r : cycles.get(LIVE)) {
            assertTrue(r.ok() && r.duration().compareTo(Duration.ofSeconds(1)) < 0, "live cycle " + r.duration());
        }

        // Each RRD row (T-5 s, T] holds the rate of the poll interval ending at T; the snmpget
        // reading taken right after that poll gives the same interval's octet delta.
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
            SeriesData d = store.fetch(new SeriesId(LIVE, "interfaces", lo, "inOctets"),
                    snmpget.get(0).at().minusSeconds(5), snmpget.get(snmpget.size() - 1).at(), Duration.ofSeconds(5),
                    Consolidation.AVERAGE);
            assertEquals(Duration.ofSeconds(5), d.step(), "step-resolution archive answered");
            Map<Long, Double> rowByEnd = new java.util.HashMap<>();
            d.points().forEach(p -> rowByEnd.put(p.at().getEpochSecond(), p.value()));
            int compared = 0;
            double rrdSum = 0;
            double getSum = 0;
            for (int k = 1; k < snmpget.size(); k++) {
                Reading a = snmpget.get(k - 1);
                Reading b = snmpget.get(k);
                if (b.lag().minus(a.lag()).abs().compareTo(LAG_SKEW) > 0) {
                    System.out.printf("ServeIT: interval ending %s skipped: snmpget lags %d ms and %d ms differ%n",
                            b.at(), a.lag().toMillis(), b.lag().toMillis());
                    continue;
                }
                double expected = (b.octets() - a.octets()) / ((b.at().toEpochMilli() - a.at().toEpochMilli()) / 1000.0);
                Double row = rowByEnd.get(b.at().getEpochSecond());
                if (row == null || row.isNaN()) continue; // the first interval has no rate (first sample)
                System.out.printf("ServeIT: interval ending %s: RRD %.0f B/s, snmpget delta %.0f B/s, ratio %.4f%n",
                        b.at(), row, expected, row / expected);
                assertEquals(1.0, row / expected, 0.01, "RRD rate vs snmpget delta for the interval ending " + b.at());
                rrdSum += row;
                getSum += expected;
                compared++;
            }
            assertTrue(compared >= 3, "at least 3 intervals compared, got " + compared + "; rows " + d.points());
            System.out.printf("ServeIT: %d intervals, mean ratio %.4f%n", compared, rrdSum / getSum);
        }
    }

    @Test
    void serveCommandFlushesAndExitsZeroOnSigterm() throws Exception {
        Path cfg = tmp.resolve("mibwatch.yaml");
        Files.writeString(cfg, config(TestData.freeUdpPort()));
        Path data = tmp.resolve("data");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", cfg.toString(), "--data", data.toString(), "--http-listen", "127.0.0.1:0")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile()).start();
        Path ifFile = data.resolve("rrd/" + LIVE + "/system.rrd");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(ifFile) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertTrue(Files.exists(ifFile), "RRD written; log:\n" + Files.readString(tmp.resolve("serve.log")));
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "exits after SIGTERM");
        String log = Files.readString(tmp.resolve("serve.log"));
        assertEquals(0, p.exitValue(), log);
        assertTrue(log.contains("RRD files flushed"), log);
        assertFalse(log.contains(SnmpdFixture.SHA256_AES128.authPass()) || log.contains(SnmpdFixture.SHA256_AES128.privPass()),
                "no secret in the daemon's log");
    }
}
