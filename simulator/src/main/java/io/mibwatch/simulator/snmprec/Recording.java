package io.mibwatch.simulator.snmprec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.smi.AbstractVariable;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * One recorded device: its variables sorted by OID (the order GETNEXT walks, RFC 3416 section 4.2.2),
 * one value per OID, each stored as its pre-encoded BER VarBind ({@code SEQUENCE {name, value}},
 * RFC 3416 section 3) so an agent answers a static value by copying bytes.
 *
 * <p>Immutable and shared: many simulated devices serving the same walk reference one instance.
 * Indexes {@code 0..size()-1} are the device's lexicographic OID order.
 */
public final class Recording {
    private final String name;
    private final int[][] oids;
    private final byte[] ber;
    /** varbind i is {@code ber[start[i] .. start[i+1])}; its value TLV starts at {@code valueStart[i]}. */
    private final int[] start;
    private final int[] valueStart;
    private final LoadReport report;

    private Recording(String name, int[][] oids, byte[] ber, int[] start, int[] valueStart, LoadReport report) {
        this.name = name;
        this.oids = oids;
        this.ber = ber;
        this.start = start;
        this.valueStart = valueStart;
        this.report = report;
    }

    /**
     * Builds a recording from bindings already sorted by OID with no duplicates.
     *
     * @throws IllegalArgumentException if the bindings are not strictly increasing
     */
    public static Recording of(String name, List<VariableBinding> sorted, LoadReport report) {
        Objects.requireNonNull(name, "name");
        int n = sorted.size();
        int[][] oids = new int[n][];
        int[] start = new int[n + 1];
        int[] valueStart = new int[n];
        ByteArrayOutputStream out = new ByteArrayOutputStream(n * 24);
        try {
            for (int i = 0; i < n; i++) {
                VariableBinding vb = sorted.get(i);
                oids[i] = vb.getOid().getValue();
                if (i > 0 && compare(oids[i - 1], oids[i], oids[i].length) >= 0) {
                    throw new IllegalArgumentException(name + ": bindings not strictly sorted at " + vb.getOid());
                }
                start[i] = out.size();
                vb.encodeBER(out);
                valueStart[i] = out.size() - vb.getVariable().getBERLength();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        start[n] = out.size();
        return new Recording(name, oids, out.toByteArray(), start, valueStart, report);
    }

    /** The file name without {@code .snmprec}; snmpsim's community for it. */
    public String name() {
        return name;
    }

    /** What loading the file found (lines, junk, duplicates). */
    public LoadReport report() {
        return report;
    }

    public int size() {
        return oids.length;
    }

    public OID oid(int i) {
        return new OID(oids[i]);
    }

    /** The recorded value, decoded from its BER bytes (a new object each call). */
    public Variable value(int i) {
        try {
            return AbstractVariable.createFromBER(new BERInputStream(ByteBuffer.wrap(ber, valueStart[i], start[i + 1] - valueStart[i])));
        } catch (IOException e) {
            throw new IllegalStateException(name + ": stored value " + i + " does not decode", e);
        }
    }

    /** BER tag of the recorded value (e.g. 0x46 Counter64), without decoding it. */
    public int valueTag(int i) {
        return ber[valueStart[i]] & 0xff;
    }

    /** Copies the OBJECT IDENTIFIER TLV (name) of VarBind {@code i} into {@code dst} at {@code pos}; returns the new position. */
    public int copyName(int i, byte[] dst, int pos) {
        int s = start[i] + 1;
        int l = ber[s] & 0xff;
        s += l < 0x80 ? 1 : 1 + (l - 0x80); // skip the SEQUENCE header
        int len = valueStart[i] - s;
        System.arraycopy(ber, s, dst, pos, len);
        return pos + len;
    }

    /** Length in bytes of the OBJECT IDENTIFIER TLV of VarBind {@code i}. */
    public int nameLength(int i) {
        int s = start[i] + 1;
        int l = ber[s] & 0xff;
        s += l < 0x80 ? 1 : 1 + (l - 0x80);
        return valueStart[i] - s;
    }

    /** Length in bytes of the pre-encoded VarBind {@code i}. */
    public int varBindLength(int i) {
        return start[i + 1] - start[i];
    }

    /** Copies the pre-encoded VarBind {@code i} into {@code dst} at {@code pos}; returns the new position. */
    public int copyVarBind(int i, byte[] dst, int pos) {
        int len = start[i + 1] - start[i];
        System.arraycopy(ber, start[i], dst, pos, len);
        return pos + len;
    }

    /**
     * Binary search for the OID {@code arcs[0..len)}.
     *
     * @return its index, or {@code -(insertion point) - 1} like {@link java.util.Arrays#binarySearch}
     */
    public int find(int[] arcs, int len) {
        int lo = 0;
        int hi = oids.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(oids[mid], arcs, len);
            if (c < 0) lo = mid + 1;
            else if (c > 0) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    /** Index of the first OID lexicographically greater than {@code arcs[0..len)}, or {@code size()} if none. */
    public int next(int[] arcs, int len) {
        int i = find(arcs, len);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** True if recorded OID {@code i} starts with {@code arcs[0..len)} (is in that subtree, or equal). */
    public boolean startsWith(int i, int[] arcs, int len) {
        int[] o = oids[i];
        if (o.length < len) return false;
        for (int k = 0; k < len; k++) {
            if (o[k] != arcs[k]) return false;
        }
        return true;
    }

    /** Lexicographic order of OIDs with unsigned 32-bit sub-identifiers (SMI, RFC 2578 section 3.5). */
    static int compare(int[] a, int[] b, int blen) {
        int n = Math.min(a.length, blen);
        for (int k = 0; k < n; k++) {
            if (a[k] != b[k]) return Integer.compareUnsigned(a[k], b[k]);
        }
        return Integer.compare(a.length, blen);
    }

    @Override
    public String toString() {
        return "Recording[" + name + ", " + oids.length + " OIDs]";
    }
}
