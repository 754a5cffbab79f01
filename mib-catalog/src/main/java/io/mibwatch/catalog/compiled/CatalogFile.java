package io.mibwatch.catalog.compiled;

import io.mibwatch.catalog.mib.IndexPart;
import io.mibwatch.catalog.mib.MibModule;
import io.mibwatch.catalog.mib.MibNode;
import io.mibwatch.catalog.mib.MibProblem;
import io.mibwatch.catalog.mib.MibSet;
import io.mibwatch.catalog.mib.NamedNumber;
import io.mibwatch.catalog.mib.NodeKind;
import io.mibwatch.catalog.mib.Oid;
import io.mibwatch.catalog.mib.OidTree;
import io.mibwatch.catalog.mib.Range;
import io.mibwatch.catalog.mib.Syntax;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Reads and writes the compiled catalog.
 *
 * <p>Format, version 1: the 8 bytes {@code MIBWCAT1} uncompressed (so {@code file} and a wrong
 * version are recognised without inflating), then a gzip stream of: int version; a string table
 * (count, then each as int length n >= 0 + n ISO-8859-1 bytes, or -n-1 + n UTF-8 bytes; every string
 * below is an index into it, -1 for null); modules; problems; nodes (module, descriptor, OID arcs, kind, syntax, hint, units, access,
 * status, index, augments, description). Strings are shared, so a description or a module name is
 * stored once. A reader refuses other versions with a message naming the file.
 */
public final class CatalogFile {

    public static final int VERSION = 1;
    private static final byte[] MAGIC = "MIBWCAT1".getBytes(StandardCharsets.US_ASCII);
    private static final NodeKind[] KINDS = NodeKind.values();

    private CatalogFile() {
    }

