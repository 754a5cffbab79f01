package io.mibwatch.simulator.snmprec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Opaque;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Reads snmpsim {@code .snmprec} walks: one {@code OID|TAG|VALUE} per line, TAG the BER type in
 * decimal (RFC 3416 / RFC 2578 application tags: 2 Integer32, 4 OCTET STRING, 5 NULL, 6 OID,
 * 64 IpAddress, 65 Counter32, 66 Gauge32, 67 TimeTicks, 68 Opaque, 70 Counter64) with an optional
 * suffix {@code x} (value in hex) or {@code e} (Python bytes-literal escapes), VALUE the rest of
 * the line (it may contain {@code |}).
 *
 * <p>Real-world dirt (../shared/snmpdata/README.md) is survived, with snmpsim's choices where it
 * has one:
 * <ul>
 *   <li>CRLF or LF line ends, blank lines: ignored. Trailing spaces of a value are kept: the file
 *       wins (snmpsim strips them; that is a difference, not a model).</li>
 *   <li>Unsorted lines: sorted by OID. Duplicate OIDs: the <em>last</em> line wins, as in snmpsim,
 *       whose index ({@code record/search/database.py}) overwrites {@code db[oid]} line by line.</li>
 *   <li>Anonymised junk ({@code 10.xx.xx.100} OIDs, {@code <private>} IpAddress values) and any
 *       other unparsable line: skipped, with ONE warning per file naming the first bad line and
 *       the count.</li>
 *   <li>Tag 68 with net-snmp text {@code Float: 0.08} / {@code Double: 1.5} (how net-snmp prints
 *       the UCD-SNMP opaque float): encoded as net-snmp does, an Opaque wrapping
 *       {@code 9f 78 04} + IEEE 754 single (or {@code 9f 79 08} + double); other plain text is
 *       taken as the Opaque's raw bytes.</li>
 * </ul>
 */
public final class SnmprecReader {
    private static final Logger LOG = LoggerFactory.getLogger(SnmprecReader.class);
    private static final String EXT = ".snmprec";

    private SnmprecReader() {
    }

    /** The device name of a recording file: its name without {@code .snmprec}. */
    public static String deviceName(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(EXT) ? n.substring(0, n.length() - EXT.length()) : n;
    }

