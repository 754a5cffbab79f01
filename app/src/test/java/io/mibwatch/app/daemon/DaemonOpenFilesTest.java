package io.mibwatch.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.storage.RrdSeriesStore;
import java.util.stream.Stream;
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
                // a tiny limit never goes below the store's own default bound
                Arguments.of(8_192L, RrdSeriesStore.DEFAULT_MAX_OPEN_FILES),
                Arguments.of(0L, RrdSeriesStore.DEFAULT_MAX_OPEN_FILES),
                Arguments.of(Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    @ParameterizedTest(name = "vm.max_map_count {0} -> {1} open files")
    @MethodSource("mapCounts")
    void openFilesFollowTheKernelsMappingLimit(long maxMapCount, int expected) {
        assertEquals(expected, Daemon.maxOpenFiles(maxMapCount));
    }
}