    /** Writes {@code set} to {@code file} atomically (temp file + rename), so a reader never sees half a catalog. */
    public static void write(MibSet set, Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".catalog", ".tmp");
        try {
            try (OutputStream os = Files.newOutputStream(tmp)) {
                write(set, os);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(MibSet set, OutputStream os) throws IOException {
        os.write(MAGIC);
        GZIPOutputStream gz = new GZIPOutputStream(os, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        Strings strings = new Strings();
        collect(set, strings);
        out.writeInt(VERSION);
        out.writeInt(strings.list.size());
        for (String s : strings.list) {
            // MIB text is read as ISO-8859-1, so nearly every string is Latin-1: stored as one byte per
            // char (length >= 0), which decodes with a plain copy; anything else as UTF-8 (length -n-1)
            if (isLatin1(s)) {
                out.writeInt(s.length());
                out.write(s.getBytes(StandardCharsets.ISO_8859_1));
            } else {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                out.writeInt(-b.length - 1);
                out.write(b);
            }
        }
        out.writeInt(set.modules().size());
        for (MibModule m : set.modules()) {
            out.writeInt(strings.id(m.name()));
            out.writeInt(strings.id(m.file()));
            writeStrings(out, strings, m.imports());
            writeStrings(out, strings, m.missingImports());
            out.writeInt(m.nodes());
            out.writeInt(m.problems());
        }
        out.writeInt(set.problems().size());
        for (MibProblem p : set.problems()) {
            out.writeInt(strings.id(p.file()));
            out.writeInt(p.line());
            out.writeInt(strings.id(p.cause()));
        }
        List<MibNode> nodes = set.tree().nodes();
        out.writeInt(nodes.size());
        for (MibNode n : nodes) {
            out.writeInt(strings.id(n.module()));
            out.writeInt(strings.id(n.descriptor()));
            out.writeInt(n.oid().size());
            for (int i = 0; i < n.oid().size(); i++) {
                out.writeInt((int) n.oid().arc(i)); // arcs are unsigned 32-bit
            }
            out.writeByte(n.kind().ordinal());
            Syntax s = n.syntax();
            out.writeBoolean(s != null);
            if (s != null) {
                out.writeInt(strings.id(s.declared()));
                out.writeInt(strings.id(s.base()));
                out.writeInt(strings.id(s.tc()));
                writeRanges(out, strings, s.sizes());
                writeRanges(out, strings, s.ranges());
                out.writeInt(s.namedNumbers().size());
                for (NamedNumber nn : s.namedNumbers()) {
                    out.writeInt(strings.id(nn.name()));
                    out.writeLong(nn.number());
                }
            }
            out.writeInt(strings.id(n.displayHint()));
            out.writeInt(strings.id(n.units()));
            out.writeInt(strings.id(n.access()));
            out.writeInt(strings.id(n.status()));
            out.writeInt(n.index().size());
            for (IndexPart ip : n.index()) {
                out.writeInt(strings.id(ip.descriptor()));
                out.writeBoolean(ip.implied());
            }
            out.writeInt(strings.id(n.augments()));
            out.writeInt(strings.id(n.description()));
        }
        out.flush();
        gz.finish();
    }

    /**
     * Reads a catalog written by {@link #write}.
     *
     * @throws IOException naming the file when it is not a catalog, has another version or is truncated
     */
    public static MibSet read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(in, file.toString());
        }
    }

    public static MibSet read(InputStream is, String source) throws IOException {
        byte[] magic = is.readNBytes(MAGIC.length);
        if (!Arrays.equals(Arrays.copyOf(magic, 7), Arrays.copyOf(MAGIC, 7))) {
            throw new IOException(source + ": not a mibwatch MIB catalog (compile one with 'mibwatch mib compile')");
        }
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(source + ": MIB catalog format '" + new String(magic, StandardCharsets.US_ASCII)
                    + "' is not supported by this version (expects " + new String(MAGIC, StandardCharsets.US_ASCII)
                    + "); recompile it with 'mibwatch mib compile'");
        }
        try {
            // inflate at once and decode from the array: much faster than stream reads in a cold JVM
            ByteBuffer in = ByteBuffer.wrap(new GZIPInputStream(is, 1 << 16).readAllBytes());
            int version = in.getInt();
            if (version != VERSION) {
                throw new IOException(source + ": MIB catalog version " + version + " is not supported (expects "
                        + VERSION + "); recompile it with 'mibwatch mib compile'");
            }
            byte[] raw = in.array();
            String[] strings = new String[in.getInt()];
            for (int i = 0; i < strings.length; i++) {
                int len = in.getInt();
                int pos = in.position();
                if (len >= 0) {
                    strings[i] = new String(raw, pos, len, StandardCharsets.ISO_8859_1);
                } else {
                    len = -len - 1;
                    strings[i] = new String(raw, pos, len, StandardCharsets.UTF_8);
                }
                in.position(pos + len);
            }
            int nm = in.getInt();
            List<MibModule> modules = new ArrayList<>(nm);
            for (int i = 0; i < nm; i++) {
                modules.add(new MibModule(str(strings, in), str(strings, in), readStrings(in, strings),
                        readStrings(in, strings), in.getInt(), in.getInt()));
            }
            int np = in.getInt();
            List<MibProblem> problems = new ArrayList<>(np);
            for (int i = 0; i < np; i++) {
                problems.add(new MibProblem(str(strings, in), in.getInt(), str(strings, in)));
            }
            int nn = in.getInt();
            List<MibNode> nodes = new ArrayList<>(nn);
            for (int i = 0; i < nn; i++) {
                String module = str(strings, in);
                String descriptor = str(strings, in);
                long[] arcs = new long[in.getInt()];
                for (int a = 0; a < arcs.length; a++) {
                    arcs[a] = in.getInt() & 0xFFFF_FFFFL;
                }
                NodeKind kind = KINDS[in.get() & 0xFF];
                Syntax syntax = null;
                if (in.get() != 0) {
                    String declared = str(strings, in);
                    String base = str(strings, in);
                    String tc = str(strings, in);
                    List<Range> sizes = readRanges(in, strings);
                    List<Range> ranges = readRanges(in, strings);
                    int k = in.getInt();
                    List<NamedNumber> named = new ArrayList<>(k);
                    for (int j = 0; j < k; j++) {
                        named.add(new NamedNumber(str(strings, in), in.getLong()));
                    }
                    syntax = new Syntax(declared, base, tc, sizes, ranges, named);
                }
                String hint = str(strings, in);
                String units = str(strings, in);
                String access = str(strings, in);
                String status = str(strings, in);
                int ni = in.getInt();
                List<IndexPart> index = new ArrayList<>(ni);
                for (int j = 0; j < ni; j++) {
                    index.add(new IndexPart(str(strings, in), in.get() != 0));
                }
                String augments = str(strings, in);
                String description = str(strings, in);
                nodes.add(new MibNode(module, descriptor, Oid.of(arcs), kind, syntax, hint, units, access, status,
                        index, augments, description));
            }
            return new MibSet(modules, new OidTree(nodes), problems);
        } catch (EOFException | ZipException | BufferUnderflowException | IndexOutOfBoundsException
                 | IllegalArgumentException | NegativeArraySizeException e) {
            throw new IOException(source + ": MIB catalog is damaged or truncated (" + e + "); recompile it", e);
        }
    }

