package io.mibwatch.app.cli;

import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.AlertStoreException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The alert event store the daemon writes ({@code DATA/mibwatch.db}), opened for the CLI. */
final class AlertDb {
    private AlertDb() {
    }

    /** --data wins, then the config's data_dir, then /var/lib/mibwatch; the directory must exist. */
    static AlertStore open(Path data, Path config) {
        MibwatchConfig cfg = config == null ? null : ConfigFiles.load(config);
        Path dir = ConfigFiles.dataDir(data, cfg);
        if (!Files.isDirectory(dir)) {
            throw new CliFailure("no data directory " + dir + " (use --data DIR or --config FILE)");
        }
        try {
            return AlertStore.open(dir.resolve(Daemon.DATABASE));
        } catch (AlertStoreException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
