package io.mibwatch.simulator.snmprec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads {@code .snmprec} files for a fleet, sharing one {@link Recording} between files with
 * identical content (10,000 devices made of a few dozen walks cost a few dozen recordings).
 * Not thread-safe; load, then hand the result to the agent.
 */
public final class RecordingLibrary {
    /** A device to simulate: its name (file name without .snmprec) and its, possibly shared, recording. */
    public record Named(String device, Path file, Recording recording) {
    }

    private final Map<String, Recording> byDigest = new HashMap<>();

    /** Distinct recordings loaded so far. */
    public int distinct() {
        return byDigest.size();
    }

    /** One file; identical content loaded before is not parsed again. */
    public Recording load(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + file + ": " + e.getMessage(), e);
        }
        String digest = sha256(content);
        Recording known = byDigest.get(digest);
        if (known != null) return known;
        Recording r = SnmprecReader.parse(SnmprecReader.deviceName(file), file.getFileName().toString(), content);
        byDigest.put(digest, r);
        return r;
    }

    /**
     * Every {@code *.snmprec} under the given files/directories (directories not recursed), ordered by
     * device name (file name), which is the order devices get their ports in.
     *
     * @throws IllegalArgumentException naming the path if one does not exist, is no .snmprec file, or two files have the same name
     */
    public List<Named> loadAll(List<Path> paths) {
        TreeMap<String, Path> files = new TreeMap<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    for (Path f : s.filter(f -> f.getFileName().toString().endsWith(".snmprec") && Files.isRegularFile(f)).toList()) {
                        put(files, f);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list " + p + ": " + e.getMessage(), e);
                }
            } else if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".snmprec")) {
                put(files, p);
            } else {
                throw new IllegalArgumentException(p + ": not a directory or .snmprec file");
            }
        }
        List<Named> out = new ArrayList<>(files.size());
        files.forEach((name, f) -> out.add(new Named(name, f, load(f))));
        return out;
    }

    private static void put(Map<String, Path> files, Path f) {
        Path old = files.put(SnmprecReader.deviceName(f), f);
        if (old != null && !old.equals(f)) {
            throw new IllegalArgumentException("two recordings for device " + SnmprecReader.deviceName(f) + ": " + old + " and " + f);
        }
    }

    private static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