    private static boolean isLatin1(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0xFF) {
                return false;
            }
        }
        return true;
    }

    private static final class Strings {
        final List<String> list = new ArrayList<>();
        final Map<String, Integer> ids = new HashMap<>();

        void add(String s) {
            if (s != null && !ids.containsKey(s)) {
                ids.put(s, list.size());
                list.add(s);
            }
        }

        int id(String s) {
            return s == null ? -1 : ids.get(s);
        }
    }

    private static void collect(MibSet set, Strings st) {
        for (MibModule m : set.modules()) {
            st.add(m.name());
            st.add(m.file());
            m.imports().forEach(st::add);
            m.missingImports().forEach(st::add);
        }
        for (MibProblem p : set.problems()) {
            st.add(p.file());
            st.add(p.cause());
        }
        for (MibNode n : set.tree().nodes()) {
            st.add(n.module());
            st.add(n.descriptor());
            Syntax s = n.syntax();
            if (s != null) {
                st.add(s.declared());
                st.add(s.base());
                st.add(s.tc());
                for (Range r : s.sizes()) {
                    st.add(r.min());
                    st.add(r.max());
                }
                for (Range r : s.ranges()) {
                    st.add(r.min());
                    st.add(r.max());
                }
                s.namedNumbers().forEach(nn -> st.add(nn.name()));
            }
            st.add(n.displayHint());
            st.add(n.units());
            st.add(n.access());
            st.add(n.status());
            n.index().forEach(ip -> st.add(ip.descriptor()));
            st.add(n.augments());
            st.add(n.description());
        }
    }

    private static void writeStrings(DataOutputStream out, Strings st, List<String> l) throws IOException {
        out.writeInt(l.size());
        for (String s : l) {
            out.writeInt(st.id(s));
        }
    }

    private static List<String> readStrings(ByteBuffer in, String[] strings) {
        int n = in.getInt();
        List<String> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(str(strings, in));
        }
        return l;
    }

    private static void writeRanges(DataOutputStream out, Strings st, List<Range> rs) throws IOException {
        out.writeInt(rs.size());
        for (Range r : rs) {
            out.writeInt(st.id(r.min()));
            out.writeInt(st.id(r.max()));
        }
    }

    private static List<Range> readRanges(ByteBuffer in, String[] strings) {
        int n = in.getInt();
        List<Range> l = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            l.add(new Range(str(strings, in), str(strings, in)));
        }
        return l;
    }

    private static String str(String[] strings, ByteBuffer in) {
        int id = in.getInt();
        return id < 0 ? null : strings[id];
    }
}
