package io.mibwatch.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.schedule.CycleReport;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.testing.SnmpdFixture;
import io.mibwatch.storage.RrdLayout;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Daemon#pollAllNow()} against Debian's snmpd: one cycle of every device at once, outside
 * the schedule, through the whole pipeline (RRD files in the given layout, device status), the
 * burst benchmark's way of timing a fleet cycle.
 */
class DaemonPollAllNowIT {
    @TempDir
    Path tmp;
    SnmpdFixture agent;

    @BeforeEach
    void start() throws Exception {
        agent = SnmpdFixture.launch();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void everyDeviceIsPolledOnceAndStoredInTheGivenLayout() throws Exception {
        int dead;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            dead = s.getLocalPort(); // nobody listens there once closed
        }
        MibwatchConfig cfg = ConfigLoader.parse("""
                defaults:
                  interval: 60s
                  timeout: 500ms
                  retries: 0
                credentials:
                  lab: {community: public}
                devices:
                  - {name: a, address: 127.0.0.1, port: %d, credentials: lab, metrics: [interfaces]}
                  - {name: b, address: 127.0.0.1, port: %d, credentials: lab, metrics: [interfaces]}
                  - {name: gone, address: 127.0.0.1, port: %d, credentials: lab, metrics: [interfaces]}
                """.formatted(agent.port(), agent.port(), dead), "poll-all-now-it.yaml");
        // one archive only: a layout the stock one would never make at 60 s
        RrdLayout small = new RrdLayout(Duration.ofSeconds(60), Duration.ofSeconds(150),
                List.of(new RrdLayout.Archive(Duration.ofMinutes(1), Duration.ofHours(1))));
        Path data = tmp.resolve("data");
        try (Daemon daemon = new Daemon(cfg, new DataDir(data), Clock.systemUTC(), Duration.ofSeconds(10), d -> small)) {
            List<CycleReport> reports = new CopyOnWriteArrayList<>();
            daemon.addListener(reports::add);
            Daemon.FleetCycle first = daemon.pollAllNow().get(30, TimeUnit.SECONDS);
            // the hook runs before the cycle counts as done, so every report is here
            assertEquals(3, reports.size(), reports.toString());
            Map<String, CycleReport> byDevice = reports.stream().collect(Collectors.toMap(CycleReport::device, r -> r));
            assertEquals(new Daemon.FleetCycle(3, 2, 1, byDevice.get("a").samples().size() + byDevice.get("b").samples().size()),
                    first);
            assertEquals(List.of("a", "b", "gone"), byDevice.keySet().stream().sorted().toList());
            assertTrue(byDevice.get("a").ok() && byDevice.get("a").discovered(), byDevice.get("a").toString());
            assertTrue(byDevice.get("b").ok(), byDevice.get("b").toString());
            assertEquals(PollFailure.Cause.TIMEOUT, byDevice.get("gone").failure().orElseThrow().cause());
            assertEquals(1, daemon.status("a").orElseThrow().cycles());
            assertFalse(daemon.status("gone").orElseThrow().reachable());
            // the discovery's names reach the web's device directory (sysDescr, ifName of lo)
            io.mibwatch.poller.discovery.Inventory inv = daemon.inventory("a").orElseThrow();
            assertTrue(inv.sysDescr().startsWith("Linux"), inv.sysDescr());
            assertTrue(inv.interfaces().stream().anyMatch(i -> i.label().equals("lo")), inv.interfaces().toString());
            assertTrue(daemon.inventory("gone").isEmpty(), "never answered: no inventory");
            assertTrue(daemon.inventory("no-such-device").isEmpty());
            var web = new io.mibwatch.app.web.DaemonDirectory(cfg::devices, daemon::status, daemon::inventory);
            var shown = web.device("a").orElseThrow();
            assertEquals(inv.sysDescr(), shown.sysDescr());
            assertTrue(shown.labels().values().stream().anyMatch(l -> l.name().equals("lo")), shown.labels().toString());

            Thread.sleep(1100); // the next answers are a later second: a second RRD update, and rates
            reports.clear();
            Daemon.FleetCycle second = daemon.pollAllNow().get(30, TimeUnit.SECONDS);
            assertEquals(3, second.started());
            assertEquals(2, second.ok());
            assertEquals(2, daemon.status("b").orElseThrow().cycles());
            CycleReport b = reports.stream().filter(r -> r.device().equals("b")).findFirst().orElseThrow();
            assertFalse(b.discovered(), "the plan of the first cycle is reused");
            assertTrue(b.samples().stream().anyMatch(s -> s.series().metric().equals("inOctets") && !Double.isNaN(s.value())),
                    "a rate from the two cycles: " + b.samples());

            List<SeriesId> stored = daemon.store().list("b");
            assertFalse(stored.isEmpty());
            String instance = stored.get(0).instance();
            Path file = data.resolve("rrd/b/interfaces/" + instance + ".rrd");
            assertTrue(Files.isRegularFile(file), file + " exists");
        }
        // the given layout: 60 rows x 3 consolidations per data source, not the stock 10,216 rows
        try (var files = Files.list(data.resolve("rrd/a/interfaces"))) {
            Path any = files.findFirst().orElseThrow();
            assertTrue(Files.size(any) < 100_000, any + " is " + Files.size(any) + " bytes");
        }
    }
}
