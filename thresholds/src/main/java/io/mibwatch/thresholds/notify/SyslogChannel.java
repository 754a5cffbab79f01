package io.mibwatch.thresholds.notify;

import io.mibwatch.core.alert.NotificationKind;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * Sends each notification as one RFC 5424 syslog message in one UDP datagram (RFC 5426).
 *
 * <pre>&lt;PRI&gt;1 TIMESTAMP HOSTNAME mibwatch - KIND [mibwatch@32473 id="..." alert="..." severity="..." label="..."] BOM title - body</pre>
 *
 * PRI = facility * 8 + severity (RFC 5424 §6.2.1): CRITICAL -> 2 crit, WARNING -> 4 warning,
 * INFO -> 6 info; a RESOLVED notification is 5 notice. MSGID is the kind (§6.2.7). The SD-ID uses
 * enterprise number 32473, the one reserved for documentation (RFC 5612), until the project has
 * its own. Messages are truncated to 2048 octets, the size every receiver should accept
 * (RFC 5426 §3.2), on a UTF-8 character boundary. UDP gives no acknowledgement: "sent" means handed
 * to the local kernel.
 */
public final class SyslogChannel implements Channel {

    static final int MAX_OCTETS = 2048;
    private static final String SD_ID = "mibwatch@32473";

    /**
     * @param name     channel name
     * @param host     syslog receiver
     * @param port     usually 514
     * @param facility 0..23, e.g. 16 = local0 (RFC 5424 Table 1)
     * @param hostname HOSTNAME field (FQDN of this appliance), or "-"
     */
    public record Config(String name, String host, int port, int facility, String hostname) {
        public Config {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(hostname, "hostname");
            String where = "syslog channel '" + name + "': ";
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException(where + "port " + port + " is not in 1..65535");
            }
            if (facility < 0 || facility > 23) {
                throw new IllegalArgumentException(where + "facility " + facility + " is not in 0..23");
            }
            if (hostname.isEmpty() || hostname.length() > 255 || !printUsAscii(hostname)) {
                throw new IllegalArgumentException(where + "hostname '" + hostname
                        + "' must be 1..255 printable US-ASCII characters (RFC 5424 §6.2.4)");
            }
        }
    }

    private final Config config;

    public SyslogChannel(Config config) {
        this.config = config;
    }

    @Override
    public String name() {
        return config.name();
    }

    @Override
    public void send(Notification n) throws DeliveryException {
        byte[] bytes = encode(format(n, config.facility(), config.hostname()));
        String where = "syslog " + name() + " udp://" + config.host() + ":" + config.port();
        InetSocketAddress to = new InetSocketAddress(config.host(), config.port());
        if (to.isUnresolved()) {
            throw new DeliveryException(where + ": cannot resolve " + config.host());
        }
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(bytes, bytes.length, to));
        } catch (IOException e) {
            throw new DeliveryException(where + ": " + e.getMessage());
        }
    }

    /** RFC 5424 severity for a notification. */
    static int severity(Notification n) {
        if (n.kind() == NotificationKind.RESOLVED) {
            return 5;
        }
        return switch (n.severity()) {
            case CRITICAL -> 2;
            case WARNING -> 4;
            case INFO -> 6;
        };
    }

    /** The message text, before encoding and truncation. Pure. */
    public static String format(Notification n, int facility, String hostname) {
        StringBuilder sb = new StringBuilder();
        sb.append('<').append(facility * 8 + severity(n)).append(">1 ");
        // TIME-SECFRAC allows at most 6 digits (§6.2.3); Instant prints 0, 3, 6 or 9
        sb.append(n.at().truncatedTo(ChronoUnit.MICROS)).append(' ');
        sb.append(hostname).append(" mibwatch - ").append(n.kind().name()).append(' ');
        sb.append('[').append(SD_ID);
        param(sb, "id", n.id());
        param(sb, "alert", n.alertId());
        param(sb, "severity", n.severity().name());
        for (Map.Entry<String, String> e : n.sortedLabels().entrySet()) {
            String key = sdName(e.getKey());
            if (!key.isEmpty() && !key.equals("id") && !key.equals("alert") && !key.equals("severity")) {
                param(sb, key, e.getValue());
            }
        }
        sb.append("] \uFEFF");   // MSG-UTF8 starts with a BOM (§6.4)
        sb.append(n.title());
        if (!n.body().isEmpty()) {
            sb.append(" - ").append(n.body());
        }
        return sb.toString();
    }

    /** UTF-8, cut to {@link #MAX_OCTETS} without splitting a character. */
    static byte[] encode(String message) {
        CharsetEncoder enc = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(MAX_OCTETS);
        enc.encode(CharBuffer.wrap(message), out, true);   // stops before a character that does not fit
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /** PARAM-VALUE escaping: '"', '\' and ']' get a backslash (§6.3.3). */
    private static void param(StringBuilder sb, String name, String value) {
        sb.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\' || c == ']') {
                sb.append('\\');
            }
            sb.append(c);
        }
        sb.append('"');
    }

    /** SD-NAME: 1..32 printable US-ASCII except '=', ' ', ']', '"' (§6.3.3); others are dropped. */
    static String sdName(String key) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < key.length() && sb.length() < 32; i++) {
            char c = key.charAt(i);
            if (c > 32 && c < 127 && c != '=' && c != ']' && c != '"') {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean printUsAscii(String s) {
        return s.chars().allMatch(c -> c >= 33 && c <= 126);
    }
}
