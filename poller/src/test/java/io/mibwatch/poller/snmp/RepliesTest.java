package io.mibwatch.poller.snmp;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.snmp.Replies.Answer;
import io.mibwatch.poller.snmp.Replies.Failed;
import io.mibwatch.poller.snmp.Replies.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.PDU;
import org.snmp4j.ScopedPDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

/** Classification of what SNMP4J hands to the response listener, with real SNMP4J PDUs and events. */
class RepliesTest {

    private static final String AUTH_PASS = "auth-pass-phrase-1";
    private static final String PRIV_PASS = "priv-pass-phrase-2";
    private static final String COMMUNITY = "c0mmunity-s3cret";

    private static final AgentTarget V3 = new AgentTarget("127.0.0.1", 16100, SnmpVersion.V3,
            new Credentials.Usm("lab", "x", AuthProtocol.SHA256, Secret.of(AUTH_PASS), PrivProtocol.AES128,
                    Secret.of(PRIV_PASS), ""),
            Duration.ofMillis(300), 1, 25, true, 4);
    private static final AgentTarget V2 = new AgentTarget("sw1.example", 161, SnmpVersion.V2C,
            new Credentials.Community("lab", Secret.of(COMMUNITY)), Duration.ofSeconds(5), 2, 25, true, 4);

    private static ResponseEvent<UdpAddress> event(PDU request, PDU response, Exception error) {
        return new ResponseEvent<>(new Object(), new UdpAddress("127.0.0.1/16100"), request, response, null, error, 0L);
    }

    private static PDU get(String... oids) {
        PDU pdu = new ScopedPDU();
        pdu.setType(PDU.GET);
        for (String o : oids) {
            pdu.add(new VariableBinding(new OID(o)));
        }
        return pdu;
    }

    private static PDU report(OID counter) {
        PDU r = new ScopedPDU();
        r.setType(PDU.REPORT);
        r.add(new VariableBinding(counter, new Counter32(3)));
        return r;
    }

    static Stream<Arguments> authReports() {
        return Stream.of(
                Arguments.of(SnmpConstants.usmStatsWrongDigests,
                        "127.0.0.1:16100: authentication failed (usmStatsWrongDigests): wrong auth pass phrase or protocol for user 'x'"),
                Arguments.of(SnmpConstants.usmStatsUnknownUserNames,
                        "127.0.0.1:16100: authentication failed (usmStatsUnknownUserNames): agent has no user 'x'"),
                Arguments.of(SnmpConstants.usmStatsDecryptionErrors,
                        "127.0.0.1:16100: authentication failed (usmStatsDecryptionErrors): wrong privacy pass phrase or protocol for user 'x'"),
                Arguments.of(SnmpConstants.usmStatsUnsupportedSecLevels,
                        "127.0.0.1:16100: authentication failed (usmStatsUnsupportedSecLevels): agent does not allow security level authPriv for user 'x'"));
    }

