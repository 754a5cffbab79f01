package io.mibwatch.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.yaml.YamlReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link YamlReader} of mibwatch.yaml: problems become {@link ConfigError}s (which mask
 * secrets), and durations are read in the config's grammar ({@link DurationText}).
 */
final class Problems extends YamlReader {

    private final List<ConfigError> errors;

    Problems() {
        this(new ArrayList<>());
    }

    private Problems(List<ConfigError> errors) {
        super((path, value, message) -> errors.add(new ConfigError(path, value, message)), ConfigError::isSecretPath);
        this.errors = errors;
    }

    List<ConfigError> list() {
        return List.copyOf(errors);
    }

    /** A positive duration: {@code 500ms, 5s, 1m, 1h} or whole seconds. */
    Duration duration(String path, JsonNode n) {
        return duration(path, n, DurationText::parse, DurationText.EXAMPLES);
    }
}
