package io.mibwatch.thresholds.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.thresholds.alert.AlertId;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.alert.TransitionReason;
import io.mibwatch.thresholds.notify.Dispatcher;
import io.mibwatch.thresholds.notify.Notification;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.StoredTransition;
import io.mibwatch.thresholds.store.TransitionRow;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write the alert store refuses for want of storage (disk full, or another process holding the
 * lock) must not lose the transitions of that cycle: the tracker moves on, the batch waits in
 * memory and is written, in order, once the store takes writes again; its notifications are
 * queued then, and the appliance's own {@code mibwatch_disk_full} alert fires meanwhile and
 * resolves after. Real SQLite files.
 */
class AlertPipelineDiskFullTest {
    static final Instant T0 = Instant.parse("2026-11-20T08:00:00Z");
    static final SeriesId CPU = new SeriesId("r1", "cpu", "1", "load");
    static final String ID = "reference:cpu/load@r1/cpu/1/load";
    static final AlertId DISK_FULL = new AlertId(AlertPipeline.DISK_FULL,
            AlertPipeline.diskFullSeries(AlertPipeline.ALERT_STORE));

    @TempDir
    Path tmp;

    final ManualClock clock = new ManualClock(T0);
    final List<String> heard = new ArrayList<>();
    Instant at = T0;

