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

    /**
     * The config file a command reads: {@code --config} when given; else {@code DIR/mibwatch.yaml}
     * when {@code --data DIR} holds one (mibwatch demo writes its config there, so
     * {@code --data DIR} alone finds the demo's services and baseline rules); else the default.
     */
    static Path configFile(Path option, Path data) {
        if (option != null) return option;
        if (data != null && Files.isRegularFile(data.resolve("mibwatch.yaml"))) return data.resolve("mibwatch.yaml");
        return DEFAULT_CONFIG;
    }

    /** --data wins, then the config's data_dir, then /var/lib/mibwatch. */
    static Path dataDir(Path option, MibwatchConfig config) {
        if (option != null) return option;
        if (config != null && config.dataDir() != null) return config.dataDir();
        return DEFAULT_DATA;
    }
}
