package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.key;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a secret value: inline text, {@code {file: PATH}} (first line, trimmed: files written by
 * editors end in a newline) or {@code {env: NAME}}. Files and the environment keep secrets out of
 * the main config, which is world-readable on many systems; the secret files can then be readable
 * by the service user only. Errors name the file or variable, never the value.
 */
final class SecretReader {

    private static final Set<String> KEYS = Set.of("file", "env");

    private final Problems problems;
    private final Path baseDir;
    private final Function<String, String> env;

    /**
     * @param baseDir relative secret file paths are resolved against this (the config file's
     *                directory), or against the working directory when null
     * @param env     environment lookup (System::getenv in production)
     */
    SecretReader(Problems problems, Path baseDir, Function<String, String> env) {
        this.problems = problems;
        this.baseDir = baseDir;
        this.env = env;
    }

    /** The secret at {@code path}, or null after recording an error. */
    Secret read(String path, JsonNode n) {
        String value;
        String from = "";
        if (n.isObject()) {
            problems.unknownKeys(path, n, KEYS);
            JsonNode file = n.get("file");
            JsonNode var = n.get("env");
            if (absent(file) == absent(var)) {
                problems.add(path, null, "give the secret inline, or exactly one of {file: PATH} or {env: NAME}");
                return null;
            }
            if (!absent(file)) {
                String f = problems.requiredText(key(path, "file"), file);
                if (f == null) {
                    return null;
                }
                value = readFile(key(path, "file"), f);
                from = " (read from file " + f + ")";
            } else {
                String name = problems.requiredText(key(path, "env"), var);
                if (name == null) {
                    return null;
                }
                value = env.apply(name);
                if (value == null) {
                    problems.add(key(path, "env"), name, "environment variable is not set");
                    return null;
                }
                from = " (from environment variable " + name + ")";
            }
            if (value == null) {
                return null;
            }
        } else {
            value = problems.text(path, n);
            if (value == null) {
                return null;
            }
        }
        if (value.isEmpty()) {
            problems.add(path, null, "must not be empty" + from);
            return null;
        }
        return Secret.of(value);
    }

    /** Where the secret came from, for follow-up messages (length checks): "" for inline values. */
    static String origin(JsonNode n) {
        if (n != null && n.isObject()) {
            if (!absent(n.get("file"))) {
                return " (read from file " + n.get("file").asText() + ")";
            }
            if (!absent(n.get("env"))) {
                return " (from environment variable " + n.get("env").asText() + ")";
            }
        }
        return "";
    }

    private String readFile(String path, String written) {
        Path p;
        try {
            p = baseDir == null ? Path.of(written) : baseDir.resolve(written);
        } catch (InvalidPathException e) {
            problems.add(path, written, "not a valid file path: " + e.getReason());
            return null;
        }
        try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null) {
                problems.add(path, written, "secret file " + p + " is empty");
                return null;
            }
            return line.trim();
        } catch (NoSuchFileException e) {
            problems.add(path, written, "secret file " + p + " does not exist");
        } catch (AccessDeniedException e) {
            problems.add(path, written, "secret file " + p + " is not readable by this user");
        } catch (IOException e) {
            problems.add(path, written, "cannot read secret file " + p + ": " + e.getMessage());
        }
        return null;
    }
}
