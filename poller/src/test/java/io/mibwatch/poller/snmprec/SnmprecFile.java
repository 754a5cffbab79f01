package io.mibwatch.poller.snmprec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * Test-only reader of snmpsim {@code .snmprec} walks (format in ../shared/snmpdata/README.md):
 * {@code OID|TAG|VALUE}, TAG the BER type in decimal with an optional {@code x} (hex) or
 * {@code e} (Python-escaped bytes) suffix. Survives the recorded dirt: CRLF, blank lines,
 * unsorted and duplicate OIDs (first one wins, like an agent that answers once), anonymised
 * OIDs ({@code 10.xx.xx.100}) and values ({@code <private>} as IpAddress) - those lines are
 * skipped and counted in {@link #junkLines()}.
 *
 * @param name       file name without {@code .snmprec}
 * @param bindings   sorted by OID (as a walk returns them), one per OID
 * @param junkLines  non-blank lines that could not be parsed
 * @param duplicates lines whose OID was already seen
 * @param junk       the first few junk lines, with line numbers, for messages
 */
public record SnmprecFile(String name, List<VariableBinding> bindings, int junkLines, int duplicates, List<String> junk) {

    private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final Pattern TAG = Pattern.compile("([0-9]+)([xe]?)");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final int JUNK_EXAMPLES = 5;

    public SnmprecFile {
        bindings = List.copyOf(bindings);
        junk = List.copyOf(junk);
    }

    /** ../shared/snmpdata/recordings, found by walking up from the working directory (the module dir under Maven). */
    public static Path recordingsDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            for (Path c : new Path[] {p.resolve("shared/snmpdata/recordings"), p.resolve("../shared/snmpdata/recordings")}) {
                if (Files.isDirectory(c)) {
                    return c.normalize();
                }
            }
        }
        throw new IllegalStateException("no shared/snmpdata/recordings above " + dir);
    }

    /** All recordings, sorted by name. */
    public static List<Path> recordings() {
        try (Stream<Path> s = Files.list(recordingsDir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".snmprec")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SnmprecFile read(String name) {
        return read(recordingsDir().resolve(name + ".snmprec"));
    }

    public static SnmprecFile read(Path path) {
        String text;
        try {
            // Latin-1 maps each byte to one char, so plain tag-4 values keep their exact bytes
            text = Files.readString(path, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
        TreeMap<OID, Variable> byOid = new TreeMap<>();
        int junkLines = 0;
        int duplicates = 0;
        List<String> junk = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (line.isBlank()) {
                continue;
            }
            Optional<VariableBinding> vb = parseLine(line);
            if (vb.isEmpty()) {
                junkLines++;
                if (junk.size() < JUNK_EXAMPLES) {
                    junk.add(path.getFileName() + ":" + (i + 1) + ": " + line);
                }
            } else if (byOid.putIfAbsent(vb.get().getOid(), vb.get().getVariable()) != null) {
                duplicates++;
            }
        }
        List<VariableBinding> out = new ArrayList<>(byOid.size());
        for (Map.Entry<OID, Variable> e : byOid.entrySet()) {
            out.add(new VariableBinding(e.getKey(), e.getValue()));
        }
        String file = path.getFileName().toString();
        return new SnmprecFile(file.substring(0, file.length() - ".snmprec".length()), out, junkLines, duplicates, junk);
    }

    /** One line, or empty if it is not a valid record. */
    static Optional<VariableBinding> parseLine(String line) {
        int a = line.indexOf('|');
        int b = a < 0 ? -1 : line.indexOf('|', a + 1);
        if (b < 0) {
            return Optional.empty();
        }
        String oid = line.substring(0, a);
        var tag = TAG.matcher(line.substring(a + 1, b));
        if (!DOTTED.matcher(oid).matches() || !tag.matches()) {
            return Optional.empty();
        }
        for (String sub : oid.split("\\.")) {
            if (sub.length() > 10 || Long.parseLong(sub) > 0xFFFF_FFFFL) {
                return Optional.empty();
            }
        }
        try {
            return value(Integer.parseInt(tag.group(1)), tag.group(2), line.substring(b + 1))
                    .map(v -> new VariableBinding(new OID(oid), v));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Variable> value(int ber, String encoding, String text) {
        byte[] bytes = switch (encoding) {
            case "x" -> OctetString.fromHexStringPairs(text).getValue();
            case "e" -> unescapePython(text);
            default -> text.getBytes(StandardCharsets.ISO_8859_1);
        };
        boolean plain = encoding.isEmpty();
        return switch (ber) {
            case 2 -> plain ? Optional.of(new Integer32(Integer.parseInt(text.trim()))) : Optional.empty();
            case 4 -> Optional.of(new OctetString(bytes));
            case 5 -> Optional.of(new Null());
            case 6 -> plain && DOTTED.matcher(text).matches() ? Optional.of(new OID(text)) : Optional.empty();
            case 64 -> ipAddress(plain, text, bytes);
            case 65 -> plain ? Optional.of(new Counter32(unsigned32(text))) : Optional.empty();
            case 66 -> plain ? Optional.of(new Gauge32(unsigned32(text))) : Optional.empty();
            case 67 -> plain ? Optional.of(new TimeTicks(unsigned32(text))) : Optional.empty();
            case 68 -> Optional.of(new Opaque(bytes));
            case 70 -> plain ? Optional.of(new Counter64(Long.parseUnsignedLong(text.trim()))) : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Optional<Variable> ipAddress(boolean plain, String text, byte[] bytes) {
        if (plain && IPV4.matcher(text).matches()) {
            byte[] ip = new byte[4];
            String[] parts = text.split("\\.");
            for (int i = 0; i < 4; i++) {
                int octet = Integer.parseInt(parts[i]);
                if (octet > 255) {
                    return Optional.empty();
                }
                ip[i] = (byte) octet;
            }
            return Optional.of(new IpAddress(ip));
        }
        // snmpsim also stores the 4 raw bytes as text (e.g. 'J}M}'); '<private>' is anonymised junk
        return bytes.length == 4 ? Optional.of(new IpAddress(bytes)) : Optional.empty();
    }

    private static long unsigned32(String text) {
        long v = Long.parseLong(text.trim());
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("not an unsigned 32-bit value: " + text);
        }
        return v;
    }

    /** Decodes Python bytes-literal escapes (\xNN, \n, \r, \t, \\, \', \"); other chars are Latin-1 bytes. */
    static byte[] unescapePython(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.write(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'x' -> {
                    if (i + 2 >= s.length()) {
                        throw new IllegalArgumentException("truncated \\x escape in " + s);
                    }
                    out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case '0' -> out.write(0);
                case '\\', '\'', '"' -> out.write(n);
                default -> {
                    out.write('\\');
                    out.write(n);
                }
            }
        }
        return out.toByteArray();
    }

    /** The value at an exact OID, if recorded. */
    public Optional<Variable> get(String oid) {
        OID o = new OID(oid);
        int i = java.util.Collections.binarySearch(bindings, new VariableBinding(o), (x, y) -> x.getOid().compareTo(y.getOid()));
        return i >= 0 ? Optional.of(bindings.get(i).getVariable()) : Optional.empty();
    }

    /** The bindings under a subtree, in order. */
    public List<VariableBinding> subtree(String oid) {
        OID root = new OID(oid);
        return bindings.stream().filter(vb -> vb.getOid().startsWith(root)).toList();
    }

    /** A device name that is valid in a SeriesId ({@code @} and {@code +} are not). */
    public String device() {
        return name.replaceAll("[^A-Za-z0-9_.:-]", "_");
    }
}
