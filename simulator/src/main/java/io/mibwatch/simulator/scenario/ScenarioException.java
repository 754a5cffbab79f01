package io.mibwatch.simulator.scenario;

import io.mibwatch.config.ConfigError;
import java.util.List;
import java.util.Objects;

/**
 * A scenario file that does not validate, with every error found (key path such as
 * {@code faults[3].delay}, the value as written, what is wrong), in the same form as
 * mibwatch.yaml errors ({@link io.mibwatch.config.ConfigException}).
 */
public final class ScenarioException extends Exception {

    private final String source;
    private final List<ConfigError> errors;

    public ScenarioException(String source, List<ConfigError> errors) {
        super(null, null, false, false);
        this.source = Objects.requireNonNull(source, "source");
        this.errors = List.copyOf(errors);
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one error");
        }
    }

    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(source).append(": ").append(errors.size())
                .append(errors.size() == 1 ? " scenario error" : " scenario errors");
        for (ConfigError e : errors) {
            sb.append('\n').append("  ").append(e);
        }
        return sb.toString();
    }
}
