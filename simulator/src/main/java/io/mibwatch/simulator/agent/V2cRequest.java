package io.mibwatch.simulator.agent;

/**
 * A decoded SNMPv1/v2c request message (RFC 1157 section 4, RFC 3416 section 3), read in place from
 * the datagram: only offsets into the buffer are kept, nothing is allocated. One instance is reused
 * by the I/O thread for every datagram.
 *
 * <pre>
 * Message ::= SEQUENCE { version INTEGER (0 v1 | 1 v2c), community OCTET STRING, data PDU }
 * PDU     ::= [tag] { request-id Integer32, error-status / non-repeaters, error-index / max-repetitions,
 *                     variable-bindings SEQUENCE OF SEQUENCE { name OID, value ANY } }
 * </pre>
 * Any inconsistency (a length beyond the datagram, wrong tag, trailing bytes, an OID that is not
 * canonical BER) makes {@link #decode} return false: the agent counts and drops the datagram, it never
 * answers garbage.
 */
final class V2cRequest {
    static final int VERSION_1 = 0;
    static final int VERSION_2C = 1;
    static final int VERSION_3 = 3;

    static final int GET = 0xA0;
    static final int GETNEXT = 0xA1;
    static final int RESPONSE = 0xA2;
    static final int SET = 0xA3;
    static final int GETBULK = 0xA5;

    /** RFC 2578 section 3.5: at most 128 sub-identifiers. */
    static final int MAX_ARCS = 128;
    /** More varbinds than any sane request; bounds the offset arrays. */
    static final int MAX_VARBINDS = 1024;

    byte[] buf;
    int version;
    int communityOff;
    int communityLen;
    int pduType;
    /** the request-id INTEGER TLV, echoed byte for byte in the response */
    int requestIdOff;
    int requestIdLen;
    long field1;
    long field2;
    int varbinds;
    /** per varbind: whole SEQUENCE TLV and the OID contents (without tag/length) */
    final int[] vbOff = new int[MAX_VARBINDS];
    final int[] vbEnd = new int[MAX_VARBINDS];
    final int[] oidOff = new int[MAX_VARBINDS];
    final int[] oidLen = new int[MAX_VARBINDS];

    private int pos;
    private int limit;

    /**
     * Reads the version only (the first element of the message), to route v3 elsewhere.
     *
     * @return the version, or -1 if the message does not even start like an SNMP message
     */
    static int peekVersion(byte[] b, int len) {
        if (len < 5 || (b[0] & 0xff) != 0x30) return -1;
        int p = 1;
        int l = b[p++] & 0xff;
        if (l > 0x80) p += l - 0x80;
        if (p + 3 > len || b[p] != 0x02 || b[p + 1] != 1) return -1;
        return b[p + 2];
    }

    boolean decode(byte[] b, int len) {
        buf = b;
        pos = 0;
        limit = len;
        try {
            int msgEnd = expect(0x30);
            if (msgEnd != len) return false;
            long v = integer();
            if (v != VERSION_1 && v != VERSION_2C) return false;
            version = (int) v;
            int cEnd = expect(0x04);
            communityOff = pos;
            communityLen = cEnd - pos;
            pos = cEnd;
            if (pos >= limit) return false;
            pduType = buf[pos] & 0xff;
            if (pduType < 0xA0 || pduType > 0xA8) return false;
            int pduEnd = expect(pduType);
            if (pduEnd != msgEnd) return false;
            requestIdOff = pos;
            integer();
            requestIdLen = pos - requestIdOff;
            if (requestIdLen > 6) return false; // Integer32: at most 4 content bytes
            field1 = integer();
            field2 = integer();
            int listEnd = expect(0x30);
            if (listEnd != pduEnd) return false;
            varbinds = 0;
            while (pos < listEnd) {
                if (varbinds == MAX_VARBINDS) return false;
                vbOff[varbinds] = pos;
                int vbEndPos = expect(0x30);
                int oEnd = expect(0x06);
                oidOff[varbinds] = pos;
                oidLen[varbinds] = oEnd - pos;
                if (!canonicalOid(pos, oEnd)) return false;
                pos = oEnd;
                skipTlv();
                if (pos != vbEndPos) return false;
                vbEnd[varbinds] = vbEndPos;
                varbinds++;
            }
            return pos == len;
        } catch (Malformed e) {
            return false;
        }
    }

