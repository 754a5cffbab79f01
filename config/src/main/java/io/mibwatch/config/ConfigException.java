package io.mibwatch.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that does not validate, with every error found (not just the first), so one
 * edit-and-reload round fixes them all. The message names the source file and lists one error
 * per line; it never contains a secret (see {@link ConfigError}).
 */
public final class ConfigException extends Exception {

    private final String source;
    private final List<ConfigError> errors;

    public ConfigException(String source, List<ConfigError> errors) {
        super(null, null, false, false);
        this.source = Objects.requireNonNull(source, "source");
        this.errors = List.copyOf(errors);
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one error");
        }
    }

    /** The file (or other source name) the configuration came from. */
    public String source() {
        return source;
    }

    public List<ConfigError> errors() {
        return errors;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder(source).append(": ").append(errors.size())
                .append(errors.size() == 1 ? " configuration error" : " configuration errors");
        for (ConfigError e : errors) {
            sb.append('\n').append("  ").append(e);
        }
        return sb.toString();
    }
}
