package io.mibwatch.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RrdStoreOptionsTest {

    @Test
    void defaultsKeep4096FilesOpenAndWriteAtOnce() {
        assertEquals(new RrdStoreOptions(4096, Duration.ZERO), RrdStoreOptions.defaults());
    }

    @Test
    void eachWithChangesOneSetting() {
        RrdStoreOptions o = RrdStoreOptions.defaults().withMaxOpenFiles(7).withWriteBehind(Duration.ofMinutes(5));
        assertEquals(new RrdStoreOptions(7, Duration.ofMinutes(5)), o);
        assertEquals(new RrdStoreOptions(7, Duration.ZERO), o.withWriteBehind(Duration.ZERO));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void fewerThanOneOpenFileIsRefused(int n) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RrdStoreOptions.defaults().withMaxOpenFiles(n));
        assertEquals("maxOpenFiles must be >= 1, got " + n, e.getMessage());
    }

    @Test
    void aNegativeWriteBehindIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RrdStoreOptions.defaults().withWriteBehind(Duration.ofSeconds(-1)));
        assertEquals("write-behind must not be negative, got PT-1S", e.getMessage());
    }
}
