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
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads a hand-checked YAML file (mibwatch.yaml, simulator scenarios) into one tree for its
 * reader. Duplicate keys are errors (YAML would silently keep the last one, hiding a half-edited
 * entry), and so is a second document ({@code ---}): it would be ignored otherwise.
 */
public final class YamlDocument {

    private static final YAMLMapper MAPPER = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private YamlDocument() {
    }

    /** A file or text that cannot be read as one YAML document; {@link #error()} says why. */
    public static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        private final transient ConfigError error;

        Unreadable(String message) {
            super(null, null, false, false);
            this.error = new ConfigError("", null, message);
        }

        public ConfigError error() {
            return error;
        }
    }

    /** The file's text, which must exist and be UTF-8. */
    public static String text(Path file) throws Unreadable {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Unreadable("file does not exist");
        } catch (CharacterCodingException e) {
            throw new Unreadable("not UTF-8 text");
        } catch (IOException e) {
            throw new Unreadable("cannot read: " + e.getMessage());
        }
    }

    /**
     * The document's tree; null for an empty text.
     *
     * @param oneDocument ends the "more than one document" error: "mibwatch.yaml is one document"
     */
    public static JsonNode tree(String yaml, String oneDocument) throws Unreadable {
        try (JsonParser parser = MAPPER.createParser(yaml)) {
            JsonNode first = MAPPER.readTree(parser);
            if (parser.nextToken() != null) {
                throw new Unreadable("more than one YAML document (a second '---' near line "
                        + parser.currentLocation().getLineNr() + "); " + oneDocument);
            }
            return first == null || first.isMissingNode() ? null : first;
        } catch (JsonProcessingException e) {
            throw new Unreadable("malformed YAML " + describe(e));
        } catch (IOException e) {
            throw new Unreadable("cannot read YAML: " + e.getMessage());
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
