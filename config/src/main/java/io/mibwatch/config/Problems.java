package io.mibwatch.config;

import io.mibwatch.core.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link YamlReader} of mibwatch.yaml: problems become {@link ConfigError}s (which mask
 * secrets).
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
}
