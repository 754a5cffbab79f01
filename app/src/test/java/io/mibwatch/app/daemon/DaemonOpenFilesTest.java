package io.mibwatch.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class DaemonOpenFilesTest {

    static Stream<Arguments> limits() {
        return Stream.of(
                // the kernel's default mapping limit under systemd's default descriptor limit:
                // 49,146 files open after the JVM's own mappings
                Arguments.of(65_530L, 524_288L, 65_530 - 16_384),
                // a raised mapping limit keeps a million-series fleet (90,000 interface files) open
                Arguments.of(262_144L, 524_288L, 262_144 - 16_384),
                // ... unless descriptors run out first (a shell's 20,000, or 1,024 under an old init)
                Arguments.of(262_144L, 20_000L, 20_000 - 1_024),
                Arguments.of(65_530L, 4_096L, 4_096 - 1_024),
                // absurdly small limits still keep a few files open
                Arguments.of(65_530L, 1_024L, Daemon.MIN_OPEN_FILES),
                Arguments.of(0L, 524_288L, Daemon.MIN_OPEN_FILES),
                Arguments.of(Long.MAX_VALUE, Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "vm.max_map_count {0}, RLIMIT_NOFILE {1} -> {2} open files")
    @MethodSource("limits")
    void openFilesFollowTheKernelsMappingAndDescriptorLimits(long maxMapCount, long maxFds, int expected) {
        assertEquals(expected, Daemon.maxOpenFiles(maxMapCount, maxFds));
    }

    @Test
    void descriptorLimitIsTheProcesss() throws Exception {
        Process sh = new ProcessBuilder("sh", "-c", "ulimit -Hn").start();
        String hard = new String(sh.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertEquals(0, sh.waitFor());
        assumeTrue(hard.matches("\\d+"), "hard limit: " + hard);
        // the JVM raises its soft limit to the hard one (HotSpot MaxFDLimit), which the child shell shows
        assertEquals(Long.parseLong(hard), Daemon.fileDescriptorLimit());
    }

    /** The value the kernel reports, read the way a shell does (procfs files claim size 0). */
    @Test
    void mapCountIsTheWholeNumberTheKernelReports() throws Exception {
        Path sysctl = Path.of("/proc/sys/vm/max_map_count");
        assumeTrue(Files.isReadable(sysctl), "no procfs here");
        Process cat = new ProcessBuilder("cat", sysctl.toString()).start();
        long viaCat = Long.parseLong(new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim());
        assertEquals(0, cat.waitFor());
        assertEquals(viaCat, Daemon.kernelMapCount());
    }

    @Test
    void unreadableOrGarbledSysctlFallsBackToTheKernelDefault(@TempDir Path dir) throws Exception {
        assertEquals(65_530, Daemon.kernelMapCount(dir.resolve("missing")));
        Path garbled = Files.writeString(dir.resolve("garbled"), "lots\n");
        assertEquals(65_530, Daemon.kernelMapCount(garbled));
        Path raised = Files.writeString(dir.resolve("raised"), "262144\n");
        assertEquals(262_144, Daemon.kernelMapCount(raised));
    }
}
