package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DaemonMetricsTest {

    @TempDir
    Path tmp;

    @Test
    void rowsWaitingForTheAlertStoreShowAsAQueueInMetricsWhileItCannotBeWritten() throws Exception {
        MibwatchConfig cfg = ConfigLoader.parse("""
                credentials: {lab: {community: public}}
                devices:
                  - {name: r1, address: 127.0.0.1, credentials: lab}
                """, "metrics-test.yaml");
        DataDir data = new DataDir(tmp);
        try (Daemon daemon = new Daemon(cfg, data, Clock.systemUTC())) {   // not started: nothing is polled
            DaemonMetrics metrics = new DaemonMetrics(daemon, cfg, daemon.alerting().store());
            assertEquals(0L, metrics.queues().get("alert_rows_unstored"));
            assertEquals(0L, metrics.queues().get("rrd_samples_unstored"));
            try (Connection other = DriverManager.getConnection("jdbc:sqlite:" + data.alertDb());
                 Statement s = other.createStatement()) {
                s.execute("BEGIN IMMEDIATE"); // the alert store cannot be written (waits its busy timeout)
                daemon.alerting().storageWrite("rrd", Optional.of("cannot write RRD files: out of disk space"));
                assertTrue(metrics.queues().get("alert_rows_unstored") > 0, metrics.queues().toString());
                s.execute("ROLLBACK");
            }
            daemon.alerting().storageWrite("rrd", Optional.empty());
            assertEquals(0L, metrics.queues().get("alert_rows_unstored"), "all stored once it can be written");
        }
    }
}