    @ParameterizedTest
    @MethodSource("authReports")
    void usmRejectionReportsAreAuthFailures(OID counter, String message) {
        Reply r = Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), report(counter), null));
        PollFailure f = assertInstanceOf(Failed.class, r).failure();
        assertEquals(new PollFailure(Cause.AUTH, message), f);
    }

    @Test
    void reportCounterMatchesWithoutItsInstanceSuffixToo() {
        OID withoutInstance = new OID(SnmpConstants.usmStatsWrongDigests.getValue(), 0,
                SnmpConstants.usmStatsWrongDigests.size() - 1);
        PollFailure f = ((Failed) Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), report(withoutInstance), null))).failure();
        assertEquals(Cause.AUTH, f.cause());
    }

    static Stream<Arguments> otherReports() {
        return Stream.of(
                Arguments.of(SnmpConstants.snmpUnknownContexts,
                        "127.0.0.1:16100: agent answered with report snmpUnknownContexts = 3"),
                Arguments.of(SnmpConstants.usmStatsNotInTimeWindows,
                        "127.0.0.1:16100: agent answered with report usmStatsNotInTimeWindows = 3"),
                Arguments.of(new OID("1.3.6.1.4.1.99999.1.0"),
                        "127.0.0.1:16100: agent answered with report 1.3.6.1.4.1.99999.1.0 = 3"));
    }

    @ParameterizedTest
    @MethodSource("otherReports")
    void otherReportsAreReportFailuresNamingTheCounter(OID counter, String message) {
        PollFailure f = ((Failed) Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), report(counter), null))).failure();
        assertEquals(new PollFailure(Cause.REPORT, message), f);
    }

    @Test
    void noResponseIsATimeoutSayingHowLongWasWaited() {
        assertEquals(new PollFailure(Cause.TIMEOUT, "sw1.example:161: no response after 3 tries of 5s; "
                        + "agent down, filtered, or wrong community"),
                ((Failed) Replies.classify(V2, event(get("1.3.6.1.2.1.1.1.0"), null, null))).failure());
        assertEquals("127.0.0.1:16100: no response after 2 tries of 0.3s; agent down, filtered, or wrong privacy "
                        + "pass phrase/protocol (agents drop v3 messages they cannot decrypt)",
                ((Failed) Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), null, null))).failure().message());
    }

    @Test
    void aResponseIsHandedOnUninspected() {
        PDU response = get("1.3.6.1.2.1.1.1.0");
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.tooBig); // error-status is the caller's business (split, halve, end of walk)
        Reply r = Replies.classify(V2, event(get("1.3.6.1.2.1.1.1.0"), response, null));
        assertSame(response, assertInstanceOf(Answer.class, r).pdu());
    }

    @Test
    void transportErrorsAreIoAndNeverLeakTheCommunity() {
        // SNMP4J error texts may include a target's toString, which prints the community
        IOException e = new IOException("Failed to send to CommunityTarget[community=" + COMMUNITY + "]");
        PollFailure f = ((Failed) Replies.classify(V2, event(get("1.3.6.1.2.1.1.1.0"), null, e))).failure();
        assertEquals(new PollFailure(Cause.IO,
                "sw1.example:161: request failed: IOException: Failed to send to CommunityTarget[community=<secret>]"), f);
    }

    @Test
    void noV3MessageContainsAPassPhrase() {
        IOException e = new IOException("keys " + AUTH_PASS + "/" + PRIV_PASS);
        for (PollFailure f : new PollFailure[]{
                ((Failed) Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), null, e))).failure(),
                Replies.internal(V3, new IllegalStateException(AUTH_PASS)),
                ((Failed) Replies.classify(V3, event(get("1.3.6.1.2.1.1.1.0"), report(SnmpConstants.usmStatsWrongDigests), null))).failure()}) {
            assertFalse(f.message().contains(AUTH_PASS), f.message());
            assertFalse(f.message().contains(PRIV_PASS), f.message());
        }
    }

    @Test
    void errorStatusNamesStatusIndexAndOid() {
        PDU request = get("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.99.0");
        PDU response = get("1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.99.0");
        response.setType(PDU.RESPONSE);
        response.setErrorStatus(PDU.noSuchName);
        response.setErrorIndex(2);
        assertEquals(new PollFailure(Cause.ERROR_STATUS, "sw1.example:161: agent returned error-status "
                        + "noSuchName (2) at index 2 (1.3.6.1.2.1.1.99.0) for GET of 2 varbind(s)"),
                Replies.errorStatus(V2, request, response));

        response.setErrorStatus(PDU.genErr);
        response.setErrorIndex(0);
        assertEquals("sw1.example:161: agent returned error-status genErr (5) for GET of 2 varbind(s)",
                Replies.errorStatus(V2, request, response).message());

        response.setErrorStatus(42);
        assertEquals("sw1.example:161: agent returned error-status unknown (42) for GET of 2 varbind(s)",
                Replies.errorStatus(V2, request, response).message());
    }

    @Test
    void aNonResponsePduIsADecodeFailure() {
        PDU odd = get("1.3.6.1.2.1.1.1.0"); // an agent echoing a GET back
        PollFailure f = ((Failed) Replies.classify(V2, event(get("1.3.6.1.2.1.1.1.0"), odd, null))).failure();
        assertEquals(new PollFailure(Cause.DECODE, "sw1.example:161: expected a Response PDU, got GET"), f);
    }

    @Test
    void anUndecodableAnswerIsADecodeFailureThatNeverEchoesTheCommunity() {
        // garbage may carry the community back (a truncated copy of our own request)
        PollFailure f = Replies.undecodable(V2, "Wrong ASN.1 type near '" + COMMUNITY + "' (snmpInvalidMsgs)");
        assertEquals(new PollFailure(Cause.DECODE, "sw1.example:161: the agent answered, but its answer could not be "
                + "decoded: Wrong ASN.1 type near '<secret>' (snmpInvalidMsgs)"), f);
    }

    @Test
    void timeoutsAreWrittenAsOperatorsWriteThem() {
        assertEquals("5s", Replies.seconds(Duration.ofSeconds(5)));
        assertEquals("0.3s", Replies.seconds(Duration.ofMillis(300)));
        assertEquals("1.25s", Replies.seconds(Duration.ofMillis(1250)));
    }

    @Test
    void shortPassPhrasesAreRejectedBeforeSending() {
        AgentTarget t = new AgentTarget("127.0.0.1", 16100, SnmpVersion.V3,
                new Credentials.Usm("lab", "x", AuthProtocol.MD5, Secret.of("short"), null, null, ""),
                Duration.ofSeconds(1), 0, 25, true, 4);
        assertEquals(new PollFailure(Cause.AUTH, "127.0.0.1:16100: auth pass phrase of user 'x' is shorter than "
                + "8 characters (RFC 3414 section 11.2)"), UsmUsers.check(t));
        assertEquals(null, UsmUsers.check(V3));
    }

}
