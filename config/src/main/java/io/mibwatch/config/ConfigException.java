package io.mibwatch.config;

import java.util.List;
import java.util.Objects;

/**
 * A configuration that does not validate, with every error found (not just the first), so one
 * edit-and-reload round fixes them all. The message names the source file and lists one error
 * per line; it never contains a secret (see {@link ConfigError}).
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final List<ConfigError> errors;
    private final String what;

    public ConfigException(String source, List<ConfigError> errors) {
        this(source, errors, "configuration");
    }

    /**
     * For other validated YAML files (simulator scenarios, rule tests) that report errors the
     * same way; {@code what} names the kind of file in the message ("scenario").
     */
    protected ConfigException(String source, List<ConfigError> errors, String what) {
        super(null, null, false, false);
        this.source = Objects.requireNonNull(source, "source");
        this.errors = List.copyOf(errors);
        this.what = Objects.requireNonNull(what, "what");
        if (this.errors.isEmpty()) {
            throw new IllegalArgumentException("a " + getClass().getSimpleName() + " needs at least one error");
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
                .append(' ').append(what).append(errors.size() == 1 ? " error" : " errors");
        for (ConfigError e : errors) {
            sb.append('\n').append("  ").append(e);
        }
        return sb.toString();
    }
}