    static MibwatchConfig config() throws Exception {
        return ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                """, "test.yaml");
    }

    /** The pipeline over {@code store}; its dispatcher is not started, so notifications stay in the outbox. */
    AlertPipeline pipeline(AlertStore store) throws Exception {
        MibwatchConfig cfg = config();
        Dispatcher d = new Dispatcher(store, AlertingSetup.router(cfg.notifications()),
                AlertingSetup.channels(cfg.notifications()), Dispatcher.Settings.DEFAULT, clock);
        AlertPipeline a = new AlertPipeline(cfg, store, d, StoredData.EMPTY, clock, AlertPipeline.RECHECK);
        a.addListener(e -> heard.add(e.transition().alertId().key() + " " + e.transition().reason()));
        return a;
    }

    @Test
    void aResolvedTransitionRefusedByALockedStoreIsStoredAndNotifiedOnceItTakesWritesAgain() throws Exception {
        Path db = tmp.resolve("alerts.db");
        AlertStore.open(db).close();
        try (AlertPipeline a = pipeline(AlertStore.open(db, new AlertStore.Options(Duration.ZERO, 0)))) {
            fire(a);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // another writer holds the lock: every write of the store fails
                cycle(a, 10); // back to normal while the store cannot take it
                cycle(a, 10);
                a.periodic();
                assertEquals(AlertState.RESOLVED, a.tracker().alert(AlertId.parse(ID)).orElseThrow().state());
                assertEquals(AlertState.FIRING, a.store().alert(ID).orElseThrow().state(), "not stored yet");
                assertTrue(!heard.contains(ID + " " + TransitionReason.RESOLVED),
                        "listeners hear of a transition once it is stored: " + heard);
                assertEquals(AlertState.FIRING, a.tracker().alert(DISK_FULL).orElseThrow().state(),
                        "the appliance says it cannot store: " + a.tracker().alerts());
                s.execute("ROLLBACK");
            }
            a.periodic(); // the store takes writes again
            assertConverged(a);
        }
    }

    @Test
    void pastTheBoundTheOldestWaitingRowsAreDroppedButTheStoredAlertStillEndsInTheTrackersState() throws Exception {
        Path db = tmp.resolve("alerts.db");
        AlertStore.open(db).close();
        AlertStore store = AlertStore.open(db, new AlertStore.Options(Duration.ZERO, 0));
        MibwatchConfig cfg = config();
        Dispatcher d = new Dispatcher(store, AlertingSetup.router(cfg.notifications()),
                AlertingSetup.channels(cfg.notifications()), Dispatcher.Settings.DEFAULT, clock);
        try (AlertPipeline a = new AlertPipeline(cfg, store, d, StoredData.EMPTY, clock, AlertPipeline.RECHECK, 3)) {
            fire(a);
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + db);
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                for (int i = 0; i < 6; i++) {   // resolve, fire, resolve...: more rows than the bound
                    cycle(a, i % 2 == 0 ? 10 : 95);
                    assertTrue(a.unstoredRows() <= 3 || i == 0, "bounded: " + a.unstoredRows());
                }
                s.execute("ROLLBACK");
            }
            a.periodic();
            assertEquals(0, a.unstoredRows());
            assertEquals(a.tracker().alert(AlertId.parse(ID)).orElseThrow().state(),
                    a.store().alert(ID).orElseThrow().state(), "the stored alert ends in the tracker's state");
        }
    }

    @Test
    void aResolvedTransitionRefusedByAFullDiskIsStoredAndNotifiedOnceSpaceReturns() throws Exception {
        Path mnt = Files.createDirectories(tmp.resolve("small"));
        assumeTrue(mount(mnt), "cannot mount a tmpfs at " + mnt + " (needs root and mount(8)): the full-disk"
                + " case is covered here only where that works; the locked-store test covers the logic");
        try {
            Path db = mnt.resolve("alerts.db");
            try (AlertPipeline a = pipeline(AlertStore.open(db))) {
                fire(a);
                Path filler = mnt.resolve("filler");
                fill(filler);
                // the WAL grows with every commit: a few cycles and the disk has no room for the next
                for (int i = 0; i < 20 && !refused(a); i++) {
                    cycle(a, i % 2 == 0 ? 10 : 95);
                }
                assertTrue(refused(a), "the full disk refused a batch");
                assertEquals(AlertState.FIRING, a.tracker().alert(DISK_FULL).orElseThrow().state(),
                        "the appliance says it cannot store: " + a.tracker().alerts());
                cycle(a, 10);
                cycle(a, 10);
                Files.delete(filler); // space returns
                a.periodic();
                assertConverged(a);
            }
        } finally {
            umount(mnt);
        }
    }

    /** Whether the store refused a write: as a failed cycle (before) or rows waiting in memory. */
    boolean refused(AlertPipeline a) {
        return a.unstoredRows() > 0 || heard.stream().anyMatch(h -> h.startsWith("cycle failed"));
    }

    void fire(AlertPipeline a) {
        for (int i = 0; a.store().alert(ID).map(r -> r.state() != AlertState.FIRING).orElse(true); i++) {
            cycle(a, 95);
            assertTrue(i < 10, "cpu at 95 % never fired: " + a.store().alerts());
        }
    }

    /** One poll cycle; a failure is logged and the next cycle comes anyway, as in the daemon. */
    void cycle(AlertPipeline a, double cpu) {
        at = at.plusSeconds(60);
        clock.set(at);
        try {
            a.onCycle(DeviceCycle.reached("r1", at.plusMillis(5), List.of(new Sample(CPU, at, cpu)), false));
        } catch (RuntimeException e) {
            heard.add("cycle failed: " + e.getMessage());
        }
    }

    /** Store, tracker, notifications and listeners agree, with every transition stored and chained. */
    void assertConverged(AlertPipeline a) {
        assertEquals(0, a.unstoredRows());
        AlertState tracked = a.tracker().alert(AlertId.parse(ID)).orElseThrow().state();
        assertEquals(AlertState.RESOLVED, tracked);
        assertEquals(tracked, a.store().alert(ID).orElseThrow().state(), "the store caught up with the tracker");
        List<TransitionRow> h = a.store().history(ID).stream().map(StoredTransition::row).toList();
        assertEquals(AlertState.INACTIVE, h.get(0).from());
        for (int i = 1; i < h.size(); i++) {
            assertEquals(h.get(i - 1).to(), h.get(i).from(), "transition " + i + " starts where the one before"
                    + " ended, none missing: " + h);
        }
        assertEquals(AlertState.RESOLVED, h.get(h.size() - 1).to());
        List<NotificationKind> kinds = a.store().notifications().stream().filter(n -> n.alertId().equals(ID))
                .map(Notification::kind).toList();
        assertEquals(NotificationKind.RESOLVED, kinds.get(kinds.size() - 1), "the RESOLVED notification is queued: "
                + kinds);
        assertTrue(heard.contains(ID + " " + TransitionReason.RESOLVED), "listeners heard it: " + heard);
        // the appliance's own alert fired and resolved, both stored and notified
        assertEquals(AlertState.RESOLVED, a.tracker().alert(DISK_FULL).orElseThrow().state());
        assertEquals(List.of(AlertState.FIRING, AlertState.RESOLVED), a.store().history(DISK_FULL.key()).stream()
                .map(t -> t.row().to()).toList());
        assertEquals(List.of(NotificationKind.FIRING, NotificationKind.RESOLVED), a.store().notifications().stream()
                .filter(n -> n.alertId().equals(DISK_FULL.key())).map(Notification::kind).toList());
    }

    static boolean mount(Path dir) throws InterruptedException {
        try {
            Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", dir.toString())
                    .redirectErrorStream(true).start();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    static void umount(Path dir) throws Exception {
        new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start().waitFor(30, TimeUnit.SECONDS);
    }

    /** Writes {@code file} until the file system has no room left. */
    static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: what we wanted
        }
    }

}
