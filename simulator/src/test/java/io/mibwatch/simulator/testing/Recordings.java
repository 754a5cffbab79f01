package io.mibwatch.simulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The shared recordings (../shared/snmpdata/recordings, never copied into the repo), found by walking up. */
public final class Recordings {
    private Recordings() {
    }

    public static Path dir() {
        Path start = Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata/recordings"), p.resolve("../shared/snmpdata/recordings")}) {
                if (Files.isDirectory(c)) return c.normalize();
            }
        }
        throw new IllegalStateException("no shared/snmpdata/recordings above " + start);
    }

    /** All {@code .snmprec} files, sorted by name. */
    public static List<Path> all() {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".snmprec")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Path file(String name) {
        return dir().resolve(name + ".snmprec");
    }
}
