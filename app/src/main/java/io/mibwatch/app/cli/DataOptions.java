package io.mibwatch.app.cli;

import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigException;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config} and {@code --data}, the options of every command that reads the appliance's
 * config or data (a picocli mixin), and the one rule for finding both when they are not given:
 * <ol>
 *   <li>config: {@code --config FILE}; else {@code DIR/mibwatch.yaml} when {@code --data DIR}
 *       holds one (mibwatch demo writes its config there, so {@code --data DIR} alone finds the
 *       demo's services and rules); else {@code /etc/mibwatch/mibwatch.yaml}, the package's
 *       conffile. A command that needs a config fails when none is found; the others read it
 *       when present (an explicit {@code --config} must exist).</li>
 *   <li>data directory: {@code --data DIR}; else the config's {@code data_dir}; else
 *       {@code /var/lib/mibwatch}, where the package keeps it.</li>
 * </ol>
 */
final class DataOptions {
    static final Path DEFAULT_CONFIG = Path.of("/etc/mibwatch/mibwatch.yaml");
    static final Path DEFAULT_DATA = Path.of("/var/lib/mibwatch");

    @Option(names = "--config", paramLabel = "FILE", description = "config file (default: DIR/mibwatch.yaml when "
            + "--data DIR holds one, else /etc/mibwatch/mibwatch.yaml)")
    Path config;

    @Option(names = "--data", paramLabel = "DIR", description = "data directory: RRD files, alert and user databases "
            + "(default: data_dir from the config, else /var/lib/mibwatch)")
    Path data;

    /** The config once read: one command reads its config file once. */
    private MibwatchConfig loaded;

    /** The config file the rule picks; it need not exist. */
    Path configFile() {
        if (config != null) return config;
        if (data != null && Files.isRegularFile(new DataDir(data).config())) return new DataDir(data).config();
        return DEFAULT_CONFIG;
    }

    /** The config when one is found; an explicit {@code --config} that does not exist is an error. */
    Optional<MibwatchConfig> optionalConfig() {
        if (config == null && !Files.isRegularFile(configFile())) return Optional.empty();
        return Optional.of(requiredConfig());
    }

    /** The config, for commands that cannot run without one. */
    MibwatchConfig requiredConfig() {
        if (loaded == null) loaded = load(configFile());
        return loaded;
    }

    /** The data directory the rule picks; it need not exist. */
    DataDir dataDir() {
        if (data != null) return new DataDir(data);
        return optionalConfig().map(MibwatchConfig::dataDir).map(DataDir::new).orElse(new DataDir(DEFAULT_DATA));
    }

    /** The data directory, which must exist (to open its databases). */
    DataDir existingDataDir() {
        DataDir dir = dataDir();
        requireDirectory(dir.root());
        return dir;
    }

    /** The data directory, whose {@code rrd/} must exist (to read stored series). */
    DataDir withRrd() {
        DataDir dir = dataDir();
        requireDirectory(dir.rrd());
        return dir;
    }

    /**
     * The data directory for a command that writes into it ({@code serve}): created when missing.
     * A path that cannot be a writable directory fails naming it and where it came from.
     */
    DataDir createdDataDir() {
        DataDir dir = dataDir();
        try {
            Files.createDirectories(dir.root());
        } catch (FileSystemException e) {
            throw new CliFailure("cannot create the data directory " + dir.root() + " (" + dataSource() + "): "
                    + reason(e));
        } catch (IOException e) {
            throw new CliFailure("cannot create the data directory " + dir.root() + " (" + dataSource() + "): "
                    + e.getMessage());
        }
        if (!Files.isWritable(dir.root())) {
            throw new CliFailure("the data directory " + dir.root() + " (" + dataSource() + ") is not writable");
        }
        return dir;
    }

    /** What the file system said, without the exception's class name (which means nothing to an operator). */
    private static String reason(FileSystemException e) {
        if (e instanceof NoSuchFileException) {
            return "a parent directory does not exist or cannot hold directories (" + e.getFile() + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied (" + e.getFile() + ")";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that is not a directory is in the way (" + e.getFile() + ")";
        }
        return e.getReason() != null ? e.getReason() + " (" + e.getFile() + ")" : e.getMessage();
    }

    /** The one "no data directory" error: names the missing directory and where its path came from. */
    private void requireDirectory(Path dir) {
        if (Files.isDirectory(dir)) return;
        throw new CliFailure("no data directory " + dir + " (" + dataSource() + ")");
    }

    /** Where the data directory's path came from: the option, the config's data_dir, or the default. */
    private String dataSource() {
        MibwatchConfig cfg = data == null ? optionalConfig().orElse(null) : null;
        if (data != null) {
            return "--data " + data;
        } else if (cfg != null && cfg.dataDir() != null) {
            return "data_dir " + cfg.dataDir() + " in " + configFile();
        }
        return "the default " + DEFAULT_DATA + "; use --data DIR or --config FILE";
    }

    /** Reads a config file; a missing or invalid one fails with the config exit code. */
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
}
