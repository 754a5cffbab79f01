package io.mibwatch.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code mibwatch.yaml} (format: the shipped {@code etc/mibwatch.yaml}, which documents
 * every key) into a validated {@link MibwatchConfig}, or fails with a {@link ConfigException}
 * listing every error at once, each with its key path and bad value.
 *
 * <p>The YAML is parsed to a tree and checked by hand rather than bound to classes, because
 * binding stops at the first problem and cannot say "devices[2].port". Duplicate keys are errors
 * (YAML would silently keep the last one, hiding a half-edited entry).
 */
public final class ConfigLoader {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /**
     * Loads and validates a config file. Relative {@code {file: ...}} secret paths are resolved
     * against the directory of {@code file}.
     */
    public static MibwatchConfig load(Path file) throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("", null, "file does not exist")));
        } catch (CharacterCodingException e) {
            throw new ConfigException(file.toString(), List.of(new ConfigError("", null, "not UTF-8 text")));
        } catch (IOException e) {
            throw new ConfigException(file.toString(),
                    List.of(new ConfigError("", null, "cannot read: " + e.getMessage())));
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
            root = readSingleDocument(yaml);
        } catch (SyntaxError e) {
            throw new ConfigException(sourceName, List.of(e.error));
        }
        ConfigReader.Outcome outcome = ConfigReader.validate(root, baseDir, env);
        if (!outcome.errors().isEmpty()) {
            throw new ConfigException(sourceName, outcome.errors());
        }
        return outcome.config();
    }

    private static final class SyntaxError extends Exception {
        final ConfigError error;

        SyntaxError(ConfigError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    /** The document's tree; null for an empty file. A second document (---) is an error, not ignored. */
    private static JsonNode readSingleDocument(String yaml) throws SyntaxError {
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            JsonNode first = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new SyntaxError(new ConfigError("", null, "more than one YAML document (a second '---' "
                        + "near line " + parser.currentLocation().getLineNr() + "); mibwatch.yaml is one document"));
            }
            return first == null || first.isMissingNode() ? null : first;
        } catch (JsonProcessingException e) {
            throw new SyntaxError(new ConfigError("", null, "malformed YAML " + describe(e)));
        } catch (IOException e) {
            throw new SyntaxError(new ConfigError("", null, "cannot read YAML: " + e.getMessage()));
        }
    }

    /**
     * "at line L, column C: problem (context)". Built from SnakeYAML's marks, not its message:
     * that message quotes the offending source line, which may hold a community or pass phrase.
     */
    static String describe(JsonProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYAMLException m && m.getProblemMark() != null) {
                Mark pm = m.getProblemMark();
                StringBuilder sb = new StringBuilder("at line ").append(pm.getLine() + 1)
                        .append(", column ").append(pm.getColumn() + 1).append(": ").append(m.getProblem());
                if (m.getContext() != null) {
                    sb.append(" (").append(m.getContext());
                    Mark cm = m.getContextMark();
                    if (cm != null) {
                        sb.append(" started at line ").append(cm.getLine() + 1)
                                .append(", column ").append(cm.getColumn() + 1);
                    }
                    sb.append(')');
                }
                return sb.toString();
            }
        }
        JsonLocation loc = e.getLocation();
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int nl = original.indexOf('\n');
        String problem = nl >= 0 ? original.substring(0, nl) : original;
        return (loc == null ? "" : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr()) + ": " + problem;
    }
}
