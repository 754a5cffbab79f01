package io.mibwatch.simulator.scenario;

import io.mibwatch.config.ConfigError;
import io.mibwatch.config.ConfigException;
import java.util.List;

/**
 * A scenario file that does not validate, with every error found (key path such as
 * {@code faults[3].delay}, the value as written, what is wrong), in the same form as
 * mibwatch.yaml errors.
 */
public final class ScenarioException extends ConfigException {
    private static final long serialVersionUID = 1L;

    public ScenarioException(String source, List<ConfigError> errors) {
        super(source, errors, "scenario");
    }
}
