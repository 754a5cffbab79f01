package io.mibwatch.app.datadir;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The appliance's data directory and the names of what lives in it. The daemon writes these
 * files, the web UI and the CLI open the same ones, so each name is written here once.
 *
 * @param root the directory itself ({@code /var/lib/mibwatch} on a packaged install)
 */
public record DataDir(Path root) {
    public DataDir {
        Objects.requireNonNull(root, "root");
    }

    /** The RRD files, one directory per device. */
    public Path rrd() {
        return root.resolve("rrd");
    }

    /** The alert event store (SQLite): alerts, transitions, acks, silences, red button. */
    public Path alertDb() {
        return root.resolve("mibwatch.db");
    }

    /** The web UI's users and API tokens (SQLite), apart from the alert store. */
    public Path usersDb() {
        return root.resolve("web.db");
    }

    /** The config a data directory may carry: {@code mibwatch demo} writes its config here. */
    public Path config() {
        return root.resolve("mibwatch.yaml");
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
