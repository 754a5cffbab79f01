package io.mibwatch.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Debian's snmpsim (0.4.5) serving the shared recordings on 127.0.0.1, one
 * community per file, as the recordings' acceptance test needs.
 *
 * <p>snmpsim itself trips on two files: OIDs containing {@code xx}
 * (windows_svr_2019_1809) crash its indexer and {@code <private>} IpAddress values
 * (nxos_n3k-3064pq) stop its walk. Those lines are removed from the copy served
 * here (made at test time, never committed) and counted as invalid.
 */
final class SnmpsimFixture implements AutoCloseable {
    private static final Pattern NUMERIC_OID = Pattern.compile("\\d+(\\.\\d+)*");
    private static final Pattern DOTTED_QUAD = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    final Path dir;
    final int port;
    final Map<String, Integer> removedInvalid = new LinkedHashMap<>();
    private final Process process;

    SnmpsimFixture(Path recordings, Path work) throws IOException, InterruptedException {
        this.dir = work;
        Path data = Files.createDirectories(work.resolve("data"));
        Path cache = Files.createDirectories(work.resolve("cache"));
        try (Stream<Path> files = Files.list(recordings)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".snmprec")).sorted().toList()) {
                List<String> lines = Files.readAllLines(f, StandardCharsets.ISO_8859_1);
                List<String> kept = new ArrayList<>(lines.size());
                int removed = 0;
                for (String line : lines) {
                    if (invalidForSnmpsim(line)) removed++;
                    else kept.add(line);
                }
                removedInvalid.put(name(f), removed);
                Files.write(data.resolve(f.getFileName()), kept, StandardCharsets.ISO_8859_1);
            }
        }
        // snmpsimd drops privileges to nobody: it must read the data and write its index cache
        for (Path p : List.of(work, data)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.setPosixFilePermissions(cache, PosixFilePermissions.fromString("rwxrwxrwx"));
        try (Stream<Path> s = Files.list(data)) {
            for (Path p : s.toList()) Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-r--r--"));
        }
        port = TestData.freeUdpPort();
        process = new ProcessBuilder("snmpsimd", "--process-user=nobody", "--process-group=nogroup",
                "--data-dir=" + data, "--cache-dir=" + cache, "--agent-udpv4-endpoint=127.0.0.1:" + port,
                "--logging-method=file:" + work.resolve("snmpsimd.log"))
                .redirectErrorStream(true).redirectOutput(work.resolve("snmpsimd.out").toFile()).start();
        awaitReady();
    }

    static String name(Path f) {
        String n = f.getFileName().toString();
        return n.substring(0, n.length() - ".snmprec".length());
    }

    /** The lines snmpsim 0.4.5 cannot serve: non-numeric OIDs and IpAddress values that are not 4 bytes. */
    static boolean invalidForSnmpsim(String line) {
        String l = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        String[] parts = l.split("\\|", 3);
        if (parts.length < 3) return false; // blank/junk lines: snmpsim skips them itself
        if (!NUMERIC_OID.matcher(parts[0]).matches()) return true;
        // an IpAddress is a dotted quad or its 4 raw bytes (e.g. "J}M}"); "<private>" is neither
        return parts[1].equals("64") && !DOTTED_QUAD.matcher(parts[2]).matches() && parts[2].length() != 4;
    }

    private void awaitReady() throws IOException, InterruptedException {
        // Indexing 43 files takes a while on first start; poll with a cheap GET.
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("snmpsimd exited: " + Files.readString(dir.resolve("snmpsimd.out")));
            }
            Process p = new ProcessBuilder("snmpget", "-v2c", "-c", "apc_smx750i", "-t", "1", "-r", "0", "-On",
                    "127.0.0.1:" + port, ".1.3.6.1.2.1.1.1.0").redirectErrorStream(true).start();
            p.waitFor(5, TimeUnit.SECONDS);
            if (p.exitValue() == 0) return;
            Thread.sleep(500);
        }
        throw new IOException("snmpsimd did not answer within 180 s on 127.0.0.1:" + port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly();
    }
}
