package io.mibwatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** One-shot commands against a port where no agent listens (loopback): timeout, exit 1, one line. */
class CliIT {
    @Test
    void timeoutIsOneLineAndExitOne() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int port = TestData.freeUdpPort();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), "get", "-t", "0.3", "-r", "1",
                "127.0.0.1:" + port, "1.3.6.1.2.1.1.1.0");
        assertEquals(1, code);
        assertEquals("", out.toString());
        String e = err.toString().strip();
        assertEquals(1, e.lines().count(), e);
        assertTrue(e.startsWith("mibwatch get: timeout: 127.0.0.1:" + port), e);
    }
}
