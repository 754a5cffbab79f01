package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code mibwatch query} options against a real RRD file: a bad value is a usage error naming the option. */
class QueryCliTest {
    static final SeriesId UPTIME = new SeriesId("r1", "system", "", "uptime");

    @TempDir
    Path tmp;
    Path data;

    /** One uptime gauge a minute for the last hour, so that a query reaches the RRD file. */
    @BeforeEach
    void history() {
        data = tmp.resolve("data");
        Instant start = Instant.now().minus(Duration.ofHours(1));
        List<Sample> samples = new ArrayList<>();
        for (int m = 0; m < 60; m++) {
            samples.add(new Sample(UPTIME, start.plusSeconds(60L * m), 1000 + m));
        }
        try (RrdSeriesStore rrd = new RrdSeriesStore(data.resolve("rrd"), new SeriesSchema(StandardMetrics.dsNamesByGroup()),
                d -> RrdLayout.stock(Duration.ofSeconds(60)), RrdStoreOptions.defaults())) {
            rrd.write(samples);
        }
    }

    @Test
    void theStoredSeriesIsReadable() {
        CliRun r = run("query", "r1", UPTIME.path(), "--data", data.toString(), "--csv");
        assertEquals(ExitCodes.OK, r.code(), r.err());
        assertTrue(r.out().startsWith("timestamp,value"), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5"})
    void queryResolutionZeroOrNegativeIsAUsageErrorNamingTheOption(String resolution) {
        CliRun r = run("query", "r1", UPTIME.path(), "--data", data.toString(), "--resolution", resolution);
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--resolution '" + resolution + "'"), r.err());
        assertTrue(r.out().isEmpty(), r.out());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-99999999999d", "-999999999w", "-999999999d", "1969-07-20T20:17:00Z"})
    void queryFromOutOfRangeIsAUsageErrorNamingTheOptionNotAnException(String from) {
        CliRun r = run("query", "r1", UPTIME.path(), "--data", data.toString(), "--from", from);
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--from '" + from + "'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void queryToOutOfRangeIsAUsageErrorNamingTheOption() {
        CliRun r = run("query", "r1", UPTIME.path(), "--data", data.toString(), "--from", "1000000000", "--to", "-999999999w");
        assertEquals(ExitCodes.USAGE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--to '-999999999w'"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