    /**
     * Reads one file; junk lines are skipped with one WARN log line for the file.
     *
     * @throws UncheckedIOException naming the file if it cannot be read
     */
    public static Recording read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read recording " + file + ": " + e.getMessage(), e);
        }
        return parse(deviceName(file), file.getFileName().toString(), bytes);
    }

    /** Parses file content; {@code fileName} is used in the report and the warning. */
    public static Recording parse(String name, String fileName, byte[] content) {
        // Latin-1 maps each byte to one char, so plain tag-4 values keep their exact bytes.
        String text = new String(content, StandardCharsets.ISO_8859_1);
        record Line(int no, VariableBinding vb) {
        }
        List<Line> lines = new ArrayList<>();
        int records = 0;
        int junk = 0;
        int firstJunk = 0;
        String firstJunkText = null;
        int lineNo = 0;
        int pos = 0;
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            String line = text.substring(pos, end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end);
            pos = end + 1;
            if (line.isBlank()) continue;
            records++;
            Optional<VariableBinding> vb = parseLine(line);
            if (vb.isPresent()) {
                lines.add(new Line(lineNo, vb.get()));
            } else {
                if (junk++ == 0) {
                    firstJunk = lineNo;
                    firstJunkText = line.length() > 80 ? line.substring(0, 80) + "..." : line;
                }
            }
        }
        // stable sort by OID keeps file order among duplicates; the last of each run wins
        lines.sort(Comparator.comparing(l -> l.vb().getOid()));
        List<VariableBinding> kept = new ArrayList<>(lines.size());
        int duplicates = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (i + 1 < lines.size() && lines.get(i + 1).vb().getOid().equals(lines.get(i).vb().getOid())) {
                duplicates++;
                continue;
            }
            kept.add(lines.get(i).vb());
        }
        if (junk > 0) {
            LOG.warn("{}: skipped {} unreadable line(s); first at line {}: {}", fileName, junk, firstJunk, firstJunkText);
        }
        return Recording.of(name, kept, new LoadReport(fileName, records, kept.size(), junk, firstJunk, duplicates));
    }

    /** One line (without its line end), or empty if it is not a valid record. */
    public static Optional<VariableBinding> parseLine(String line) {
        int a = line.indexOf('|');
        int b = a < 0 ? -1 : line.indexOf('|', a + 1);
        if (b < 0) return Optional.empty();
        String tag = line.substring(a + 1, b);
        try {
            int[] arcs = parseOid(line.substring(0, a));
            if (arcs == null || tag.isEmpty()) return Optional.empty();
            char enc = tag.charAt(tag.length() - 1);
            boolean suffixed = enc == 'x' || enc == 'e';
            String num = suffixed ? tag.substring(0, tag.length() - 1) : tag;
            if (num.isEmpty() || !num.chars().allMatch(Character::isDigit) || num.length() > 3) return Optional.empty();
            Variable v = value(Integer.parseInt(num), suffixed ? enc : ' ', line.substring(b + 1));
            return v == null ? Optional.empty() : Optional.of(new VariableBinding(new OID(arcs), v));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Dotted decimal, an optional leading dot, sub-identifiers unsigned 32-bit (RFC 2578 section 3.5),
     * and encodable in BER (first arc 0-2, second below 40 unless the first is 2; X.690 8.19.4).
     */
    static int[] parseOid(String s) {
        if (s.startsWith(".")) s = s.substring(1);
        if (s.isEmpty()) return null;
        String[] parts = s.split("\\.", -1);
        if (parts.length < 2) return null;
        int[] arcs = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 10 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) return null;
            long v = Long.parseLong(p);
            if (v > 0xFFFF_FFFFL) return null;
            arcs[i] = (int) v;
        }
        if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] >= 40)) return null;
        return arcs;
    }

    private static Variable value(int ber, char enc, String text) {
        byte[] raw = switch (enc) {
            case 'x' -> hex(text);
            case 'e' -> unescapePython(text);
            default -> text.getBytes(StandardCharsets.ISO_8859_1);
        };
        boolean plain = enc == ' ';
        return switch (ber) {
            case 2 -> plain ? new Integer32(Integer.parseInt(text.trim())) : null;
            case 4 -> new OctetString(raw);
            case 5 -> new Null();
            case 6 -> {
                int[] arcs = plain ? parseOid(text.trim()) : null;
                yield arcs == null ? null : new OID(arcs);
            }
            case 64 -> ipAddress(plain, text, raw);
            case 65 -> plain ? new Counter32(unsigned32(text)) : null;
            case 66 -> plain ? new Gauge32(unsigned32(text)) : null;
            case 67 -> plain ? new TimeTicks(unsigned32(text)) : null;
            case 68 -> new Opaque(plain ? opaque(text) : raw);
            case 70 -> plain ? new Counter64(Long.parseUnsignedLong(text.trim())) : null;
            default -> null;
        };
    }

    private static byte[] hex(String text) {
        if (text.length() % 2 != 0) throw new IllegalArgumentException("odd hex length");
        return HexFormat.of().parseHex(text);
    }

    private static Variable ipAddress(boolean plain, String text, byte[] raw) {
        if (plain) {
            String[] q = text.split("\\.", -1);
            if (q.length == 4 && text.chars().allMatch(c -> c == '.' || (c >= '0' && c <= '9'))) {
                byte[] ip = new byte[4];
                for (int i = 0; i < 4; i++) {
                    if (q[i].isEmpty() || q[i].length() > 3) return null;
                    int octet = Integer.parseInt(q[i]);
                    if (octet > 255) return null;
                    ip[i] = (byte) octet;
                }
                return new IpAddress(ip);
            }
        }
        // snmpsim also takes the 4 raw bytes as text (e.g. "J}M}"); "<private>" is anonymised junk
        return raw.length == 4 ? new IpAddress(raw) : null;
    }

    /** net-snmp's text for the UCD-SNMP opaque float/double, else the text's bytes. */
    static byte[] opaque(String text) {
        if (text.startsWith("Float: ")) {
            float f = Float.parseFloat(text.substring(7).trim());
            return ByteBuffer.allocate(7).order(ByteOrder.BIG_ENDIAN).put((byte) 0x9f).put((byte) 0x78).put((byte) 4).putFloat(f).array();
        }
        if (text.startsWith("Double: ")) {
            double d = Double.parseDouble(text.substring(8).trim());
            return ByteBuffer.allocate(11).order(ByteOrder.BIG_ENDIAN).put((byte) 0x9f).put((byte) 0x79).put((byte) 8).putDouble(d).array();
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static long unsigned32(String text) {
        long v = Long.parseLong(text.trim());
        if (v < 0 || v > 0xFFFF_FFFFL) throw new IllegalArgumentException("not unsigned 32-bit: " + text);
        return v;
    }

    /**
     * Python bytes-literal escapes as snmpsim evaluates them ({@code SnmprecRecord.evaluateRawString}):
     * {@code \\ \' \" \a \b \f \n \r \t \v \xNN}; any other escape is an error (a junk line).
     */
    static byte[] unescapePython(String s) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0xff) throw new IllegalArgumentException("not a byte: " + c);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (++i == s.length()) throw new IllegalArgumentException("dangling backslash");
            char n = s.charAt(i);
            switch (n) {
                case '\\', '\'', '"' -> out.write(n);
                case 'a' -> out.write(7);
                case 'b' -> out.write(8);
                case 'f' -> out.write(12);
                case 'n' -> out.write(10);
                case 'r' -> out.write(13);
                case 't' -> out.write(9);
                case 'v' -> out.write(11);
                case 'x' -> {
                    int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
                    int lo = hi < 0 ? -1 : Character.digit(s.charAt(i + 2), 16);
                    if (lo < 0) throw new IllegalArgumentException("bad \\x escape");
                    out.write(hi << 4 | lo);
                    i += 2;
                }
                default -> throw new IllegalArgumentException("unknown escape \\" + n);
            }
        }
        return out.toByteArray();
    }
}
