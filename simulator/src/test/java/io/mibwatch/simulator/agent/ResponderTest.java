package io.mibwatch.simulator.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.simulator.snmprec.SnmprecReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The in-place codec and the GET/GETNEXT/GETBULK semantics, with SNMP4J encoding every request and
 * decoding every response (an independent BER implementation).
 */
class ResponderTest {
    static final Recording REC = SnmprecReader.parse("dev", "dev.snmprec", String.join("\n",
            "1.3.6.1.2.1.1.1.0|4|Simulated device",
            "1.3.6.1.2.1.1.3.0|67|12345",
            "1.3.6.1.2.1.1.5.0|4|dev",
            "1.3.6.1.2.1.2.2.1.2.1|4|eth0",
            "1.3.6.1.2.1.2.2.1.2.2|4|eth1",
            "1.3.6.1.2.1.2.2.1.10.1|65|100",
            "1.3.6.1.2.1.2.2.1.10.2|65|200",
            "1.3.6.1.2.1.31.1.1.1.6.1|70|1000",
            "1.3.6.1.2.1.31.1.1.1.6.2|70|2000",
            "1.3.6.1.4.1.2021.10.1.6.1|68|Float: 0.46").getBytes(StandardCharsets.ISO_8859_1));
    static final int V1 = 0;
    static final int V2C = 1;

    private final Responder responder = new Responder();
    private final V2cRequest request = new V2cRequest();

    private PDU ask(int version, PDU pdu, DeviceView view, int maxSize) {
        pdu.setRequestID(new Integer32(0x7abc1234));
        byte[] msg = Messages.encode(version, "public", pdu);
        assertTrue(request.decode(msg, msg.length), "request decodes");
        assertTrue(responder.respond(request, view, Instant.EPOCH, maxSize), "answered");
        Messages.Decoded d = Messages.decode(responder.out, responder.outStart, responder.outLen);
        assertEquals(version, d.version());
        assertEquals("public", d.community());
        assertEquals(PDU.RESPONSE, d.pdu().getType());
        assertEquals(0x7abc1234, d.pdu().getRequestID().getValue());
        return d.pdu();
    }

    private PDU ask(int version, PDU pdu) {
        return ask(version, pdu, DeviceView.recorded(REC), 65507);
    }

    static PDU pdu(int type, String... oids) {
        PDU p = new PDU();
        p.setType(type);
        for (String o : oids) p.add(new VariableBinding(new OID(o)));
        return p;
    }

