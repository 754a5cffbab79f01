package io.mibwatch.app.cli;

import static io.mibwatch.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors of the CLI, run in-process. */
class CliTest {
    @TempDir
    Path tmp;

    @Test
    void versionExitsZero() {
        CliRun r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().startsWith("mibwatch "), r.out());
    }

    @Test
    void configCheckReportsEveryErrorWithPathAndValueAndExitsThree() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, """
                credentials:
                  c1: {community: s3cr3t-community}
                devices:
                  - {name: a, address: 127.0.0.1, port: 70000, credentials: c1}
                  - {name: b, address: 127.0.0.1, credentials: nope, interval: fast}
                """);
        CliRun r = run("config", "check", f.toString());
        assertEquals(ExitCodes.CONFIG, r.code());
        assertTrue(r.err().contains("devices[0].port") && r.err().contains("70000"), r.err());
        assertTrue(r.err().contains("devices[1].credentials") && r.err().contains("nope"), r.err());
        assertTrue(r.err().contains("devices[1].interval") && r.err().contains("fast"), r.err());
        assertFalse(r.err().contains("s3cr3t-community"), "secrets never printed");
    }

    @Test
    void configCheckOfTheShippedExampleIsOk() {
        Path shipped = Path.of("").toAbsolutePath();
        while (!Files.exists(shipped.resolve("etc/mibwatch.yaml"))) shipped = shipped.getParent();
        CliRun r = run("config", "check", shipped.resolve("etc/mibwatch.yaml").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("OK"), r.out());
    }

    @Test
    void missingConfigFileIsOneLineExitThree() {
        CliRun r = run("serve", "--config", tmp.resolve("absent.yaml").toString(), "--data", tmp.toString());
        assertEquals(ExitCodes.CONFIG, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("absent.yaml"), r.err());
    }

    @Test
    void badOidIsAUsageError() {
        CliRun r = run("get", "127.0.0.1", "ifDescr.1");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("'ifDescr.1'"), r.err());
    }

    @Test
    void getOidSubIdentifierOutOfRangeIsAUsageErrorNamingTheOid() {
        for (String cmd : new String[] {"get", "walk"}) {
            CliRun r = run(cmd, "127.0.0.1", "1.3.6.1.99999999999999999999");
            assertEquals(ExitCodes.USAGE, r.code(), r.err());
            assertTrue(r.err().contains("'1.3.6.1.99999999999999999999'"), r.err());
            assertTrue(r.err().contains("99999999999999999999 is out of range 0..4294967295"), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        CliRun r = run("get", "127.0.0.1", "1.3.6.1.4294967296");
        assertEquals(ExitCodes.USAGE, r.code(), r.err());
        assertTrue(r.err().contains("4294967296 is out of range 0..4294967295"), r.err());
    }

    @Test
    void configCheckOfAConfigWithoutDevicesSaysItHasNoneAndWhereToAddThem() throws Exception {
        Path empty = tmp.resolve("empty.yaml");
        Files.writeString(empty, "");
        Path none = tmp.resolve("none.yaml");
        Files.writeString(none, "devices: []\n");
        for (Path f : new Path[] {empty, none}) {
            CliRun r = run("config", "check", f.toString());
            // valid (the packaged config has no devices), but it polls nothing: say so on stderr
            assertEquals(ExitCodes.OK, r.code(), r.err());
            assertTrue(r.out().contains("OK, but no devices"), r.out());
            assertTrue(r.err().contains("no devices") && r.err().contains("devices:") && r.err().contains(f.toString()),
                    r.err());
        }
    }

    @Test
    void privacyWithoutAuthenticationIsRefused() {
        CliRun r = run("get", "--v3-user", "u", "--priv-proto", "AES", "--priv-pass", "p4ssw0rd!", "127.0.0.1", "1.3.6.1.2.1.1.1.0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("no privacy without authentication"), r.err());
        assertFalse(r.err().contains("p4ssw0rd!"), r.err());
    }

    @Test
    void unknownAuthProtocolNamesTheValue() {
        CliRun r = run("get", "--v3-user", "u", "--auth-proto", "SHA-999", "--auth-pass", "x", "127.0.0.1", "1.3.6.1.2.1.1.1.0");
        assertEquals(ExitCodes.USAGE, r.code());
        assertTrue(r.err().contains("'SHA-999'"), r.err());
    }

    @Test
    void queryWithoutDataIsOneLineFailure() {
        CliRun r = run("query", "core1", "interfaces/1/inOctets", "--data", tmp.resolve("none").toString());
        assertEquals(ExitCodes.FAILURE, r.code());
        assertTrue(r.err().contains("no data directory"), r.err());
    }
}
