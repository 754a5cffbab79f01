package io.mibwatch.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds ../shared/snmpdata (test data that is never copied into the repo) and free ports. */
final class TestData {
    private TestData() {
    }

    static Path snmpdata() {
        Path p = Path.of("").toAbsolutePath();
        for (; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata"), p.resolve("../shared/snmpdata")}) {
                if (Files.isDirectory(c.resolve("recordings"))) {
                    return c.normalize();
                }
            }
        }
        throw new IllegalStateException("../shared/snmpdata not found above " + Path.of("").toAbsolutePath());
    }

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
