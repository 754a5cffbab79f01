package io.mibwatch.catalog.metric;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only: resolves MIB descriptors to dotted OIDs and SYNTAX names by reading
 * the {@code OBJECT-TYPE} / {@code OBJECT IDENTIFIER} / {@code MODULE-IDENTITY}
 * assignments of a few modules in ../shared/snmpdata/mibs. Just enough to check
 * the catalog's facts against the MIB text, not a MIB parser.
 */
final class MibText {

    private static final Pattern DEFINITION = Pattern.compile(
            "(?m)^[ \\t]*([a-z][A-Za-z0-9-]*)\\s+(OBJECT-TYPE|OBJECT\\s+IDENTIFIER|MODULE-IDENTITY|OBJECT-IDENTITY)\\b"
                    + "(.*?)::=\\s*\\{\\s*([a-z][A-Za-z0-9-]*)\\s+(\\d+)\\s*\\}",
            Pattern.DOTALL);
    private static final Pattern SYNTAX = Pattern.compile("SYNTAX\\s+([A-Za-z][A-Za-z0-9-]*)");
    private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

    private record Node(String parent, int arc, String syntax) {
    }

    private final Map<String, Node> nodes = new HashMap<>();

    static Path mibDir() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            for (Path candidate : new Path[] {p.resolve("shared/snmpdata/mibs"), p.resolve("../shared/snmpdata/mibs")}) {
                if (Files.isDirectory(candidate)) {
                    return candidate.normalize();
                }
            }
        }
        throw new IllegalStateException("no shared/snmpdata/mibs above " + dir);
    }

    static MibText load(String... modules) throws IOException {
        MibText t = new MibText();
        Path dir = mibDir();
        for (String module : modules) {
            // Latin-1 maps every byte: some vendor MIBs are not UTF-8
            String text = Files.readString(dir.resolve(module), StandardCharsets.ISO_8859_1).replace("\r", "");
            text = COMMENT.matcher(text).replaceAll("");
            Matcher m = DEFINITION.matcher(text);
            while (m.find()) {
                Matcher s = SYNTAX.matcher(m.group(3));
                String syntax = m.group(2).equals("OBJECT-TYPE") && s.find() ? s.group(1) : null;
                t.nodes.putIfAbsent(m.group(1), new Node(m.group(4), Integer.parseInt(m.group(5)), syntax));
            }
        }
        return t;
    }

    /** Dotted OID of a descriptor, e.g. ifHCInOctets -> 1.3.6.1.2.1.31.1.1.1.6. */
    String oid(String descriptor) {
        if (descriptor.equals("iso")) {
            return "1";
        }
        if (descriptor.equals("internet")) {
            // SNMPv2-SMI writes it as { iso org(3) dod(6) 1 }, a form this reader does not parse
            return "1.3.6.1";
        }
        Node n = nodes.get(descriptor);
        if (n == null) {
            throw new IllegalArgumentException("descriptor " + descriptor + " not defined in the loaded MIBs");
        }
        return oid(n.parent()) + "." + n.arc();
    }

    String syntax(String descriptor) {
        Node n = nodes.get(descriptor);
        if (n == null || n.syntax() == null) {
            throw new IllegalArgumentException("no OBJECT-TYPE SYNTAX for " + descriptor);
        }
        return n.syntax();
    }
}
