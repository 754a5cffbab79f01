package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.testing.ScriptedAgent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Client behaviour that a stock snmpd will not show on demand (tooBig on GETBULK, a looping agent,
 * v1 end of MIB), against {@link ScriptedAgent}: a real SNMP agent on 127.0.0.1, not a mock.
 */
class SnmpClientScriptedAgentTest {

    /** A small ifTable-like subtree: 3 columns x 10 rows, plus one object after it. */
    private static final OID ROOT = new OID("1.3.6.1.4.1.99999.1");
    private static final Map<OID, Variable> TABLE = new TreeMap<>();

    static {
        for (int col = 1; col <= 3; col++) {
            for (int row = 1; row <= 10; row++) {
                OID oid = new OID(ROOT).append(col).append(row);
                TABLE.put(oid, switch (col) {
                    case 1 -> new Integer32(row);
                    case 2 -> new OctetString("if" + row);
                    default -> new Counter32(1000L * row);
                });
            }
        }
        TABLE.put(new OID("1.3.6.1.4.1.99999.2.0"), new Integer32(42));
    }

    private static final ManualClock CLOCK = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private static SnmpClient client;

    @BeforeAll
    static void open() throws Exception {
        client = new SnmpClient(CLOCK, 0, host -> {
            // tests never ask the real resolver: DNS would leave 127.0.0.0/8
            throw new UnknownHostException(host + ": not in the test resolver");
        });
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static AgentTarget target(ScriptedAgent agent, SnmpVersion version, int maxRepetitions, boolean bulk) {
        return new AgentTarget(agent.host(), agent.port(), version,
                new Credentials.Community("test", Secret.of("public")), Duration.ofSeconds(2), 1, maxRepetitions, bulk, 4);
    }

    private static List<VariableBinding> subtree() {
        List<VariableBinding> out = new ArrayList<>();
        TABLE.forEach((oid, v) -> {
            if (oid.startsWith(ROOT)) {
                out.add(new VariableBinding(oid, v));
            }
        });
        return out;
    }

    @Test
    void getBulkAnsweredTooBigIsRetriedWithHalvedMaxRepetitions() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).maxVarbinds(4)) {
            SnmpOutcome o = client.walk(target(agent, SnmpVersion.V2C, 25, true), ROOT).get(60, TimeUnit.SECONDS);
            assertEquals(subtree(), assertInstanceOf(SnmpResponse.class, o).varbinds());
            List<Integer> seen = agent.maxRepetitionsSeen();
            // 25 -> tooBig, 12 -> tooBig, 6 -> tooBig, 3 fits; the walk then stays at 3
            assertEquals(List.of(25, 12, 6, 3), seen.subList(0, 4));
            assertTrue(seen.subList(3, seen.size()).stream().allMatch(r -> r == 3), seen.toString());
        }
    }

    @Test
    void getAnsweredTooBigIsSplitInHalvesAndMergedInOrder() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).maxVarbinds(3)) {
            List<OID> oids = subtree().stream().map(VariableBinding::getOid).toList().subList(0, 13);
            long before = client.tooBigAnswers();
            SnmpOutcome o = client.get(target(agent, SnmpVersion.V2C, 25, true), oids).get(60, TimeUnit.SECONDS);
            assertEquals(subtree().subList(0, 13), assertInstanceOf(SnmpResponse.class, o).varbinds());
            // 13 -> 6 + 7, 6 -> 3 + 3, 7 -> 3 + 4, 4 -> 2 + 2: four tooBig answers
            assertEquals(4, client.tooBigAnswers() - before);
        }
    }

    @Test
    void aGetRemembersTheAgentsLimitSoTheNextOneIsNotAnsweredTooBig() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).maxVarbinds(3)) {
            List<OID> oids = subtree().stream().map(VariableBinding::getOid).toList().subList(0, 13);
            AgentTarget t = target(agent, SnmpVersion.V2C, 25, true);
            assertEquals(SnmpClient.MAX_GET_VARBINDS, client.getLimit(t));
            client.get(t, oids).get(60, TimeUnit.SECONDS);
            // the smallest half asked after a tooBig: 13 -> 6, 7 -> 3, 4 -> 2
            assertEquals(2, client.getLimit(t));
            long before = client.tooBigAnswers();
            SnmpOutcome o = client.get(t, oids).get(60, TimeUnit.SECONDS);
            assertEquals(subtree().subList(0, 13), assertInstanceOf(SnmpResponse.class, o).varbinds());
            assertEquals(0, client.tooBigAnswers() - before, "the second GET was sent in pieces the agent can answer");
        }
    }

    @Test
    void tooBigForASingleVarbindIsAnErrorStatusFailure() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).maxVarbinds(0)) {
            AgentTarget t = target(agent, SnmpVersion.V2C, 25, true);
            PollFailure get = assertInstanceOf(PollFailure.class,
                    client.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0"))).get(60, TimeUnit.SECONDS));
            assertEquals(new PollFailure(Cause.ERROR_STATUS, t.where() + ": agent returned error-status "
                    + "tooBig (1) for GET of 1 varbind(s)"), get);
            PollFailure walk = assertInstanceOf(PollFailure.class, client.walk(t, ROOT).get(60, TimeUnit.SECONDS));
            assertEquals(Cause.ERROR_STATUS, walk.cause());
            assertTrue(walk.message().contains("for GETBULK of 1 varbind(s)"), walk.message());
        }
    }

    @Test
    void nonIncreasingOidsFailTheWalkWithDecodeNamingTheOid() throws Exception {
        OID loopAt = new OID(ROOT).append(2).append(5);
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).loopAfter(loopAt)) {
            // The guard judges each answer by its last OID against the OID asked for (as net-snmp):
            // GETNEXT asked from .2.5 and got .1.1; the GETBULK answer asked from .2.4 wrapped and
            // ended at .1.6.
            for (boolean bulk : new boolean[]{true, false}) {
                AgentTarget t = target(agent, SnmpVersion.V2C, 7, bulk);
                PollFailure f = assertInstanceOf(PollFailure.class, client.walk(t, ROOT).get(60, TimeUnit.SECONDS));
                String got = bulk ? "1.3.6.1.4.1.99999.1.1.6" : "1.3.6.1.4.1.99999.1.1.1";
                String asked = bulk ? "1.3.6.1.4.1.99999.1.2.4" : "1.3.6.1.4.1.99999.1.2.5";
                assertEquals(new PollFailure(Cause.DECODE, t.where() + ": agent returned OID " + got + " after "
                        + asked + " while walking 1.3.6.1.4.1.99999.1 (OIDs must increase, RFC 3416 4.2.2); "
                        + "walk stopped to avoid a loop"), f);
            }
        }
    }

    @Test
    void v1WalkEndsAtNoSuchNameAndV2cAtEndOfMibView() throws Exception {
        OID last = new OID("1.3.6.1.4.1.99999.2");
        List<VariableBinding> expected = List.of(new VariableBinding(new OID("1.3.6.1.4.1.99999.2.0"), new Integer32(42)));
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE)) {
            // the last subtree of the agent's MIB: the walk must end, not fail
            assertEquals(expected, ((SnmpResponse) client.walk(target(agent, SnmpVersion.V1, 25, true), last).get(60, TimeUnit.SECONDS)).varbinds());
            assertEquals(expected, ((SnmpResponse) client.walk(target(agent, SnmpVersion.V2C, 25, true), last).get(60, TimeUnit.SECONDS)).varbinds());
            assertEquals(expected, ((SnmpResponse) client.walk(target(agent, SnmpVersion.V2C, 25, false), last).get(60, TimeUnit.SECONDS)).varbinds());
            // v1 never uses GETBULK (it has none), even with bulk=true
            assertEquals(1, agent.maxRepetitionsSeen().size());
        }
    }

    @Test
    void severalRootsAreConcatenatedInTheOrderGiven() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE)) {
            OID col3 = new OID(ROOT).append(3);
            OID col1 = new OID(ROOT).append(1);
            SnmpResponse r = (SnmpResponse) client.walk(target(agent, SnmpVersion.V2C, 4, true), List.of(col3, col1)).get(60, TimeUnit.SECONDS);
            List<VariableBinding> expected = new ArrayList<>();
            subtree().stream().filter(vb -> vb.getOid().startsWith(col3)).forEach(expected::add);
            subtree().stream().filter(vb -> vb.getOid().startsWith(col1)).forEach(expected::add);
            assertEquals(expected, r.varbinds());
            assertEquals(CLOCK.instant(), r.at()); // stamped with the injected clock
        }
    }

    @Test
    void v1GetOfAMissingObjectIsNoSuchNameNamingTheOid() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE)) {
            AgentTarget t = target(agent, SnmpVersion.V1, 25, true);
            PollFailure f = assertInstanceOf(PollFailure.class, client.get(t,
                    List.of(new OID("1.3.6.1.4.1.99999.2.0"), new OID("1.3.6.1.4.1.99999.3.0"))).get(60, TimeUnit.SECONDS));
            assertEquals(new PollFailure(Cause.ERROR_STATUS, t.where() + ": agent returned error-status "
                    + "noSuchName (2) at index 2 (1.3.6.1.4.1.99999.3.0) for GET of 2 varbind(s)"), f);
        }
    }

    @Test
    void aMultiRootWalkOfASilentAgentStopsAtTheFirstTimeoutInsteadOfTryingEveryRoot() throws Exception {
        // answers come far too late: the agent looks dead to a 200 ms timeout
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).answerDelay(Duration.ofSeconds(3))) {
            AgentTarget t = new AgentTarget(agent.host(), agent.port(), SnmpVersion.V2C,
                    new Credentials.Community("test", Secret.of("public")), Duration.ofMillis(200), 0, 25, true, 2);
            List<OID> roots = new ArrayList<>();
            for (int i = 1; i <= 12; i++) {
                roots.add(new OID("1.3.6.1.4.1.99999.1").append(i));
            }
            PollFailure f = assertInstanceOf(PollFailure.class, client.walk(t, roots).get(60, TimeUnit.SECONDS));
            assertEquals(Cause.TIMEOUT, f.cause());
            Thread.sleep(400); // would-be later roots have had time to be sent if the walk went on
            // only the first batch (maxOutstanding = 2) was ever sent, not one request per root
            assertEquals(2, agent.requestsReceived());
        }
    }

    @Test
    void noMoreThanMaxOutstandingRequestsReachTheAgentAtOnce() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE).answerDelay(Duration.ofMillis(40))) {
            AgentTarget t = new AgentTarget(agent.host(), agent.port(), SnmpVersion.V2C,
                    new Credentials.Community("test", Secret.of("public")), Duration.ofSeconds(5), 0, 25, true, 2);
            List<CompletableFuture<SnmpOutcome>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(client.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0"))));
            }
            for (CompletableFuture<SnmpOutcome> f : all) {
                assertEquals(List.of(new VariableBinding(new OID("1.3.6.1.4.1.99999.2.0"), new Integer32(42))),
                        assertInstanceOf(SnmpResponse.class, f.get(60, TimeUnit.SECONDS)).varbinds());
            }
            // all 20 were submitted at once; the agent never held more than the limit
            assertTrue(agent.maxUnanswered() <= 2, "agent saw " + agent.maxUnanswered() + " requests at once");
        }
    }

    /** Regression (burst benchmark): a whole fleet polled at once must not flood the one socket. */
    @Test
    void noMoreThanTheClientWideLimitIsInFlightOverAllAgents() throws Exception {
        try (ScriptedAgent a = ScriptedAgent.start(TABLE).answerDelay(Duration.ofMillis(40));
             ScriptedAgent b = ScriptedAgent.start(TABLE).answerDelay(Duration.ofMillis(40));
             SnmpClient bounded = new SnmpClient(CLOCK, 0, host -> {
                 throw new UnknownHostException(host);
             }, 3)) {
            List<CompletableFuture<SnmpOutcome>> all = new ArrayList<>();
            for (ScriptedAgent agent : List.of(a, b)) {
                // each agent alone would take 10 at once
                AgentTarget t = new AgentTarget(agent.host(), agent.port(), SnmpVersion.V2C,
                        new Credentials.Community("test", Secret.of("public")), Duration.ofSeconds(5), 0, 25, true, 10);
                for (int i = 0; i < 10; i++) {
                    all.add(bounded.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0"))));
                }
            }
            for (CompletableFuture<SnmpOutcome> f : all) {
                assertEquals(List.of(new VariableBinding(new OID("1.3.6.1.4.1.99999.2.0"), new Integer32(42))),
                        assertInstanceOf(SnmpResponse.class, f.get(60, TimeUnit.SECONDS)).varbinds());
            }
            assertTrue(a.maxUnanswered() <= 3 && b.maxUnanswered() <= 3,
                    "agents saw " + a.maxUnanswered() + " and " + b.maxUnanswered() + " requests at once");
            assertEquals(20, a.requestsReceived() + b.requestsReceived(), "every request sent exactly once");
        }
    }

    @Test
    void unresolvableHostIsUnknownHost() throws Exception {
        AgentTarget t = new AgentTarget("no-such-device.invalid", 161, SnmpVersion.V2C,
                new Credentials.Community("test", Secret.of("public")), Duration.ofSeconds(1), 0, 25, true, 4);
        assertEquals(new PollFailure(Cause.UNKNOWN_HOST, "no-such-device.invalid:161: unknown host 'no-such-device.invalid'"),
                client.get(t, List.of(new OID("1.3.6.1.2.1.1.1.0"))).get(60, TimeUnit.SECONDS));
    }

    @Test
    void aBugStillCompletesTheFutureWithAnIoFailure() throws Exception {
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE)) {
            AgentTarget t = target(agent, SnmpVersion.V2C, 25, true);
            // a null OID is a caller bug that SNMP4J would throw on deep inside
            SnmpOutcome o = client.get(t, java.util.Arrays.asList(new OID("1.3.6.1.4.1.99999.2.0"), null)).get(60, TimeUnit.SECONDS);
            PollFailure f = assertInstanceOf(PollFailure.class, o);
            assertEquals(Cause.IO, f.cause());
            assertTrue(f.message().startsWith(t.where() + ": internal error: NullPointerException"), f.message());

            // a failing collaborator (the clock) after the answer arrived: still an outcome, not an exception
            java.time.Clock broken = new java.time.Clock() {
                private int calls;

                @Override
                public java.time.ZoneId getZone() {
                    return java.time.ZoneOffset.UTC;
                }

                @Override
                public java.time.Clock withZone(java.time.ZoneId zone) {
                    return this;
                }

                @Override
                public Instant instant() {
                    if (++calls > 1) {
                        throw new IllegalStateException("clock broke");
                    }
                    return Instant.EPOCH;
                }
            };
            try (SnmpClient c = new SnmpClient(broken)) {
                assertEquals(new PollFailure(Cause.IO, t.where() + ": internal error: IllegalStateException: clock broke"),
                        c.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0"))).get(60, TimeUnit.SECONDS));
            }
        }
    }

    @Test
    void closingCompletesRequestsInFlightAndQueued() throws Exception {
        ScriptedAgent gone = ScriptedAgent.start(TABLE);
        int port = gone.port();
        gone.close(); // nothing answers on this port any more
        SnmpClient c = new SnmpClient(CLOCK);
        AgentTarget t = new AgentTarget("127.0.0.1", port, SnmpVersion.V2C,
                new Credentials.Community("test", Secret.of("public")), Duration.ofMinutes(5), 0, 25, true, 1);
        CompletableFuture<SnmpOutcome> inFlight = c.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0")));
        CompletableFuture<SnmpOutcome> queued = c.get(t, List.of(new OID("1.3.6.1.4.1.99999.2.0")));
        c.close();
        // without close these would wait 5 minutes; the bounded get only keeps a broken build from hanging
        for (CompletableFuture<SnmpOutcome> f : List.of(inFlight, queued)) {
            PollFailure failure = assertInstanceOf(PollFailure.class, f.get(30, TimeUnit.SECONDS));
            assertEquals(Cause.IO, failure.cause(), failure.message());
        }
    }

    @Test
    void aClosedClientAnswersWithIoInsteadOfThrowing() throws Exception {
        SnmpClient other = new SnmpClient(CLOCK);
        other.close();
        try (ScriptedAgent agent = ScriptedAgent.start(TABLE)) {
            SnmpOutcome o = other.get(target(agent, SnmpVersion.V2C, 25, true), List.of(new OID("1.3.6.1.4.1.99999.2.0"))).get(60, TimeUnit.SECONDS);
            assertEquals(new PollFailure(Cause.IO, "127.0.0.1:" + agent.port() + ": SNMP client is closed"), o);
        }
    }
}
