package io.mibwatch.app.cli;

import io.mibwatch.thresholds.store.AlertStore;
import io.mibwatch.thresholds.store.AlertStoreException;

/** The alert event store the daemon writes ({@code DATA/mibwatch.db}), opened for the CLI. */
final class AlertDb {
    private AlertDb() {
    }

    /** The store in the data directory {@code where} picks; the directory must exist. */
    static AlertStore open(DataOptions where) {
        try {
            return AlertStore.open(where.existingDataDir().alertDb());
        } catch (AlertStoreException e) {
            throw new CliFailure(e.getMessage());
        }
    }
}
