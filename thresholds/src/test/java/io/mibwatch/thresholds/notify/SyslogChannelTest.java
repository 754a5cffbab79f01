package io.mibwatch.thresholds.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.core.alert.NotificationKind;
import io.mibwatch.core.alert.Severity;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SyslogChannelTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456789Z");

    private static Notification n(NotificationKind kind, Severity s) {
        return new Notification("n-1", "cpu|core1", kind, s, "core1 cpu 93%", "load5 93 > 90",
                Map.of("device", "core1", "metric", "load5"), AT);
    }

    static Stream<Arguments> priorities() {
        // PRI = facility * 8 + severity (RFC 5424 §6.2.1); facility 16 = local0
        return Stream.of(
                Arguments.of(NotificationKind.FIRING, Severity.CRITICAL, "<130>"),
                Arguments.of(NotificationKind.FIRING, Severity.WARNING, "<132>"),
                Arguments.of(NotificationKind.FIRING, Severity.INFO, "<134>"),
                Arguments.of(NotificationKind.RESOLVED, Severity.CRITICAL, "<133>"),
                Arguments.of(NotificationKind.SEVERITY_CHANGED, Severity.CRITICAL, "<130>"));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("priorities")
    void mapsSeverityAndKindToPri(NotificationKind kind, Severity s, String pri) {
        assertTrue(SyslogChannel.format(n(kind, s), 16, "nms1").startsWith(pri + "1 "));
    }

    @Test
    void formatsAnRfc5424MessageWithStructuredData() {
        assertEquals("<130>1 2026-03-01T10:00:00.123456Z nms1.example mibwatch - FIRING"
                        + " [mibwatch@32473 id=\"n-1\" alert=\"cpu|core1\" severity=\"CRITICAL\" device=\"core1\""
                        + " metric=\"load5\"] \uFEFFcore1 cpu 93% - load5 93 > 90",
                SyslogChannel.format(n(NotificationKind.FIRING, Severity.CRITICAL), 16, "nms1.example"));
    }

    @Test
    void escapesParamValuesAndDropsIllegalNameCharacters() {
        Notification odd = new Notification("n\"]\\", "a", NotificationKind.FIRING, Severity.WARNING, "t", "",
                Map.of("if name", "Gi0/1 \"uplink]\"", "id", "shadowed"), AT);
        String msg = SyslogChannel.format(odd, 1, "-");
        assertTrue(msg.contains("id=\"n\\\"\\]\\\\\" alert=\"a\" severity=\"WARNING\" ifname=\"Gi0/1 \\\"uplink\\]\\\"\"]"),
                msg);
    }

    @Test
    void truncatesTo2048OctetsOnACharacterBoundary() {
        String body = "é".repeat(3000);   // 2 octets each
        Notification big = new Notification("n", "a", NotificationKind.FIRING, Severity.INFO, "t", body, Map.of(), AT);
        byte[] bytes = SyslogChannel.encode(SyslogChannel.format(big, 16, "h"));
        assertTrue(bytes.length <= 2048 && bytes.length >= 2047, "length " + bytes.length);
        String back = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(back.endsWith("é"), "no broken character at the end");
    }

    @Test
    void sendsOneDatagramToARealUdpListener() throws Exception {
        try (DatagramSocket listener = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            listener.setSoTimeout(5000);
            SyslogChannel ch = new SyslogChannel(
                    new SyslogChannel.Config("syslog", "127.0.0.1", listener.getLocalPort(), 16, "nms1"));
            Notification n = n(NotificationKind.RESOLVED, Severity.WARNING);
            ch.send(n);
            DatagramPacket p = new DatagramPacket(new byte[4096], 4096);
            listener.receive(p);
            String got = new String(Arrays.copyOf(p.getData(), p.getLength()), StandardCharsets.UTF_8);
            assertEquals(SyslogChannel.format(n, 16, "nms1"), got);
            assertTrue(got.startsWith("<133>1 2026-03-01T10:00:00.123456Z nms1 mibwatch - RESOLVED ["), got);
        }
    }

    @Test
    void rejectsBadConfigNamingTheChannel() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SyslogChannel.Config("sl", "127.0.0.1", 514, 24, "h"));
        assertEquals("syslog channel 'sl': facility 24 is not in 0..23", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SyslogChannel.Config("sl", "127.0.0.1", 514, 16, "my host"));
        assertTrue(e.getMessage().startsWith("syslog channel 'sl': hostname 'my host' must be"), e.getMessage());
    }
}
