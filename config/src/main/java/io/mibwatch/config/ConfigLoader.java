package io.mibwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Reads {@code mibwatch.yaml} (format: the shipped {@code etc/mibwatch.yaml}, which documents
 * every key) into a validated {@link MibwatchConfig}, or fails with a {@link ConfigException}
 * listing every error at once, each with its key path and bad value.
 *
 * <p>The YAML is parsed to a tree ({@link YamlDocument}) and checked by hand
 * ({@link ConfigReader}) rather than bound to classes, because binding stops at the first
 * problem and cannot say "devices[2].port".
 */
public final class ConfigLoader {

    private ConfigLoader() {
    }

    /**
     * Loads and validates a config file. Relative {@code {file: ...}} secret paths are resolved
     * against the directory of {@code file}.
     */
    public static MibwatchConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = YamlDocument.text(file);
        } catch (YamlDocument.Unreadable e) {
            throw new ConfigException(file.toString(), List.of(e.error()));
        }
        Path dir = file.toAbsolutePath().getParent();
        return parse(text, file.toString(), dir, System::getenv);
    }

    /**
     * Validates config text. Relative secret file paths are resolved against the working directory.
     *
     * @param sourceName names the source in the exception message (a file name, "reload request")
     */
    public static MibwatchConfig parse(String yaml, String sourceName) throws ConfigException {
        return parse(yaml, sourceName, null, System::getenv);
    }

    /** As {@link #parse(String, String)} with the secret file base directory and environment injected (tests). */
    static MibwatchConfig parse(String yaml, String sourceName, Path baseDir, Function<String, String> env)
            throws ConfigException {
        JsonNode root;
        try {
            root = YamlDocument.tree(yaml, "mibwatch.yaml is one document");
        } catch (YamlDocument.Unreadable e) {
            throw new ConfigException(sourceName, List.of(e.error()));
        }
        ConfigReader.Outcome outcome = ConfigReader.validate(root, baseDir, env);
        if (!outcome.errors().isEmpty()) {
            throw new ConfigException(sourceName, outcome.errors());
        }
        return outcome.config();
    }
}
