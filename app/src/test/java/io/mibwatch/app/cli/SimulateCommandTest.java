package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SimulateCommandTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
            "--listen 0.0.0.0:20000; only loopback addresses",
            "--listen 192.0.2.7:20000; only loopback addresses",
            "--listen 127.0.0.1:70000; port '70000' is not 1-65535",
            "--speed -1; --speed must be a number >= 0",
            "--v3-user u; go together",
            "--v3-user u --v3-auth-pass short --v3-priv-pass long-enough; shorter than 8 characters",
            "--v3-auth-pass long-enough; go together",
            "--v3-user u --auth-pass short --priv-pass long-enough; shorter than 8 characters",
            "--v3-user u --v3-auth-pass long-enough --v3-priv-pass long-enough --auth-proto MD5; --auth-proto 'MD5': the simulator's v3 user authenticates with SHA only",
            "--v3-user u --v3-auth-pass long-enough --v3-priv-pass long-enough --priv-proto DES; --priv-proto 'DES': the simulator's v3 user encrypts with AES-128 only",
            "--v3-user u --v3-auth-pass long-enough --v3-priv-pass long-enough --auth-proto SHA-999; --auth-proto 'SHA-999': expected one of",
            "--v3-user u --v3-auth-pass long-enough --v3-priv-pass long-enough --context c1; --context 'c1'"})
    void refusesBadOptionsWithAClearMessage(String options, String message, @TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("d.snmprec"), "1.3.6.1.2.1.1.5.0|4|d\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = ("simulate --data " + dir + " " + options).split(" ");
        int rc = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        assertEquals(ExitCodes.USAGE, rc, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {"missing; not a directory or .snmprec file", "empty; no .snmprec files"})
    void refusesDataWithoutRecordings(String what, String message, @TempDir Path dir) {
        Path data = what.equals("missing") ? dir.resolve("nope") : dir;
        StringWriter err = new StringWriter();
        int rc = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "simulate", "--data", data.toString());
        assertEquals(ExitCodes.USAGE, rc, err.toString());
        assertTrue(err.toString().contains(message), err.toString());
    }
}
