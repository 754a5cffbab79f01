package io.mibwatch.benchmarks.fleet;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesSchema;
import io.mibwatch.catalog.metric.StandardMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Correctness half of the fleet run: after a measured window, every polled series of
 * every device must hold a known value in every RRD step of the window. A step without one is
 * a gap: a missed poll, a late poll beyond the heartbeat, or a write that failed.
 *
 * <p>Reads the daemon's RRD files through the product's own {@link RrdSeriesStore} (the same
 * fetch the CLI's {@code query} uses) at the poll interval's resolution. Derived series that the
 * poll plan never computes (utilisation of interfaces without a speed) are not counted, since
 * they are empty by design; every other series is.
 *
 * <p>Usage (the fleet run calls it):
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.mibwatch.benchmarks.fleet.RrdGapCheck DATA_DIR/rrd FROM_EPOCH_S TO_EPOCH_S STEP_S
 * </pre>
 * prints one JSON object: devices, series, steps, missing (steps without a value), and the first
 * few series with gaps.
 */
public final class RrdGapCheck {
    /** Data sources that exist in every interface file but are only filled when the speed is known. */
    private static final Set<String> ONLY_WITH_SPEED = Set.of("inUtil", "outUtil");

    private RrdGapCheck() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: RrdGapCheck RRD_DIR FROM_EPOCH_S TO_EPOCH_S STEP_S");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        Instant from = Instant.ofEpochSecond(Long.parseLong(args[1]));
        Instant to = Instant.ofEpochSecond(Long.parseLong(args[2]));
        Duration step = Duration.ofSeconds(Long.parseLong(args[3]));
        long devices = 0;
        long series = 0;
        long steps = 0;
        long missing = 0;
        StringBuilder firstGaps = new StringBuilder();
        int shown = 0;
        // read-only, like the CLI's query: the daemon may still own the files
        try (RrdSeriesStore store = RrdSeriesStore.readOnly(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()))) {
            for (String device : store.devices()) {
                devices++;
                for (SeriesId id : store.list(device)) {
                    SeriesData data = store.fetch(id, from, to, step, Consolidation.AVERAGE);
                    List<SeriesData.Point> points = data.points();
                    long known = points.stream().filter(p -> !Double.isNaN(p.value())).count();
                    if (known == 0 && ONLY_WITH_SPEED.contains(id.metric())) {
                        continue;
                    }
                    series++;
                    steps += points.size();
                    long gaps = points.size() - known;
                    missing += gaps;
                    if (gaps > 0 && shown < 5) {
                        firstGaps.append(shown++ == 0 ? "" : ",").append('"').append(id).append(": ")
                                .append(gaps).append('/').append(points.size()).append('"');
                    }
                }
            }
        }
        System.out.printf("{\"devices\":%d,\"series\":%d,\"steps\":%d,\"missing\":%d,\"examples\":[%s]}%n",
                devices, series, steps, missing, firstGaps);
    }
}
