package io.mibwatch.simulator.agent;

import io.mibwatch.simulator.snmprec.Recording;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * Builds the Response-PDU message for a decoded v1/v2c request against one device, straight into a
 * byte buffer: recorded values are copied as pre-encoded VarBinds, only dynamic values are encoded.
 * Not thread-safe: one per I/O thread.
 *
 * <p>Semantics (RFC 3416 section 4.2, RFC 2576 section 4.1.2 for v1):
 * <ul>
 *   <li>GET: exact match, else noSuchInstance if the object's parent has recorded instances and
 *       the OID is not an inner node of the tree, else noSuchObject (without a MIB this is the closest
 *       observable rule to snmpd's). v1: noSuchName (2) with error-index, varbinds echoed.</li>
 *   <li>GETNEXT: first OID lexicographically greater; past the end endOfMibView (v2c) or
 *       noSuchName (v1). v1 never returns a Counter64 (RFC 2576 section 4.2.1): GETNEXT skips it,
 *       GET answers noSuchName.</li>
 *   <li>GETBULK (v2c only): non-repeaters and max-repetitions as in 4.2.3, negative values taken
 *       as 0; like snmpd's {@code maxGetbulkResponses 100} default the repetitions are cut so that
 *       at most {@value #MAX_BULK_VARBINDS} varbinds are returned; stops after a repetition in which
 *       every repeater is at endOfMibView.</li>
 *   <li>Size: a response larger than {@code maxSize} is, for GETBULK, cut after the last varbind
 *       that fits (4.2.3); for GET/GETNEXT it becomes tooBig (1) with error-index 0 and an empty
 *       varbind list (4.2.1) - v1 echoes the request's varbinds (RFC 1157 section 4.1.2).</li>
 *   <li>SET: the simulator is read-only: notWritable (17) on the first varbind (v1: noSuchName, the
 *       RFC 2576 section 4.3 mapping).</li>
 * </ul>
 */
final class Responder {
    static final int MAX_BULK_VARBINDS = 100;

    static final int NO_ERROR = 0;
    static final int TOO_BIG = 1;
    static final int NO_SUCH_NAME = 2;
    static final int NOT_WRITABLE = 17;

    private static final int NO_SUCH_OBJECT = 0x80;
    private static final int NO_SUCH_INSTANCE = 0x81;
    private static final int END_OF_MIB_VIEW = 0x82;
    private static final int COUNTER64_TAG = 0x46;

    /** Room for the largest UDP payload plus headers in front of it. */
    final byte[] out = new byte[2 * 65536 + 1024];
    int outStart;
    int outLen;
    /** varbinds placed in the last response */
    int served;

    private final int[] arcs = new int[V2cRequest.MAX_ARCS];
    private final int[] nextIdx = new int[V2cRequest.MAX_VARBINDS];
    private final int[] nameFrom = new int[V2cRequest.MAX_VARBINDS];

    private V2cRequest rq;
    private DeviceView view;
    private Recording rec;
    private Instant time;
    private boolean v1;
    private int head;
    private int pos;
    private int limit;

    /**
     * Builds the response into {@link #out} ({@link #outStart}, {@link #outLen}).
     *
     * @return false if the request gets no answer (a Response/Trap PDU, GETBULK in v1)
     */
    boolean respond(V2cRequest request, DeviceView device, Instant simTime, int maxSize) {
        rq = request;
        view = device;
        rec = device.recording();
        time = simTime;
        v1 = request.version == V2cRequest.VERSION_1;
        head = 32 + request.communityLen + request.requestIdLen;
        pos = head;
        limit = head + Math.max(0, Math.min(maxSize, 65507) - head);
        served = 0;
        int status;
        int index;
        switch (request.pduType) {
            case V2cRequest.GET, V2cRequest.GETNEXT -> {
                long r = request.pduType == V2cRequest.GET ? get() : getNext();
                status = (int) (r >>> 32);
                index = (int) r;
            }
            case V2cRequest.GETBULK -> {
                if (v1) return false;
                bulk();
                status = NO_ERROR;
                index = 0;
            }
            case V2cRequest.SET -> {
                status = v1 ? NO_SUCH_NAME : NOT_WRITABLE;
                index = request.varbinds == 0 ? 0 : 1;
                echo();
            }
            default -> {
                return false;
            }
        }
        finish(status, index);
        return true;
    }

    /** @return error-status << 32 | error-index */
    private long get() {
        for (int i = 0; i < rq.varbinds; i++) {
            int n = rq.arcs(i, arcs);
            int idx = rec.find(arcs, n);
            boolean ok;
            if (idx >= 0 && (!v1 || !isCounter64(idx))) {
                ok = writeValue(idx);
                if (ok) continue;
                if (!tooBigOrAbsent) return tooBig();
                // dynamic value absent now: falls through to noSuchInstance
            }
            if (v1) return error(NO_SUCH_NAME, i + 1);
            int tag = idx >= 0 || instanceMissing(n, idx >= 0 ? idx : -idx - 1) ? NO_SUCH_INSTANCE : NO_SUCH_OBJECT;
            if (!writeException(i, tag)) return tooBig();
        }
        return 0;
    }

    private long getNext() {
        for (int i = 0; i < rq.varbinds; i++) {
            int n = rq.arcs(i, arcs);
            int idx = rec.next(arcs, n);
            int r = nextUsable(idx);
            if (r == -2) return tooBig();
            if (r < 0) {
                if (v1) return error(NO_SUCH_NAME, i + 1);
                if (!writeException(i, END_OF_MIB_VIEW)) return tooBig();
            }
        }
        return 0;
    }

    private void bulk() {
        int count = rq.varbinds;
        int nonRep = (int) Math.max(0, Math.min(rq.field1, count));
        int reps = count - nonRep;
        long maxRep = Math.max(0, Math.min(rq.field2, Integer.MAX_VALUE));
        if (reps > 0 && nonRep + reps * maxRep > MAX_BULK_VARBINDS) {
            maxRep = Math.max(0, (MAX_BULK_VARBINDS - nonRep) / reps);
        }
        for (int i = 0; i < nonRep; i++) {
            int n = rq.arcs(i, arcs);
            int r = nextUsable(rec.next(arcs, n));
            if (r == -2) return;
            if (r < 0 && !writeException(i, END_OF_MIB_VIEW)) return;
        }
        // per repeater: the next recorded index to look at, and the last index returned (-1: none yet,
        // so an endOfMibView carries the request's own OID)
        int[] nextIdx = this.nextIdx;
        for (int j = 0; j < reps; j++) {
            int n = rq.arcs(nonRep + j, arcs);
            nextIdx[j] = rec.next(arcs, n);
        }
        int[] nameFrom = this.nameFrom;
        for (int j = 0; j < reps; j++) nameFrom[j] = -1;
        for (long r = 0; r < maxRep; r++) {
            boolean allEnd = true;
            for (int j = 0; j < reps; j++) {
                int at = nextIdx[j];
                int got = at >= rec.size() ? -1 : nextUsable(at);
                if (got == -2) return;
                if (got >= 0) {
                    nameFrom[j] = got;
                    nextIdx[j] = got + 1;
                    allEnd = false;
                } else {
                    nextIdx[j] = rec.size();
                    boolean fits = nameFrom[j] < 0 ? writeException(nonRep + j, END_OF_MIB_VIEW) : writeEndAfter(nameFrom[j]);
                    if (!fits) return;
                }
            }
            if (allEnd) return;
        }
    }

    /**
     * Writes the first usable value at or after recorded index {@code idx}.
     *
     * @return the index written, -1 if none is left (end of MIB view), -2 if it did not fit
     */
    private int nextUsable(int idx) {
        for (; idx < rec.size(); idx++) {
            if (v1 && isCounter64(idx)) continue;
            if (writeValue(idx)) {
                return idx;
            }
            if (!tooBigOrAbsent) return -2;
        }
        return -1;
    }

    /** Set by {@link #writeValue}: true if the value was absent (null), false if it did not fit. */
    private boolean tooBigOrAbsent;

    private boolean writeValue(int idx) {
        if (!view.isDynamic(idx)) {
            int len = rec.varBindLength(idx);
            if (pos + len > limit) {
                tooBigOrAbsent = false;
                return false;
            }
            pos = rec.copyVarBind(idx, out, pos);
            served++;
            return true;
        }
        Variable v = view.valueAt(idx, time);
        if (v == null || (v1 && v.getSyntax() == SMIConstants.SYNTAX_COUNTER64)) {
            tooBigOrAbsent = true;
            return false;
        }
        VariableBinding vb = new VariableBinding(rec.oid(idx), v);
        int len = vb.getBERLength();
        if (pos + len > limit) {
            tooBigOrAbsent = false;
            return false;
        }
        try {
            vb.encodeBER(new BEROutputStream(ByteBuffer.wrap(out, pos, len)));
        } catch (IOException e) {
            throw new IllegalStateException("encoding " + vb.getOid() + " of " + rec.name(), e);
        }
        pos += len;
        served++;
        return true;
    }

    private boolean isCounter64(int idx) {
        return rec.valueTag(idx) == COUNTER64_TAG;
    }

    /** noSuchInstance rule, see the class comment; {@code ins} is the insertion point of the request. */
    private boolean instanceMissing(int n, int ins) {
        if (ins < rec.size() && rec.startsWith(ins, arcs, n)) return false; // an inner node of the tree
        if (n < 2) return false;
        return (ins < rec.size() && rec.startsWith(ins, arcs, n - 1)) || (ins > 0 && rec.startsWith(ins - 1, arcs, n - 1));
    }

    /** VarBind {request OID, exception} (RFC 3416 section 3: noSuchObject [0], noSuchInstance [1], endOfMibView [2]). */
    private boolean writeException(int i, int tag) {
        int oidLen = rq.oidLen[i];
        int inner = 1 + lengthOfLength(oidLen) + oidLen + 2;
        int total = 1 + lengthOfLength(inner) + inner;
        if (pos + total > limit) return false;
        out[pos++] = 0x30;
        pos = writeLength(pos, inner);
        out[pos++] = 0x06;
        pos = writeLength(pos, oidLen);
        System.arraycopy(rq.buf, rq.oidOff[i], out, pos, oidLen);
        pos += oidLen;
        out[pos++] = (byte) tag;
        out[pos++] = 0;
        served++;
        return true;
    }

    /** endOfMibView named after the last OID this repeater returned. */
    private boolean writeEndAfter(int idx) {
        int nameLen = rec.nameLength(idx);
        int inner = nameLen + 2;
        int total = 1 + lengthOfLength(inner) + inner;
        if (pos + total > limit) return false;
        out[pos++] = 0x30;
        pos = writeLength(pos, inner);
        pos = rec.copyName(idx, out, pos);
        out[pos++] = (byte) END_OF_MIB_VIEW;
        out[pos++] = 0;
        served++;
        return true;
    }

    private long tooBig() {
        if (v1) {
            echo();
        } else {
            pos = head;
        }
        served = 0;
        return (long) TOO_BIG << 32;
    }

    private long error(int status, int index) {
        echo();
        served = 0;
        return (long) status << 32 | index;
    }

    /** The request's varbinds, byte for byte (v1 error responses, RFC 1157 section 4.1.2). */
    private void echo() {
        pos = head;
        for (int i = 0; i < rq.varbinds; i++) {
            int len = rq.vbEnd[i] - rq.vbOff[i];
            System.arraycopy(rq.buf, rq.vbOff[i], out, pos, len);
            pos += len;
        }
    }

    /** Prepends the message and PDU headers in front of the varbinds at {@code [head, pos)}. */
    private void finish(int status, int index) {
        int end = pos;
        int p = head;
        p = prependLength(p, end - head);
        out[--p] = 0x30;
        p = prependSmallInt(p, index);
        p = prependSmallInt(p, status);
        p -= rq.requestIdLen;
        System.arraycopy(rq.buf, rq.requestIdOff, out, p, rq.requestIdLen);
        p = prependLength(p, end - p);
        out[--p] = (byte) V2cRequest.RESPONSE;
        p -= rq.communityLen;
        System.arraycopy(rq.buf, rq.communityOff, out, p, rq.communityLen);
        p = prependLength(p, rq.communityLen);
        out[--p] = 0x04;
        out[--p] = (byte) rq.version;
        out[--p] = 1;
        out[--p] = 0x02;
        p = prependLength(p, end - p);
        out[--p] = 0x30;
        outStart = p;
        outLen = end - p;
    }

    private int prependSmallInt(int p, int v) {
        // non-negative and below 2^15: one or two content bytes, minimal two's complement
        if (v < 0x80) {
            out[--p] = (byte) v;
            out[--p] = 1;
        } else {
            out[--p] = (byte) v;
            out[--p] = (byte) (v >>> 8);
            out[--p] = 2;
        }
        out[--p] = 0x02;
        return p;
    }

    private int prependLength(int p, int len) {
        if (len < 0x80) {
            out[--p] = (byte) len;
        } else if (len < 0x100) {
            out[--p] = (byte) len;
            out[--p] = (byte) 0x81;
        } else {
            out[--p] = (byte) len;
            out[--p] = (byte) (len >>> 8);
            out[--p] = (byte) 0x82;
        }
        return p;
    }

    private int writeLength(int p, int len) {
        if (len < 0x80) {
            out[p++] = (byte) len;
        } else if (len < 0x100) {
            out[p++] = (byte) 0x81;
            out[p++] = (byte) len;
        } else {
            out[p++] = (byte) 0x82;
            out[p++] = (byte) (len >>> 8);
            out[p++] = (byte) len;
        }
        return p;
    }

    private static int lengthOfLength(int len) {
        return len < 0x80 ? 1 : len < 0x100 ? 2 : 3;
    }
}
