package io.mibwatch.web.testdata;

import io.mibwatch.catalog.metric.MetricCatalog;
import io.mibwatch.config.ServicesConfig;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.storage.Consolidation;
import io.mibwatch.storage.RrdSeriesStore;
import io.mibwatch.storage.SeriesData;
import io.mibwatch.storage.SeriesNotFoundException;
import io.mibwatch.thresholds.apdex.SampleSource;
import io.mibwatch.thresholds.baseline.Arming;
import io.mibwatch.thresholds.baseline.BaselineTable;
import io.mibwatch.thresholds.baseline.Baselines;
import io.mibwatch.thresholds.baseline.SlotWidth;
import io.mibwatch.thresholds.baseline.TimedValue;
import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.thresholds.rule.MetricUnits;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.devices.DeviceDirectory;
import io.mibwatch.web.devices.DevicesFeature;
import io.mibwatch.web.explorer.ExplorerFeature;
import io.mibwatch.web.graph.GraphFeature;
import io.mibwatch.web.http.WebFeature;
import io.mibwatch.web.services.ServicesFeature;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The data behind the browser tests, in real RRD files and the real SQLite event store, ending now
 * (the pages ask for "the last hour"): ten nodes whose CPU sits near 20 % except node07 at 85 %;
 * core1 with interfaces whose ifAlias holds markup and a sysDescr with a script tag, its ifIndex 3
 * with an armed baseline; and a service "voip" over core1's IP SLA latency.
 */
public final class DataScenario implements AutoCloseable {
    public static final String ALIAS = "<img src=x onerror=\"window.__xss=1\"> core uplink";
    public static final String SYS_DESCR = "<script>window.__xss=2</script>Cisco IOS 15.2";
    public static final SeriesId IF3 = new SeriesId("core1", "interfaces", "3", "inOctets");
    public static final SeriesId RTT = new SeriesId("core1", "cisco_rtt", "5", "rtt");

    public final Instant now;

    /** The IP SLA latency degrades for 12 minutes every half hour. */
    static boolean degraded(Instant t) {
        return (t.getEpochSecond() / 60) % 30 < 12;
    }
    public final RrdSeriesStore store;
    public final AlertStore db;
    /** The audit trail's database of the scenario's own features (a test server keeps its users apart). */
    public final UserStore auditDb;
    public final List<WebFeature> features;

    public DataScenario(Path dir) {
        Clock clock = Clock.systemUTC();
        now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant from = now.minus(Duration.ofHours(3));
        store = RrdFixture.store(dir.resolve("rrd"));
        List<DeviceDirectory.Device> devices = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String d = String.format("node%02d", i);
            int k = i;
            RrdFixture.write(store, List.of(new SeriesId(d, "cpu", "1", "load")), from, now.plusSeconds(1),
                    (s, t) -> (s.device().equals("node07") ? 85.0 : 20.0 + k % 3) + (t.getEpochSecond() / 60) % 3);
            devices.add(new DeviceDirectory.Device(d, "192.0.2." + i, Optional.of(new DeviceDirectory.PollStatus(true,
                    now, Duration.ofMillis(200 + i), 0, Optional.empty(), 90, 0)), "Linux " + d, Map.of()));
        }
        List<SeriesId> ifs = List.of(new SeriesId("core1", "interfaces", "1", "inOctets"), IF3);
        RrdFixture.write(store, ifs, from, now.plusSeconds(1),
                (s, t) -> 1000.0 * Integer.parseInt(s.instance()) + (t.getEpochSecond() / 60) % 10);
        RrdFixture.write(store, List.of(new SeriesId("core1", "system", "", "uptime")), from, now.plusSeconds(1),
                (s, t) -> (double) (t.getEpochSecond() - from.getEpochSecond() + 3600));
        RrdFixture.write(store, List.of(RTT), from, now.plusSeconds(1),
                (s, t) -> degraded(t) ? 800.0 : 25.0 + (t.getEpochSecond() / 60) % 4);
        devices.add(new DeviceDirectory.Device("core1", "192.0.2.254", Optional.of(new DeviceDirectory.PollStatus(true,
                now, Duration.ofMillis(640), 0, Optional.empty(), 90, 2)), SYS_DESCR,
                Map.of("interfaces/3", new DeviceDirectory.InstanceLabel("Gi0/3", ALIAS),
                        "interfaces/1", new DeviceDirectory.InstanceLabel("Gi0/1", ""))));
        StaticDirectory directory = new StaticDirectory(devices);
        // IF3's learned baseline: three weeks of its usual level, so the band sits around the line
        List<TimedValue> history = new ArrayList<>();
        for (Instant t = now.minus(Duration.ofDays(21)); t.isBefore(now); t = t.plus(Duration.ofMinutes(5))) {
            history.add(new TimedValue(t, 3000.0 + (t.getEpochSecond() / 300) % 9));
        }
        BaselineTable table = BaselineTable.compute(history, Duration.ofMinutes(5), SlotWidth.MIN_20, true,
                ZoneId.of("UTC"));
        Baselines baselines = (s, w) -> s.equals(IF3) && w == SlotWidth.MIN_20 ? Optional.of(table) : Optional.empty();
        db = AlertStore.open(dir.resolve("mibwatch.db"));
        auditDb = UserStore.open(dir.resolve("scenario-web.db"), clock, 4);
        // two users complain 8 minutes into each degradation of the IP SLA latency: 5 or 6 degradations
        // in the 160 minutes, at least 10 complaints (the analysis needs 5)
        int n = 0;
        for (Instant t = from.plus(Duration.ofMinutes(10)); t.isBefore(now.minus(Duration.ofMinutes(10)));
             t = t.plus(Duration.ofMinutes(1))) {
            if ((t.getEpochSecond() / 60) % 30 == 8) {
                for (String u : List.of("alice", "bob")) {
                    db.redButton().addComplaint(new Complaint(u + n, "voip", t), t);
                }
                n++;
            }
        }
        ServicesConfig services = new ServicesConfig(List.of(new ServicesConfig.Service("voip", List.of(
                new ServicesConfig.Member("core1", "cisco_rtt/5/rtt", new ServicesConfig.Target(150, Optional.of("ms")), true)),
                Duration.ofMinutes(5), Optional.empty(), Optional.empty())));
        SampleSource samples = (id, f, t) -> {
            try {
                SeriesData d = store.fetch(id, f, t, Duration.ofSeconds(1), Consolidation.AVERAGE);
                List<Sample> out = new ArrayList<>();
                d.points().forEach(p -> out.add(new Sample(id, p.at(), p.value())));
                return Optional.of(out);
            } catch (SeriesNotFoundException e) {
                return Optional.empty();
            }
        };
        MetricUnits units = MetricUnits.of(MetricCatalog.standard());
        features = List.of(
                new DevicesFeature(directory, store, units),
                new GraphFeature(store, baselines, Arming.DEFAULT, units, clock),
                new ExplorerFeature(store, directory, units, clock),
                new ServicesFeature(() -> services, samples, db.redButton(), units, clock, auditDb.audit()));
    }

    @Override
    public void close() {
        auditDb.close();
        db.close();
        store.close();
    }
}
