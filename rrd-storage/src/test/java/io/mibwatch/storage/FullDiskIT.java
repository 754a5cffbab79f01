package io.mibwatch.storage;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A really full file system: a 1 MiB tmpfs. Needs the right to mount (root with CAP_SYS_ADMIN, as
 * in the build container); skipped elsewhere.
 *
 * <p>Proves: creating a file on a full disk is a WriteReport error naming the path and the
 * cause, no half-written {@code .rrd} is left behind, nothing stays open on the file system (the
 * unmount must succeed), and files created earlier keep taking updates because every block of an
 * RRD file is allocated at creation.
 */
class FullDiskIT {

    static final Instant T0 = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    Path temp;
    Path mount;

    @BeforeEach
    void mountTinyTmpfs() throws Exception {
        mount = temp.resolve("tiny");
        Files.createDirectories(mount);
        assumeTrue(run("mount", "-t", "tmpfs", "-o", "size=1m", "mibwatch-test", mount.toString()) == 0,
                "cannot mount a tmpfs here (needs root/CAP_SYS_ADMIN)");
    }

    @AfterEach
    void unmount() throws Exception {
        // see assertion in the test: a leaked descriptor or mapping would make plain umount fail
        if (run("umount", mount.toString()) != 0) {
            run("umount", "-l", mount.toString()); // never leave a mount behind for @TempDir to trip on
        }
    }

    @Test
    void fullDiskIsReportedAndExistingFilesKeepWorking() throws Exception {
        SeriesSchema schema = new SeriesSchema(Map.of("system", List.of("uptime")));
        try (RrdSeriesStore store = new RrdSeriesStore(mount, schema, d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            SeriesId early = SeriesId.parse("early", "system//uptime");
            assertEquals(List.of(), store.write(List.of(new Sample(early, T0, 1))).errors());
            fill(mount.resolve("filler"));

            List<Sample> samples = new ArrayList<>();
            samples.add(new Sample(SeriesId.parse("late", "system//uptime"), T0.plusSeconds(60), 2));
            samples.add(new Sample(early, T0.plusSeconds(60), 3));
            WriteReport r = store.write(samples);

            Path late = mount.resolve("late/system.rrd");
            assertEquals(1, r.updates(), r.toString());
            assertEquals(1, r.errors().size(), r.errors().toString());
            assertTrue(r.errors().get(0).startsWith(late + ": "), r.errors().get(0));
            assertFalse(Files.exists(late), "no half-created file");
            try (var leftovers = Files.list(late.getParent())) {
                assertEquals(0, leftovers.count(), "temporary file removed");
            }
            assertEquals(3.0, store.fetch(early, T0.plusSeconds(60), T0.plusSeconds(60), Duration.ofSeconds(60),
                    Consolidation.AVERAGE).points().get(0).value());
            assertTrue(r.errors().get(0).contains("No space left on device"), r.errors().get(0));
        }
        assertEquals(0, run("umount", mount.toString()), "file system still busy: a file was left open");
        run("mount", "-t", "tmpfs", "-o", "size=1m", "mibwatch-test", mount.toString()); // for @AfterEach
    }

    @Test
    void rowsOfAFileThatCannotBeCreatedOnAFullDiskAreStoredOnceSpaceReturns() throws Exception {
        SeriesSchema schema = new SeriesSchema(Map.of("system", List.of("uptime")));
        SeriesId late = SeriesId.parse("late", "system//uptime");
        try (RrdSeriesStore store = new RrdSeriesStore(mount, schema, d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            Path filler = mount.resolve("filler");
            fill(filler);
            for (int k = 1; k <= 3; k++) {   // three cycles while the disk is full
                WriteReport r = store.write(List.of(new Sample(late, T0.plusSeconds(60L * k), k)));
                assertEquals(1, r.outOfSpace(), r.toString());
            }
            assertEquals(3, store.retainedSamples(), "kept in memory, not dropped");
            Files.delete(filler);

            WriteReport r = store.write(List.of(new Sample(late, T0.plusSeconds(240), 4)));
            assertEquals(List.of(), r.errors());
            assertEquals(0, r.outOfSpace());
            assertEquals(0, store.retainedSamples());
            assertEquals(List.of(1.0, 2.0, 3.0, 4.0), store.fetch(late, T0.plusSeconds(60), T0.plusSeconds(240),
                    Duration.ofSeconds(60), Consolidation.AVERAGE).points().stream().map(SeriesData.Point::value)
                    .toList(), "the rows of the full-disk cycles are stored, in order");
        }
    }

    /** Writes until the file system says no space is left. */
    private static void fill(Path file) {
        byte[] block = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < 1024; i++) {
                out.write(block);
            }
        } catch (IOException expectedNoSpace) {
            return;
        }
        throw new AssertionError("1 MiB tmpfs did not fill up");
    }

    private static int run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
