package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code serve} refuses to start, with one line naming what is wrong, before it writes anything. */
class ServeStartupTest {
    @TempDir
    Path tmp;
    Path config;

    @BeforeEach
    void config() throws Exception {
        config = tmp.resolve("mibwatch.yaml");
        Files.writeString(config, "devices: []\n");
    }

    @Test
    void serveWithTheWebPortInUseNamesTheAddressAndPrintsNoAdminPassword() throws Exception {
        Path data = tmp.resolve("data");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String listen = "127.0.0.1:" + taken.getLocalPort();
            CliRun r = run("serve", "--config", config.toString(), "--data", data.toString(), "--http-listen", listen);
            assertEquals(ExitCodes.FAILURE, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("--http-listen " + listen) && r.err().contains("in use"), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(r.out().contains("first admin password"), r.out());
            assertFalse(Files.exists(data.resolve("web.db")), "no half-initialised user database");
        }
    }

    @Test
    void demoWithTheWebPortInUseNamesTheAddressBeforeWritingHistory() throws Exception {
        Path data = tmp.resolve("demo");
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String listen = "127.0.0.1:" + taken.getLocalPort();
            CliRun r = run("demo", "--data", data.toString(), "--http-listen", listen, "--history-days", "1");
            assertEquals(ExitCodes.FAILURE, r.code(), r.out() + r.err());
            assertTrue(r.err().contains("--http-listen " + listen) && r.err().contains("in use"), r.err());
            assertFalse(r.out().contains("first admin password"), r.out());
            assertFalse(Files.exists(data.resolve("rrd")), "no history written for a demo that cannot start");
        }
    }

    @Test
    void serveWithADataDirectoryThatCannotBeCreatedNamesTheOptionAndPath() throws Exception {
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Path data = file.resolve("data");
        CliRun r = run("serve", "--config", config.toString(), "--data", data.toString(), "--http-listen", "127.0.0.1:0");
        assertEquals(ExitCodes.FAILURE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--data " + data), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void serveDataInProcNamesTheOptionAndPathNotNoSuchFileException() {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs procfs");
        CliRun r = run("serve", "--config", config.toString(), "--data", "/proc/nope", "--http-listen", "127.0.0.1:0");
        assertEquals(ExitCodes.FAILURE, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("--data /proc/nope"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