    static String show(PDU p) {
        List<String> s = new ArrayList<>();
        s.add("status=" + p.getErrorStatus() + " index=" + p.getErrorIndex());
        for (VariableBinding vb : p.getVariableBindings()) s.add(vb.getOid() + " " + vb.getVariable().getSyntaxString() + " " + vb.getVariable());
        return String.join("\n", s);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("GET exact", V2C, pdu(PDU.GET, "1.3.6.1.2.1.1.5.0"),
                        "status=0 index=0\n1.3.6.1.2.1.1.5.0 OCTET STRING dev"),
                Arguments.of("GET missing instance of a recorded object", V2C, pdu(PDU.GET, "1.3.6.1.2.1.2.2.1.2.9"),
                        "status=0 index=0\n1.3.6.1.2.1.2.2.1.2.9 NoSuchInstance noSuchInstance"),
                Arguments.of("GET scalar without .0", V2C, pdu(PDU.GET, "1.3.6.1.2.1.1.5"),
                        "status=0 index=0\n1.3.6.1.2.1.1.5 NoSuchObject noSuchObject"),
                Arguments.of("GET unknown object", V2C, pdu(PDU.GET, "1.3.6.1.4.1.9999.1.0"),
                        "status=0 index=0\n1.3.6.1.4.1.9999.1.0 NoSuchObject noSuchObject"),
                Arguments.of("GET mixed keeps order", V2C, pdu(PDU.GET, "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.2.2.1.2.9", "1.3.6.1.2.1.2.2.1.2.1"),
                        "status=0 index=0\n1.3.6.1.2.1.1.3.0 TimeTicks 0:02:03.45\n1.3.6.1.2.1.2.2.1.2.9 NoSuchInstance noSuchInstance\n1.3.6.1.2.1.2.2.1.2.1 OCTET STRING eth0"),
                Arguments.of("v1 GET missing: noSuchName, index, varbinds echoed", V1, pdu(PDU.GET, "1.3.6.1.2.1.1.5.0", "1.3.6.1.2.1.2.2.1.2.9"),
                        "status=2 index=2\n1.3.6.1.2.1.1.5.0 Null Null\n1.3.6.1.2.1.2.2.1.2.9 Null Null"),
                Arguments.of("v1 GET Counter64: noSuchName (RFC 2576 4.2.1)", V1, pdu(PDU.GET, "1.3.6.1.2.1.31.1.1.1.6.1"),
                        "status=2 index=1\n1.3.6.1.2.1.31.1.1.1.6.1 Null Null"),
                Arguments.of("GETNEXT from a prefix", V2C, pdu(PDU.GETNEXT, "1.3.6.1.2.1.2"),
                        "status=0 index=0\n1.3.6.1.2.1.2.2.1.2.1 OCTET STRING eth0"),
                Arguments.of("GETNEXT from an exact OID", V2C, pdu(PDU.GETNEXT, "1.3.6.1.2.1.1.5.0"),
                        "status=0 index=0\n1.3.6.1.2.1.2.2.1.2.1 OCTET STRING eth0"),
                Arguments.of("GETNEXT from 0.0", V2C, pdu(PDU.GETNEXT, "0.0"),
                        "status=0 index=0\n1.3.6.1.2.1.1.1.0 OCTET STRING Simulated device"),
                Arguments.of("GETNEXT past the end", V2C, pdu(PDU.GETNEXT, "1.3.6.1.4.1.2021.10.1.6.1"),
                        "status=0 index=0\n1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView"),
                Arguments.of("v1 GETNEXT skips Counter64", V1, pdu(PDU.GETNEXT, "1.3.6.1.2.1.2.2.1.10.2"),
                        "status=0 index=0\n1.3.6.1.4.1.2021.10.1.6.1 Opaque 9f:78:04:3e:eb:85:1f"),
                Arguments.of("v1 GETNEXT past the end: noSuchName", V1, pdu(PDU.GETNEXT, "1.3.6.1.2.1.1.1.0", "1.3.6.1.9"),
                        "status=2 index=2\n1.3.6.1.2.1.1.1.0 Null Null\n1.3.6.1.9 Null Null"),
                Arguments.of("SET is refused: notWritable", V2C, pdu(PDU.SET, "1.3.6.1.2.1.1.5.0"),
                        "status=17 index=1\n1.3.6.1.2.1.1.5.0 Null Null"),
                Arguments.of("v1 SET is refused: noSuchName", V1, pdu(PDU.SET, "1.3.6.1.2.1.1.5.0"),
                        "status=2 index=1\n1.3.6.1.2.1.1.5.0 Null Null"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersLikeAnAgentShould(String name, int version, PDU request, String expected) {
        assertEquals(expected, show(ask(version, request)));
    }

    static PDU bulk(int nonRepeaters, int maxRepetitions, String... oids) {
        PDU p = pdu(PDU.GETBULK, oids);
        p.setNonRepeaters(nonRepeaters);
        p.setMaxRepetitions(maxRepetitions);
        return p;
    }

    @Test
    void getBulkWithNonRepeatersAndRepetitionsEndingInEndOfMibView() {
        PDU r = ask(V2C, bulk(1, 3, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.31.1.1.1.6", "1.3.6.1.4.1.2021"));
        assertEquals(String.join("\n",
                "status=0 index=0",
                "1.3.6.1.2.1.1.3.0 TimeTicks 0:02:03.45",                 // non-repeater
                "1.3.6.1.2.1.31.1.1.1.6.1 Counter64 1000",                // repetition 1
                "1.3.6.1.4.1.2021.10.1.6.1 Opaque 9f:78:04:3e:eb:85:1f",
                "1.3.6.1.2.1.31.1.1.1.6.2 Counter64 2000",                // repetition 2
                "1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView",    // named after the last OID returned
                "1.3.6.1.4.1.2021.10.1.6.1 Opaque 9f:78:04:3e:eb:85:1f",  // repetition 3
                "1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView"), show(r));
    }

    @Test
    void getBulkStopsAfterARepetitionWhereAllRepeatersEnded() {
        PDU r = ask(V2C, bulk(0, 10, "1.3.6.1.2.1.31.1.1.1.6.2", "1.3.6.1.4.1.2021.10.1.6.1"));
        assertEquals(String.join("\n", "status=0 index=0",
                "1.3.6.1.4.1.2021.10.1.6.1 Opaque 9f:78:04:3e:eb:85:1f",
                "1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView",
                "1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView",
                "1.3.6.1.4.1.2021.10.1.6.1 EndOfMibView endOfMibView"), show(r));
    }

    @Test
    void getBulkNegativeFieldsAreZeroAndNonRepeatersAreClamped() {
        assertEquals("status=0 index=0", show(ask(V2C, bulk(0, -5, "1.3.6.1"))));
        assertEquals("status=0 index=0\n1.3.6.1.2.1.1.1.0 OCTET STRING Simulated device",
                show(ask(V2C, bulk(-3 + 3 + 7, 4, "1.3.6.1"))));
    }

    @Test
    void getBulkIsCappedAt100VarbindsLikeSnmpd() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 300; i++) sb.append("1.3.6.1.2.1.2.2.1.2.").append(i).append("|4|if").append(i).append('\n');
        Recording big = SnmprecReader.parse("big", "big.snmprec", sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(100, ask(V2C, bulk(0, 1000, "1.3.6.1"), DeviceView.recorded(big), 65507).size());
        assertEquals(99, ask(V2C, bulk(0, 1000, "1.3.6.1", "1.3.6.1.2.1.2.2.1.2.100", "1.3.6.1.2.1.2.2.1.2.200"), DeviceView.recorded(big), 65507).size());
        assertEquals(25, ask(V2C, bulk(0, 25, "1.3.6.1"), DeviceView.recorded(big), 65507).size());
    }

    @Test
    void getBulkIsCutToTheMessageSizeAndGetBecomesTooBig() {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 50; i++) sb.append("1.3.6.1.2.1.2.2.1.2.").append(i).append("|4|").append("x".repeat(100)).append('\n');
        Recording big = SnmprecReader.parse("big", "big.snmprec", sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        DeviceView v = DeviceView.recorded(big);
        PDU cut = ask(V2C, bulk(0, 50, "1.3.6.1"), v, 1472);
        assertTrue(cut.size() > 5 && cut.size() < 50, "cut to what fits: " + cut.size());
        assertTrue(responder.outLen <= 1472, "message of " + responder.outLen + " bytes");
        assertEquals(0, cut.getErrorStatus());

        String[] oids = new String[20];
        for (int i = 0; i < 20; i++) oids[i] = "1.3.6.1.2.1.2.2.1.2." + (i + 1);
        PDU tooBig = ask(V2C, pdu(PDU.GET, oids), v, 1472);
        assertEquals("status=1 index=0", show(tooBig)); // RFC 3416 4.2.1: tooBig, empty varbind list
        PDU tooBigNext = ask(V2C, pdu(PDU.GETNEXT, oids), v, 1472);
        assertEquals("status=1 index=0", show(tooBigNext));
    }

    @Test
    void dynamicValuesAreEncodedAndAbsentOnesSkippedOrMissing() {
        DeviceView moving = new DeviceView() {
            public Recording recording() {
                return REC;
            }

            public boolean isDynamic(int index) {
                return index == 1 || index == 3; // sysUpTime moves, ifDescr.1 is absent
            }

            public Variable valueAt(int index, Instant t) {
                return index == 1 ? new org.snmp4j.smi.TimeTicks(t.getEpochSecond() * 100) : null;
            }
        };
        responder.respond(request, moving, Instant.ofEpochSecond(42), 65507); // warm-up not needed; real call below
        PDU p = pdu(PDU.GET, "1.3.6.1.2.1.1.3.0", "1.3.6.1.2.1.2.2.1.2.1");
        p.setRequestID(new Integer32(1));
        byte[] msg = Messages.encode(V2C, "public", p);
        assertTrue(request.decode(msg, msg.length));
        assertTrue(responder.respond(request, moving, Instant.ofEpochSecond(42), 65507));
        assertEquals("status=0 index=0\n1.3.6.1.2.1.1.3.0 TimeTicks 0:00:42.00\n1.3.6.1.2.1.2.2.1.2.1 NoSuchInstance noSuchInstance",
                show(Messages.decode(responder.out, responder.outStart, responder.outLen).pdu()));
        PDU next = pdu(PDU.GETNEXT, "1.3.6.1.2.1.1.5.0");
        next.setRequestID(new Integer32(2));
        msg = Messages.encode(V2C, "public", next);
        assertTrue(request.decode(msg, msg.length));
        assertTrue(responder.respond(request, moving, Instant.ofEpochSecond(42), 65507));
        assertEquals("status=0 index=0\n1.3.6.1.2.1.2.2.1.2.2 OCTET STRING eth1",
                show(Messages.decode(responder.out, responder.outStart, responder.outLen).pdu()));
    }

    @Test
    void v1GetBulkAndResponsePdusAreNotAnswered() {
        byte[] msg = Messages.encode(V1, "public", bulk(0, 5, "1.3.6.1"));
        assertTrue(request.decode(msg, msg.length));
        assertFalse(responder.respond(request, DeviceView.recorded(REC), Instant.EPOCH, 65507));
        PDU resp = pdu(PDU.RESPONSE, "1.3.6.1");
        msg = Messages.encode(V2C, "public", resp);
        assertTrue(request.decode(msg, msg.length));
        assertFalse(responder.respond(request, DeviceView.recorded(REC), Instant.EPOCH, 65507));
    }

    /**
     * Garbage never crashes the codec and is never answered with garbage: every mutation of a valid
     * request either fails to decode, or is answered with a message SNMP4J decodes.
     */
    @Test
    void mutatedAndTruncatedRequestsAreRejectedOrAnsweredWithValidMessages() {
        byte[] valid = Messages.encode(V2C, "public", bulk(1, 10, "1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.2"));
        Random rnd = new Random(20260101);
        int rejected = 0;
        for (int n = 0; n < 20000; n++) {
            byte[] m = valid.clone();
            int len = m.length;
            switch (n % 3) {
                case 0 -> m[rnd.nextInt(len)] = (byte) rnd.nextInt(256);
                case 1 -> len = rnd.nextInt(len);
                default -> {
                    for (int k = 0; k < 3; k++) m[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            if (!request.decode(m, len)) {
                rejected++;
                continue;
            }
            if (responder.respond(request, DeviceView.recorded(REC), Instant.EPOCH, 65507)) {
                Messages.decode(responder.out, responder.outStart, responder.outLen); // throws if not valid BER
            }
        }
        assertTrue(rejected > 10000, "most mutations are malformed: " + rejected);
        for (int len = 0; len < valid.length; len++) {
            assertFalse(request.decode(valid, len), "truncated to " + len);
        }
    }

    @Test
    void requestIdIsEchoedByteForByteIncludingNegativeAndMaximal() {
        for (int id : new int[] {0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 128, 255}) {
            PDU p = pdu(PDU.GET, "1.3.6.1.2.1.1.5.0");
            p.setRequestID(new Integer32(id));
            byte[] msg = Messages.encode(V2C, "public", p);
            assertTrue(request.decode(msg, msg.length));
            assertTrue(responder.respond(request, DeviceView.recorded(REC), Instant.EPOCH, 65507));
            assertEquals(id, Messages.decode(responder.out, responder.outStart, responder.outLen).pdu().getRequestID().getValue());
        }
    }

    @Test
    void nonNullRequestValuesAndLongCommunitiesAreAccepted() {
        PDU p = new PDU();
        p.setType(PDU.GET);
        p.add(new VariableBinding(new OID("1.3.6.1.2.1.1.5.0"), new OctetString("ignored")));
        p.add(new VariableBinding(new OID("1.3.6.1.2.1.31.1.1.1.6.1"), new Counter64(5)));
        p.add(new VariableBinding(new OID("1.3.6.1.2.1.1.1.0"), new Null()));
        p.setRequestID(new Integer32(9));
        String community = "c".repeat(300);
        byte[] msg = Messages.encode(V2C, community, p);
        assertTrue(request.decode(msg, msg.length));
        assertTrue(responder.respond(request, DeviceView.recorded(REC), Instant.EPOCH, 65507));
        Messages.Decoded d = Messages.decode(responder.out, responder.outStart, responder.outLen);
        assertEquals(community, d.community());
        assertEquals(3, d.pdu().size());
        assertEquals(new Counter64(1000), d.pdu().get(1).getVariable());
    }
}
