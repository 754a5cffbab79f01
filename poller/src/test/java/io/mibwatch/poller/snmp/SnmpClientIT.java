package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.testing.SnmpdFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.IpAddress;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@link SnmpClient} against Debian's real net-snmp snmpd on 127.0.0.1 ({@link SnmpdFixture}). */
class SnmpClientIT {
    // every future is awaited with a 60 s bound: not a performance assertion, only so that a broken
    // client fails the build instead of hanging it

    private static final OID SYSTEM = new OID("1.3.6.1.2.1.1");
    private static final OID IF_TABLE = new OID("1.3.6.1.2.1.2.2");
    private static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");

    private static SnmpdFixture agent;
    private static SnmpClient client;

    @BeforeAll
    static void start() throws Exception {
        agent = SnmpdFixture.launch();
        client = new SnmpClient(Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        if (client != null) client.close();
        if (agent != null) agent.close();
    }

    private static AgentTarget v2c(SnmpdFixture f, boolean bulk) {
        return new AgentTarget(f.host(), f.port(), SnmpVersion.V2C,
                new Credentials.Community("fixture", Secret.of(SnmpdFixture.COMMUNITY)), Duration.ofSeconds(2), 1, 25, bulk, 4);
    }

    private static AgentTarget v1(SnmpdFixture f) {
        return new AgentTarget(f.host(), f.port(), SnmpVersion.V1,
                new Credentials.Community("fixture", Secret.of(SnmpdFixture.COMMUNITY)), Duration.ofSeconds(2), 1, 25, true, 4);
    }

    private static AgentTarget v3(SnmpdFixture f, Credentials.Usm user) {
        return new AgentTarget(f.host(), f.port(), SnmpVersion.V3, user, Duration.ofSeconds(2), 1, 25, true, 4);
    }

    private static List<VariableBinding> varbinds(SnmpOutcome o) {
        if (o instanceof PollFailure f) {
            fail("expected varbinds, got " + f);
        }
        return ((SnmpResponse) o).varbinds();
    }

    // ------------------------------------------------------------------ 1. walks equal snmpbulkwalk

    /** One varbind normalised to what both net-snmp's output and SNMP4J can express. */
    record Row(String oid, String type, String value) {
    }

    @Test
    void bulkWalkEqualsSnmpbulkwalkVarbindByVarbind() throws Exception {
        for (OID root : List.of(SYSTEM, IF_TABLE)) {
            // net-snmp first, ours second: moving values may only have grown in between
            List<Row> theirs = snmpbulkwalk(root);
            List<Row> ours = rows(varbinds(client.walk(v2c(agent, true), root).get(60, TimeUnit.SECONDS)));
            assertTrue(theirs.size() > (root.equals(SYSTEM) ? 8 : 10), "suspiciously small walk: " + theirs);
            assertSameWalk(theirs, ours, "snmpbulkwalk vs GETBULK walk of " + root);
        }
    }

    @Test
    void getNextWalkAndV1WalkEqualTheBulkWalk() throws Exception {
        for (OID root : List.of(SYSTEM, IF_TABLE)) {
            List<Row> bulk = rows(varbinds(client.walk(v2c(agent, true), root).get(60, TimeUnit.SECONDS)));
            List<Row> next = rows(varbinds(client.walk(v2c(agent, false), root).get(60, TimeUnit.SECONDS)));
            List<Row> v1 = rows(varbinds(client.walk(v1(agent), root).get(60, TimeUnit.SECONDS)));
            assertSameWalk(bulk, next, "GETBULK vs GETNEXT walk of " + root);
            assertSameWalk(next, v1, "v2c vs v1 walk of " + root);
        }
    }

    @Test
    void severalRootsComeBackConcatenatedInRootOrder() throws Exception {
        List<Row> system = rows(varbinds(client.walk(v2c(agent, true), SYSTEM).get(60, TimeUnit.SECONDS)));
        List<Row> ifTable = rows(varbinds(client.walk(v2c(agent, true), IF_TABLE).get(60, TimeUnit.SECONDS)));
        List<Row> both = rows(varbinds(client.walk(v2c(agent, true), List.of(IF_TABLE, SYSTEM)).get(60, TimeUnit.SECONDS)));
        List<Row> expected = new ArrayList<>(ifTable);
        expected.addAll(system);
        assertSameWalk(expected, both, "walk of [ifTable, system]");
    }

    /**
     * Same OIDs in the same order with the same types; values equal, except that TimeTicks and
     * counters may have grown, because the second walk runs a few milliseconds after the first:
     * sysUpTime ticks, and the loopback interface's counters count our own SNMP packets. A wrap
     * within milliseconds is impossible at loopback rates for Counter32 (4 GB), so "not smaller"
     * is exact enough and still catches a wrong value or type.
     */
    private static void assertSameWalk(List<Row> first, List<Row> second, String what) {
        assertEquals(first.stream().map(Row::oid).toList(), second.stream().map(Row::oid).toList(), what + ": OIDs");
        for (int i = 0; i < first.size(); i++) {
            Row a = first.get(i);
            Row b = second.get(i);
            assertEquals(a.type(), b.type(), what + ": type of " + a.oid());
            if (List.of("TimeTicks", "Counter32", "Counter64").contains(a.type())) {
                assertTrue(Long.compareUnsigned(Long.parseUnsignedLong(b.value()), Long.parseUnsignedLong(a.value())) >= 0,
                        what + ": " + a.oid() + " went from " + a.value() + " to " + b.value());
            } else {
                assertEquals(a.value(), b.value(), what + ": value of " + a.oid());
            }
        }
    }

    /** {@code snmpbulkwalk -v2c -c public -On -Ox 127.0.0.1:PORT .ROOT}, parsed into rows. */
    private static List<Row> snmpbulkwalk(OID root) throws Exception {
        List<String> lines = agent.tool("snmpbulkwalk", List.of("-v2c", "-c", SnmpdFixture.COMMUNITY, "-On", "-Ox",
                agent.host() + ":" + agent.port(), "." + root.toDottedString()));
        // -Ox prints octet strings as Hex-STRING, 16 bytes per line; continuation lines do not start with '.'
        List<String> entries = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(".")) {
                entries.add(line);
            } else if (!entries.isEmpty() && !line.isBlank()) {
                entries.set(entries.size() - 1, entries.get(entries.size() - 1) + " " + line.trim());
            }
        }
        List<Row> rows = new ArrayList<>();
        for (String e : entries) {
            int eq = e.indexOf(" = ");
            String oid = e.substring(1, eq);
            String rest = e.substring(eq + 3).trim();
            if (rest.equals("\"\"")) { // net-snmp prints an empty octet string as "" even with -Ox
                rows.add(new Row(oid, "OCTET STRING", ""));
                continue;
            }
            int colon = rest.indexOf(": ");
            String type = colon < 0 ? rest : rest.substring(0, colon);
            String value = colon < 0 ? "" : rest.substring(colon + 2).trim();
            rows.add(switch (type) {
                case "INTEGER" -> new Row(oid, "INTEGER", value);
                case "Hex-STRING" -> new Row(oid, "OCTET STRING", value.replace(" ", "").toLowerCase(Locale.ROOT));
                case "STRING" -> new Row(oid, "OCTET STRING", VarBindJson.hex(
                        value.substring(1, value.length() - 1).getBytes(StandardCharsets.UTF_8)));
                case "OID" -> new Row(oid, "OBJECT IDENTIFIER", value.startsWith(".") ? value.substring(1) : value);
                case "Timeticks" -> new Row(oid, "TimeTicks", value.substring(1, value.indexOf(')')));
                case "Counter32", "Gauge32", "Counter64", "IpAddress" -> new Row(oid, type, value);
                default -> throw new AssertionError("unexpected net-snmp output line: " + e);
            });
        }
        return rows;
    }

    private static List<Row> rows(List<VariableBinding> vbs) {
        List<Row> out = new ArrayList<>();
        for (VariableBinding vb : vbs) {
            Variable v = vb.getVariable();
            String value = switch (v.getSyntax()) {
                case SMIConstants.SYNTAX_INTEGER -> String.valueOf(((Integer32) v).getValue());
                case SMIConstants.SYNTAX_OCTET_STRING -> VarBindJson.hex(((OctetString) v).getValue());
                case SMIConstants.SYNTAX_OBJECT_IDENTIFIER -> ((OID) v).toDottedString();
                case SMIConstants.SYNTAX_TIMETICKS, SMIConstants.SYNTAX_COUNTER32, SMIConstants.SYNTAX_GAUGE32 ->
                        String.valueOf(((UnsignedInteger32) v).getValue());
                case SMIConstants.SYNTAX_COUNTER64 -> Long.toUnsignedString(((Counter64) v).getValue());
                case SMIConstants.SYNTAX_IPADDRESS -> ((IpAddress) v).getInetAddress().getHostAddress();
                default -> throw new AssertionError("unexpected type in walk: " + vb);
            };
            out.add(new Row(vb.getOid().toDottedString(), VarBindJson.typeName(v), value));
        }
        return out;
    }

    // ------------------------------------------------------------------ 2. v3 USM

    static Stream<SnmpdFixture.User> users() {
        return SnmpdFixture.USERS.stream();
    }

    /** Every auth protocol (MD5, SHA-1, SHA-224..512) and privacy protocol (DES, AES-128/192/256). */
    @ParameterizedTest
    @MethodSource("users")
    void v3GetWithEveryUserEqualsTheV2cAnswer(SnmpdFixture.User user) throws Exception {
        List<VariableBinding> expected = varbinds(client.get(v2c(agent, true), List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
        List<VariableBinding> got = varbinds(client.get(v3(agent, user.credentials()), List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
        assertEquals(expected, got, user.name());
    }

    @Test
    void v3WalkEqualsTheV2cWalk() throws Exception {
        List<Row> v2 = rows(varbinds(client.walk(v2c(agent, true), IF_TABLE).get(60, TimeUnit.SECONDS)));
        List<Row> v3 = rows(varbinds(client.walk(v3(agent, SnmpdFixture.SHA256_AES128.credentials()), IF_TABLE).get(60, TimeUnit.SECONDS)));
        assertSameWalk(v2, v3, "v2c vs v3 walk of ifTable");
    }

    // ------------------------------------------------------------------ 3. USM rejections

    @Test
    void wrongAuthPassPhraseIsAnAuthFailureNotATimeout() throws Exception {
        String wrong = "not-the-right-pass";
        for (SnmpdFixture.User user : List.of(SnmpdFixture.SHA256_AES128, SnmpdFixture.MD5_DES)) {
            AgentTarget t = v3(agent, user.withAuthPass(wrong));
            PollFailure f = assertInstanceOf(PollFailure.class, client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
            assertEquals(new PollFailure(Cause.AUTH, t.where() + ": authentication failed (usmStatsWrongDigests): "
                    + "wrong auth pass phrase or protocol for user '" + user.name() + "'"), f);
            assertFalse(f.message().contains(wrong), f.message());
            assertFalse(f.message().contains(user.privPass()), f.message());
            // and the right pass phrase works again right after (the USM entry is replaced, not stuck)
            varbinds(client.get(v3(agent, user.credentials()), List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void unknownUserIsAnAuthFailure() throws Exception {
        AgentTarget t = v3(agent, new Credentials.Usm("ghost", "nosuchuser", io.mibwatch.config.AuthProtocol.SHA,
                Secret.of("whatever-pass"), null, null, ""));
        assertEquals(new PollFailure(Cause.AUTH, t.where() + ": authentication failed (usmStatsUnknownUserNames): "
                + "agent has no user 'nosuchuser'"), client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
    }

    @Test
    void securityLevelAboveTheUsersIsAnAuthFailure() throws Exception {
        // mwSha256Auth exists for authNoPriv only; asking with privacy makes snmpd report usmStatsUnsupportedSecLevels
        SnmpdFixture.User u = SnmpdFixture.SHA256_AUTH_ONLY;
        AgentTarget t = v3(agent, new Credentials.Usm("x", u.name(), u.auth(), Secret.of(u.authPass()),
                io.mibwatch.config.PrivProtocol.AES128, Secret.of("some-priv-pass"), ""));
        assertEquals(new PollFailure(Cause.AUTH, t.where() + ": authentication failed (usmStatsUnsupportedSecLevels): "
                + "agent does not allow security level authPriv for user 'mwSha256Auth'"), client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
    }

    /**
     * net-snmp drops a message it cannot decrypt without a report (it counts usmStatsDecryptionErrors
     * but cannot answer a sender whose key it does not share), so a wrong privacy pass phrase can
     * only look like a timeout; the timeout message says so.
     */
    @Test
    void wrongPrivacyPassPhraseIsATimeoutThatSaysWhy() throws Exception {
        AgentTarget t = new AgentTarget(agent.host(), agent.port(), SnmpVersion.V3,
                SnmpdFixture.SHA256_AES128.withPrivPass("not-the-right-priv"), Duration.ofMillis(300), 0, 25, true, 4);
        assertEquals(new PollFailure(Cause.TIMEOUT, t.where() + ": no response after 1 try of 0.3s; agent down, "
                + "filtered, or wrong privacy pass phrase/protocol (agents drop v3 messages they cannot decrypt)"),
                client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
    }

    // ------------------------------------------------------------------ 4. dead agent next to a live one

    @Test
    void stoppedAgentTimesOutWithoutDelayingALiveOneAndIsBackAfterRestart() throws Exception {
        try (SnmpdFixture dead = SnmpdFixture.launch()) {
            AgentTarget deadV2 = new AgentTarget(dead.host(), dead.port(), SnmpVersion.V2C,
                    new Credentials.Community("fixture", Secret.of(SnmpdFixture.COMMUNITY)), Duration.ofMillis(300), 1, 25, true, 4);
            AgentTarget deadV3 = new AgentTarget(dead.host(), dead.port(), SnmpVersion.V3,
                    SnmpdFixture.SHA256_AES128.credentials(), Duration.ofMillis(300), 1, 25, true, 4);
            varbinds(client.get(deadV3, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS)); // engine ID and time known before the stop
            dead.stop();

            CompletableFuture<SnmpOutcome> deadGet = client.get(deadV2, List.of(SYS_DESCR));
            CompletableFuture<SnmpOutcome> liveWalk = client.walk(v2c(agent, true), IF_TABLE);
            // ordering, not timing: when the dead agent's 2 x 300 ms are over, the live walk is long done
            CompletableFuture<Boolean> liveDoneFirst = deadGet.thenApply(o -> liveWalk.isDone());
            assertEquals(new PollFailure(Cause.TIMEOUT, deadV2.where() + ": no response after 2 tries of 0.3s; "
                    + "agent down, filtered, or wrong community"), deadGet.get(60, TimeUnit.SECONDS));
            assertTrue(liveDoneFirst.get(60, TimeUnit.SECONDS), "the live agent's walk waited for the dead agent");
            assertFalse(varbinds(liveWalk.get(60, TimeUnit.SECONDS)).isEmpty());

            assertEquals(Cause.TIMEOUT, assertInstanceOf(PollFailure.class, client.get(deadV3, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS)).cause());

            dead.start(); // same port, same engine ID, engine time restarted
            varbinds(client.get(deadV2, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
            varbinds(client.get(deadV3, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
        }
    }

    // ------------------------------------------------------------------ 5. outstanding limit

    @Test
    void twentyConcurrentGetsThroughALimitOfTwoAllSucceed() throws Exception {
        AgentTarget t = new AgentTarget(agent.host(), agent.port(), SnmpVersion.V2C,
                new Credentials.Community("fixture", Secret.of(SnmpdFixture.COMMUNITY)), Duration.ofSeconds(2), 1, 25, true, 2);
        List<VariableBinding> expected = varbinds(client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
        List<CompletableFuture<SnmpOutcome>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(client.get(t, List.of(SYS_DESCR)));
        }
        for (CompletableFuture<SnmpOutcome> f : all) {
            assertEquals(expected, varbinds(f.get(60, TimeUnit.SECONDS)));
        }
    }

    // ------------------------------------------------------------------ 6. tooBig from the real snmpd

    /**
     * A v3 request announces the largest message we accept (msgMaxSize, RFC 3412 section 6.1) and
     * the agent must answer tooBig when the response would not fit (RFC 3416 section 4.2.1). With
     * 1500 bytes, 40 x sysDescr.0 (~75 bytes each) does not fit: snmpd answers tooBig and the client
     * splits the GET until the halves fit, returning all 40 values in order.
     */
    @Test
    void getTooBigForTheAnnouncedMessageSizeIsSplitBySnmpd() throws Exception {
        try (SnmpClient small = new SnmpClient(Clock.systemUTC(), 1500, java.net.InetAddress::getByName)) {
            AgentTarget t = v3(agent, SnmpdFixture.SHA256_AES128.credentials());
            List<VariableBinding> one = varbinds(small.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS));
            List<OID> forty = Collections.nCopies(40, SYS_DESCR);
            List<VariableBinding> got = varbinds(small.get(t, forty).get(60, TimeUnit.SECONDS));
            assertEquals(Collections.nCopies(40, one.get(0)), got);
            assertTrue(small.tooBigAnswers() > 0, "snmpd never answered tooBig; the test proves nothing");
            // the walk under the same limit: snmpd returns fewer repetitions instead of tooBig
            assertSameWalk(rows(varbinds(client.walk(t, IF_TABLE).get(60, TimeUnit.SECONDS))), rows(varbinds(small.walk(t, IF_TABLE).get(60, TimeUnit.SECONDS))),
                    "walk with msgMaxSize 1500");
        }
    }

    @Test
    void hostNamesResolveToo() throws Exception {
        // /etc/hosts (nsswitch "files" first): no DNS query leaves the machine
        AgentTarget t = new AgentTarget("localhost", agent.port(), SnmpVersion.V2C,
                new Credentials.Community("fixture", Secret.of(SnmpdFixture.COMMUNITY)), Duration.ofSeconds(2), 1, 25, true, 4);
        assertEquals(varbinds(client.get(v2c(agent, true), List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS)),
                varbinds(client.get(t, List.of(SYS_DESCR)).get(60, TimeUnit.SECONDS)));
    }
}