    /** Decodes varbind {@code i}'s OID into {@code arcs}; returns the number of sub-identifiers. */
    int arcs(int i, int[] arcs) {
        int p = oidOff[i];
        int end = p + oidLen[i];
        int n = 0;
        long acc = 0;
        boolean first = true;
        for (; p < end; p++) {
            int x = buf[p] & 0xff;
            acc = (acc << 7) | (x & 0x7f);
            if ((x & 0x80) == 0) {
                if (first) {
                    // X.690 8.19.4: the first subidentifier is 40*X + Y, X in 0..2
                    int a0 = acc < 40 ? 0 : acc < 80 ? 1 : 2;
                    arcs[n++] = a0;
                    arcs[n++] = (int) (acc - 40L * a0);
                    first = false;
                } else {
                    arcs[n++] = (int) acc;
                }
                acc = 0;
            }
        }
        return n;
    }

    /**
     * Content bytes minimal (no leading 0x80, X.690 8.19.2), sub-identifiers unsigned 32-bit
     * (RFC 2578 section 3.5; the first encoded one is 40*X + Y), at most 128 arcs.
     */
    private boolean canonicalOid(int from, int to) {
        if (to == from || (buf[to - 1] & 0x80) != 0) return false;
        int arcs = 0;
        long acc = 0;
        boolean startOfArc = true;
        boolean first = true;
        for (int p = from; p < to; p++) {
            int x = buf[p] & 0xff;
            if (startOfArc && x == 0x80) return false;
            startOfArc = false;
            acc = (acc << 7) | (x & 0x7f);
            if (acc > 0xFFFF_FFFFL + 80) return false;
            if ((x & 0x80) == 0) {
                if (!first && acc > 0xFFFF_FFFFL) return false;
                arcs += first ? 2 : 1;
                first = false;
                acc = 0;
                startOfArc = true;
            }
        }
        return arcs <= MAX_ARCS;
    }

    /** Reads a tag and a definite length; returns the end offset of the contents, pos at the contents. */
    private int expect(int tag) {
        if (pos >= limit || (buf[pos] & 0xff) != tag) throw Malformed.INSTANCE;
        pos++;
        int len = length();
        int end = pos + len;
        if (end > limit) throw Malformed.INSTANCE;
        return end;
    }

    private int length() {
        if (pos >= limit) throw Malformed.INSTANCE;
        int first = buf[pos++] & 0xff;
        if (first < 0x80) return first;
        int n = first - 0x80;
        if (n == 0 || n > 3 || pos + n > limit) throw Malformed.INSTANCE; // indefinite or absurd length
        int len = 0;
        for (int i = 0; i < n; i++) len = (len << 8) | (buf[pos++] & 0xff);
        return len;
    }

    private long integer() {
        int end = expect(0x02);
        int n = end - pos;
        if (n < 1 || n > 5) throw Malformed.INSTANCE;
        long v = buf[pos++]; // sign-extended
        while (pos < end) v = (v << 8) | (buf[pos++] & 0xff);
        return v;
    }

    private void skipTlv() {
        if (pos >= limit) throw Malformed.INSTANCE;
        int tag = buf[pos] & 0xff;
        if ((tag & 0x1f) == 0x1f) throw Malformed.INSTANCE; // multi-byte tags never occur in SNMP values
        pos++;
        int len = length();
        if (pos + len > limit) throw Malformed.INSTANCE;
        pos += len;
    }

    /** Control flow for malformed input; no stack trace (garbage costs little). */
    static final class Malformed extends RuntimeException {
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super("malformed SNMP message", null, false, false);
        }
    }
}
