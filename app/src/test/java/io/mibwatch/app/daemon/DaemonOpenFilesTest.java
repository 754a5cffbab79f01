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

    static Stream<Arguments> mapCounts() {
        return Stream.of(
                // the kernel default leaves 49,146 files open after the JVM's own mappings
                Arguments.of(65_530L, 65_530 - 16_384),
                // a raised limit keeps a million-series fleet (90,000 interface files) open
                Arguments.of(262_144L, 262_144 - 16_384),
                // absurdly small limits still keep a few files open
                Arguments.of(8_192L, Daemon.MIN_OPEN_FILES),
                Arguments.of(0L, Daemon.MIN_OPEN_FILES),
                Arguments.of(Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "vm.max_map_count {0} -> {1} open files")
    @MethodSource("mapCounts")
    void openFilesFollowTheKernelsMappingLimit(long maxMapCount, int expected) {
        assertEquals(expected, Daemon.maxOpenFiles(maxMapCount));
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
