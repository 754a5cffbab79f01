package io.mibwatch.benchmarks.fleet;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.catalog.metric.StandardMetrics;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.RrdLayout;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.RrdStoreOptions;
import io.mibwatch.storage.SeriesSchema;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Burst capacity (10,000 devices x 100 varbinds within one interval): the real {@link Daemon} (poll, decode, rate, store to RRD, alert
 * rules) polls every device of a fleet at once with {@link Daemon#pollAllNow()}, cycle after
 * cycle, and the run reports per cycle the wall time, the process CPU, varbinds/s, and at the
 * end the heap used after a full GC per series. The agents are another process (the simulator
 * or snmpd), so the process CPU is the poller's alone.
 *
 * <p>The first cycle discovers every device and creates its RRD files; it is reported but not
 * counted. Cycles start {@code pace} seconds apart (or when the previous one ends, if later), so
 * that every RRD update is at a later second than the last one.
 *
 * <p>RRD layout: {@link #benchLayout} has the stock archives (1 min / 5 min / 1 h / 1 day, each
 * AVERAGE/MIN/MAX; an update does the same work) with short spans so 100,000 files fit on disk.
 *
 * <p>Usage (benchmarks/burst-run.sh starts the simulator and calls it):
 * <pre>
 * java -Xmx4g -cp benchmarks/target/benchmarks.jar io.mibwatch.benchmarks.fleet.BurstRun \
 *     DEVICES FIRST_PORT CYCLES PACE_S VARBINDS_PER_DEVICE DATA_DIR [WRITE_BEHIND, e.g. 5m; default 0s]
 * </pre>
 */
public final class BurstRun {

    private BurstRun() {
    }

    /** The stock archives (RrdLayout.stock at 60 s) with spans of 1 h, 5 h, 60 h and 30 d (60 + 60 + 60 + 30 rows). */
    static RrdLayout benchLayout() {
        return new RrdLayout(Duration.ofSeconds(60), Duration.ofSeconds(150), List.of(
                new RrdLayout.Archive(Duration.ofMinutes(1), Duration.ofHours(1)),
                new RrdLayout.Archive(Duration.ofMinutes(5), Duration.ofHours(5)),
                new RrdLayout.Archive(Duration.ofHours(1), Duration.ofHours(60)),
                new RrdLayout.Archive(Duration.ofDays(1), Duration.ofDays(30))));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            System.err.println("usage: BurstRun DEVICES FIRST_PORT CYCLES PACE_S VARBINDS_PER_DEVICE DATA_DIR [WRITE_BEHIND]");
            System.exit(2);
        }
        int devices = Integer.parseInt(args[0]);
        int firstPort = Integer.parseInt(args[1]);
        int cycles = Integer.parseInt(args[2]);
        long paceMs = Long.parseLong(args[3]) * 1000;
        int varbindsPerDevice = Integer.parseInt(args[4]);
        Path data = Path.of(args[5]);
        String writeBehind = args.length > 6 ? args[6] : "0s";
        Files.createDirectories(data);
        StringBuilder yaml = new StringBuilder("""
                defaults:
                  interval: 60s
                  timeout: 5s
                  retries: 1
                  credentials: public-ro
                credentials:
                  public-ro: {community: public}
                rrd:
                  write_behind: %s
                devices:
                """.formatted(writeBehind));
        for (int d = 1; d <= devices; d++) {
            yaml.append(String.format(Locale.ROOT, "  - {name: dev%05d, address: 127.0.0.1, port: %d, metrics: [interfaces]}%n",
                    d, firstPort + d - 1));
        }
        Path configFile = data.resolve("mibwatch.yaml");
        Files.writeString(configFile, yaml);
        MibwatchConfig config = ConfigLoader.load(configFile);

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = usedAfterGc(memory);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<String> rows = new ArrayList<>();
        long series = 0;
        try (Daemon daemon = new Daemon(config, new DataDir(data), Clock.systemUTC(), Duration.ofSeconds(10), d -> benchLayout())) {
            daemon.alerting().start();
            long next = System.currentTimeMillis();
            long spanCpu0 = 0;
            long spanVarbinds = 0;
            for (int c = 0; c <= cycles; c++) {
                long wait = next - System.currentTimeMillis();
                if (wait > 0) {
                    Thread.sleep(wait);
                }
                long cpu0 = os.getProcessCpuTime();
                if (c == 1) {
                    spanCpu0 = cpu0; // from the first timed cycle on, gaps between cycles included
                }
                long[] ticks0 = userSysTicks();
                long t0 = System.nanoTime();
                next = System.currentTimeMillis() + paceMs;
                Daemon.FleetCycle cycle = daemon.pollAllNow().get();
                long wallNs = System.nanoTime() - t0;
                long cpuNs = os.getProcessCpuTime() - cpu0;
                long[] ticks1 = userSysTicks();
                long ok = cycle.ok();
                long samples = cycle.samples();
                long varbinds = ok * varbindsPerDevice;
                if (c > 0) {
                    spanVarbinds += varbinds;
                }
                series = samples;
                String row = String.format(Locale.ROOT,
                        "{\"cycle\":%d,\"discovery\":%b,\"devices_ok\":%d,\"devices_failed\":%d,\"skipped\":%d,"
                                + "\"varbinds\":%d,\"samples\":%d,\"wall_ms\":%.0f,\"cpu_ms\":%.0f,\"varbinds_per_s\":%.0f,"
                                + "\"us_cpu_per_varbind\":%.3f,\"user_ms\":%d,\"sys_ms\":%d}",
                        c, c == 0, ok, cycle.failed(), devices - cycle.started(), varbinds, samples, wallNs / 1e6,
                        cpuNs / 1e6, varbinds / (wallNs / 1e9), cpuNs / 1e3 / Math.max(1, varbinds),
                        (ticks1[0] - ticks0[0]) * 10, (ticks1[1] - ticks0[1]) * 10);
                rows.add(row);
                System.out.println(row);
            }
            // everything the process did from the first timed cycle to the end of the last one,
            // the pauses between cycles included (write-behind sweeps, GC, JIT, timers)
            long spanCpu = os.getProcessCpuTime() - spanCpu0;
            System.out.printf(Locale.ROOT, "{\"span\":true,\"cpu_ms\":%.0f,\"varbinds\":%d,\"us_cpu_per_varbind\":%.3f}%n",
                    spanCpu / 1e6, spanVarbinds, spanCpu / 1e3 / Math.max(1, spanVarbinds));
            long heapAfter = usedAfterGc(memory);
            System.out.printf(Locale.ROOT, "{\"summary\":true,\"devices\":%d,\"series\":%d,\"heap_used_bytes\":%d,"
                            + "\"heap_before_bytes\":%d,\"heap_bytes_per_series\":%.0f,\"bench_layout_file_bytes\":%d,"
                            + "\"stock_layout_file_bytes\":%d,\"data_sources_per_interface_file\":%d}%n",
                    devices, series, heapAfter, heapBefore, (heapAfter - heapBefore) / (double) Math.max(1, series),
                    fileBytes(benchLayout()), fileBytes(RrdLayout.stock(Duration.ofSeconds(60))), INTERFACE_DATA_SOURCES);
        }
    }

    /** ifTable/ifXTable metrics of the catalog's interfaces group: one data source each in an interface file. */
    static final int INTERFACE_DATA_SOURCES = StandardMetrics.dsNamesByGroup().get("interfaces").size();

    /** The size on disk of one interface file of this layout, made by the product's store. */
    static long fileBytes(RrdLayout layout) throws java.io.IOException {
        Path dir = Files.createTempDirectory("rrd-size");
        try (RrdSeriesStore store = new RrdSeriesStore(dir, new SeriesSchema(StandardMetrics.dsNamesByGroup()), d -> layout, RrdStoreOptions.defaults())) {
            store.write(List.of(new Sample(new SeriesId("d", "interfaces", "1", "inOctets"), Instant.parse("2026-11-21T00:00:00Z"), 1)));
        }
        Path file = dir.resolve("d/interfaces/1.rrd");
        long size = Files.size(file);
        Files.delete(file);
        Files.delete(file.getParent());
        Files.delete(file.getParent().getParent());
        Files.delete(dir);
        return size;
    }

    /**
     * This process's user and system CPU in clock ticks (fields 14 and 15 of /proc/self/stat; USER_HZ
     * is 100 on Linux): the split shows kernel work (page faults, writeback throttling) apart
     * from the poller's own code. {-1, -1} where there is no procfs.
     */
    static long[] userSysTicks() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long usedAfterGc(MemoryMXBean memory) throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
