package io.mibwatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An open RRD file is a memory mapping, no file descriptor and no RRD4J object graph (in the burst benchmark a process's descriptor
 * limit, not the kernel's mapping limit, decided how many of a 90,000-file fleet stayed open),
 * and closing the store gives every mapping back. Counted in /proc/self, Linux only.
 */
class OpenFilesWithoutDescriptorsIT {

    static final SeriesSchema SCHEMA = new SeriesSchema(Map.of("if", List.of("inOctets", "outOctets")));

    @TempDir
    Path dir;

    @Test
    void openFilesAreMappingsWithoutDescriptors() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "needs procfs");
        int files = 300;
        long fdsBefore = descriptors();
        try (RrdSeriesStore store = new RrdSeriesStore(dir, SCHEMA, d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            List<Sample> samples = new ArrayList<>();
            for (int i = 1; i <= files; i++) {
                samples.add(new Sample(new SeriesId("r1", "if", String.valueOf(i), "inOctets"),
                        Instant.parse("2026-03-02T00:01:00Z"), i));
            }
            assertEquals(List.of(), store.write(samples).errors());
            assertEquals(files, store.openFileCount());
            assertEquals(files, mappingsUnder(dir), "one mapping per open file");
            // the store's own layout: the row writer and its mapping, no RrdDb object graph (heap)
            assertEquals(0, store.rrdDbCount());
            // reading one opens RRD4J's reader for the read only
            assertEquals(7, store.fetch(new SeriesId("r1", "if", "7", "inOctets"), Instant.parse("2026-03-02T00:00:00Z"),
                    Instant.parse("2026-03-02T00:02:00Z"), Duration.ofSeconds(60), Consolidation.AVERAGE)
                    .points().stream().filter(p -> !Double.isNaN(p.value())).findFirst().orElseThrow().value());
            assertEquals(0, store.rrdDbCount());
            assertEquals(files, mappingsUnder(dir), "the reader's mapping is gone again");
            long more = descriptors() - fdsBefore;
            assertTrue(more < 10, files + " open files hold " + more + " more descriptors");
        }
        assertEquals(0, mappingsUnder(dir), "close unmapped every file");
    }

    private static long descriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long mappingsUnder(Path dir) throws IOException {
        String root = dir.toRealPath().toString();
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains(root) && l.endsWith(".rrd")).count();
        }
    }
}
