package io.mibwatch.app.cli;

import io.mibwatch.config.ConfigException;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the CLI finds its configuration and data when not told. */
final class ConfigFiles {
    static final Path DEFAULT_CONFIG = Path.of("/etc/mibwatch/mibwatch.yaml");
    static final Path DEFAULT_DATA = Path.of("/var/lib/mibwatch");

    private ConfigFiles() {
    }

    static MibwatchConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure("config file " + file + " does not exist or is not a file", ExitCodes.CONFIG);
        }
        try {
            return ConfigLoader.load(file);
        } catch (ConfigException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.CONFIG);
        }
    }

    /** --data wins, then the config's data_dir, then /var/lib/mibwatch. */
    static Path dataDir(Path option, MibwatchConfig config) {
        if (option != null) return option;
        if (config != null && config.dataDir() != null) return config.dataDir();
        return DEFAULT_DATA;
    }
}
