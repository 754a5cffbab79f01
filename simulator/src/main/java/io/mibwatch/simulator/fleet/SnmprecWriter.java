package io.mibwatch.simulator.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.NavigableMap;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;

/**
 * Writes a walk in snmpsim's {@code .snmprec} format (../shared/snmpdata/README.md): one
 * {@code OID|TAG|VALUE} line per variable in OID order, TAG the BER type in decimal (RFC 2578 /
 * RFC 3416 application tags: 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque,
 * 70 Counter64). OCTET STRINGs that are not plain printable ASCII are written as hex ({@code 4x}),
 * so every byte survives a round trip.
 */
public final class SnmprecWriter {

    private SnmprecWriter() {
    }

    /** Writes {@code device} to {@code file} (LF line endings, ASCII). */
    public static void write(GeneratedDevice device, Path file) throws IOException {
        Files.writeString(file, format(device.values()), StandardCharsets.US_ASCII);
    }

    /** Writes {@code device} as {@code <dir>/<name>.snmprec} and returns that path (snmpsim's community = file name). */
    public static Path writeInto(GeneratedDevice device, Path dir) throws IOException {
        Path file = dir.resolve(device.name() + ".snmprec");
        write(device, file);
        return file;
    }

    public static String format(NavigableMap<OID, Variable> values) {
        StringBuilder sb = new StringBuilder(values.size() * 48);
        for (Map.Entry<OID, Variable> e : values.entrySet()) {
            sb.append(line(e.getKey(), e.getValue())).append('\n');
        }
        return sb.toString();
    }

    /** One line, e.g. {@code 1.3.6.1.2.1.1.3.0|67|123456}. */
    public static String line(OID oid, Variable v) {
        int tag = v.getSyntax();
        String head = oid.toDottedString() + "|" + tag;
        // Opaque is an OctetString in SNMP4J: its tag (68) comes from getSyntax() all the same
        if (v instanceof OctetString s) {
            byte[] b = s.getValue();
            return printable(b) ? head + "|" + new String(b, StandardCharsets.US_ASCII) : head + "x|" + hex(b);
        }
        if (v instanceof IpAddress ip) {
            return head + "|" + ip.toString();
        }
        if (v instanceof OID o) {
            return head + "|" + o.toDottedString();
        }
        if (v instanceof Counter64 c) {
            return head + "|" + Long.toUnsignedString(c.getValue());
        }
        if (v instanceof org.snmp4j.smi.Null) {
            return head + "|";
        }
        return head + "|" + v.toLong();
    }

    /** Plain text only when nothing would be lost: snmpsim trims trailing spaces of plain values. */
    private static boolean printable(byte[] b) {
        if (b.length > 0 && b[b.length - 1] == ' ') {
            return false;
        }
        for (byte x : b) {
            if (x < 0x20 || x > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
        return sb.toString();
    }
}
