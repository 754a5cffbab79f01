package io.mibwatch.simulator.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.AgentTarget;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpClient;
import io.mibwatch.poller.snmp.SnmpOutcome;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.simulator.snmprec.SnmprecReader;
import io.mibwatch.simulator.testing.Recordings;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.snmp4j.PDU;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/** The agent over real UDP on 127.0.0.1, polled by mibwatch's own SNMP4J client (v1, v2c, v3). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnmpSimulatorIT {
    static final List<String> NAMES = List.of("apc_smx750i", "brother_hl5370dw", "linux_icecast");
    static final V3User USER = new V3User("simuser", "auth-pass-123", "priv-pass-456");
    static final List<OID> ROOTS = List.of(new OID("1.0"), new OID("1.3"));

    private final Map<String, ProtocolFault> faults = new ConcurrentHashMap<>();
    private final Map<String, Recording> recordings = new java.util.LinkedHashMap<>();
    private SnmpSimulator sim;
    private SnmpClient client;

    @BeforeAll
    void start() throws Exception {
        SnmpSimulator.Builder b = SnmpSimulator.builder()
                .listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .clock(SimClock.frozen(Instant.parse("2026-01-05T10:00:00Z")))
                .faults((device, t) -> faults.getOrDefault(device, ProtocolFault.NONE))
                .v3User(USER);
        for (String n : NAMES) {
            Recording r = SnmprecReader.read(Recordings.file(n));
            recordings.put(n, r);
            b.device(n, DeviceView.recorded(r));
        }
        sim = b.start();
        client = new SnmpClient(Clock.systemUTC());
    }

    @AfterAll
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    private int port(String device) {
        return sim.endpoints().stream().filter(e -> e.device().equals(device)).findFirst().orElseThrow().address().getPort();
    }

    private int firstPort() {
        return sim.endpoints().get(0).address().getPort();
    }

    static AgentTarget v2c(int port, String community) {
        return new AgentTarget("127.0.0.1", port, SnmpVersion.V2C, new Credentials.Community("c", Secret.of(community)),
                Duration.ofMillis(700), 0, 25, true, 1);
    }

    static AgentTarget v1(int port, String community) {
        return new AgentTarget("127.0.0.1", port, SnmpVersion.V1, new Credentials.Community("c", Secret.of(community)),
                Duration.ofMillis(700), 0, 25, false, 1);
    }

    static AgentTarget v3(int port, String context) {
        return new AgentTarget("127.0.0.1", port, SnmpVersion.V3,
                new Credentials.Usm("u", USER.name(), AuthProtocol.SHA, Secret.of(USER.authPass()), PrivProtocol.AES128,
                        Secret.of(USER.privPass()), context),
                Duration.ofMillis(1500), 1, 25, true, 1);
    }

    private List<VariableBinding> expected(String name, boolean v1) {
        Recording r = recordings.get(name);
        List<VariableBinding> out = new ArrayList<>();
        for (int i = 0; i < r.size(); i++) {
            if (v1 && r.value(i) instanceof Counter64) continue; // RFC 2576 4.2.1
            out.add(new VariableBinding(r.oid(i), r.value(i)));
        }
        return out;
    }

    private static List<VariableBinding> walk(SnmpOutcome o) {
        SnmpResponse r = assertInstanceOf(SnmpResponse.class, o, () -> "walk failed: " + o);
        return r.varbinds();
    }

    @Test
    void v2cBulkWalkOfEachDevicePortIsTheRecording() {
        for (String n : NAMES) {
            assertEquals(expected(n, false), walk(client.walk(v2c(port(n), "public"), ROOTS).join()), n);
        }
    }

    @Test
    void firstPortRoutesByCommunityLikeSnmpsim() {
        for (String n : NAMES) {
            assertEquals(expected(n, false), walk(client.walk(v2c(firstPort(), n), ROOTS).join()), n);
        }
        // a device port answers to its own name, not to another device's
        String last = NAMES.get(2);
        assertEquals(expected(last, false), walk(client.walk(v2c(port(last), last), ROOTS).join()));
        long bad = sim.stats().badCommunity();
        PollFailure f = assertInstanceOf(PollFailure.class, client.get(v2c(port(last), NAMES.get(0)), List.of(new OID("1.3.6.1.2.1.1.5.0"))).join());
        assertEquals(PollFailure.Cause.TIMEOUT, f.cause());
        assertTrue(sim.stats().badCommunity() > bad);
    }

    @Test
    void v1GetNextWalkSkipsCounter64() {
        String n = "linux_icecast";
        assertEquals(expected(n, true), walk(client.walk(v1(port(n), "public"), ROOTS).join()));
    }

    @Test
    void v3AuthPrivWalkAndContextRoutingOnTheFirstPort() {
        String n = "brother_hl5370dw";
        assertEquals(expected(n, false), walk(client.walk(v3(port(n), ""), ROOTS).join()));
        assertEquals(expected(n, false), walk(client.walk(v3(firstPort(), n), ROOTS).join()));
        SnmpResponse sys = assertInstanceOf(SnmpResponse.class,
                client.get(v3(port(n), ""), List.of(new OID("1.3.6.1.2.1.1.5.0"), new OID("1.3.6.1.2.1.1.5.1"))).join());
        assertEquals(recordings.get(n).value(recordings.get(n).find(new int[] {1, 3, 6, 1, 2, 1, 1, 5, 0}, 9)),
                sys.varbinds().get(0).getVariable());
        assertEquals("noSuchInstance", sys.varbinds().get(1).getVariable().toString());
    }

    @Test
    void wrongV3PassPhraseIsAnAuthFailure() {
        AgentTarget wrong = new AgentTarget("127.0.0.1", port("apc_smx750i"), SnmpVersion.V3,
                new Credentials.Usm("u", USER.name(), AuthProtocol.SHA, Secret.of("wrong-pass-1"), PrivProtocol.AES128,
                        Secret.of(USER.privPass()), ""), Duration.ofMillis(700), 0, 25, true, 1);
        PollFailure f = assertInstanceOf(PollFailure.class, client.get(wrong, List.of(new OID("1.3.6.1.2.1.1.5.0"))).join());
        assertEquals(PollFailure.Cause.AUTH, f.cause(), f.message());
    }

    @Test
    void garbageDatagramsAreCountedAndNeverAnswered() throws Exception {
        long before = sim.stats().malformed();
        byte[] valid = Messages.encode(1, "public", ResponderTest.pdu(PDU.GET, "1.3.6.1.2.1.1.5.0"));
        List<byte[]> junk = List.of(new byte[0], new byte[] {0x30}, "hello".getBytes(),
                java.util.Arrays.copyOf(valid, valid.length - 3), new byte[] {0x30, (byte) 0x84, 0x7f, 0x7f, 0x7f, 0x7f});
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(300);
            for (byte[] j : junk) {
                s.send(new DatagramPacket(j, j.length, InetAddress.getLoopbackAddress(), port("apc_smx750i")));
            }
            assertThrows(SocketTimeoutException.class, () -> s.receive(new DatagramPacket(new byte[2000], 2000)));
            // and the agent still serves
            s.send(new DatagramPacket(valid, valid.length, InetAddress.getLoopbackAddress(), port("apc_smx750i")));
            DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
            s.receive(p);
            assertEquals(PDU.RESPONSE, Messages.decode(p.getData(), 0, p.getLength()).pdu().getType());
        }
        // the zero-length datagram may or may not be delivered by the kernel; the other four are
        assertTrue(sim.stats().malformed() - before >= 4, "malformed counted: " + (sim.stats().malformed() - before));
    }

    @Test
    void faultsDropDelayGarbleTruncateAndWrongAuth() throws Exception {
        String n = "apc_smx750i";
        List<OID> name = List.of(new OID("1.3.6.1.2.1.1.5.0"));
        try {
            for (ProtocolFault f : List.of(ProtocolFault.DROP, ProtocolFault.WRONG_AUTH)) {
                faults.put(n, f);
                PollFailure failure = assertInstanceOf(PollFailure.class, client.get(v2c(port(n), "public"), name).join(), f.toString());
                assertEquals(PollFailure.Cause.TIMEOUT, failure.cause());
            }
            faults.put(n, new ProtocolFault.Delay(Duration.ofMillis(400)));
            SnmpResponse slow = assertInstanceOf(SnmpResponse.class, client.get(v2c(port(n), "public"), name).join());
            assertTrue(slow.elapsed().toMillis() >= 380, "delayed: " + slow.elapsed());
            // other devices are not held up by a slow one
            SnmpResponse other = assertInstanceOf(SnmpResponse.class, client.get(v2c(port("linux_icecast"), "public"), name).join());
            assertTrue(other.elapsed().toMillis() < 300, "other device: " + other.elapsed());

            for (ProtocolFault f : List.of(ProtocolFault.GARBLE, ProtocolFault.TRUNCATE)) {
                faults.put(n, f);
                try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                    s.setSoTimeout(1000);
                    PDU get = ResponderTest.pdu(PDU.GET, "1.3.6.1.2.1.1.5.0");
                    get.setRequestID(new Integer32(77));
                    byte[] req = Messages.encode(1, "public", get);
                    s.send(new DatagramPacket(req, req.length, InetAddress.getLoopbackAddress(), port(n)));
                    DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
                    s.receive(p);
                    V2cRequest check = new V2cRequest();
                    byte[] got = java.util.Arrays.copyOf(p.getData(), p.getLength());
                    assertTrue(!check.decode(got, got.length), f + ": the answer must not decode");
                    assertThrows(java.io.UncheckedIOException.class, () -> Messages.decode(got, 0, got.length), f.toString());
                }
            }
        } finally {
            faults.remove(n);
        }
        assertInstanceOf(SnmpResponse.class, client.get(v2c(port(n), "public"), name).join());
    }

    @Test
    void garbledAndTruncatedAnswersAreDecodeFailuresNotTimeouts() {
        String n = "apc_smx750i";
        AgentTarget t = v2c(port(n), "public");
        List<OID> name = List.of(new OID("1.3.6.1.2.1.1.5.0"));
        try {
            for (ProtocolFault f : List.of(ProtocolFault.GARBLE, ProtocolFault.TRUNCATE)) {
                faults.put(n, f);
                PollFailure failure = assertInstanceOf(PollFailure.class, client.get(t, name).join(), f.toString());
                assertEquals(PollFailure.Cause.DECODE, failure.cause(), failure.message());
                assertTrue(failure.message().startsWith(t.where()
                        + ": the agent answered, but its answer could not be decoded: "), failure.message());
                PollFailure walk = assertInstanceOf(PollFailure.class,
                        client.walk(t, new OID("1.3.6.1.2.1.2")).join(), f.toString());
                assertEquals(PollFailure.Cause.DECODE, walk.cause(), walk.message());
            }
            // another device on the same simulator is not blamed for its neighbour's garbage
            assertInstanceOf(SnmpResponse.class, client.get(v2c(port("linux_icecast"), "public"), name).join());
        } finally {
            faults.remove(n);
        }
    }

    @Test
    void refusesNonLoopbackListenAddresses() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SnmpSimulator.builder().listen(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 20000)));
        assertTrue(e.getMessage().contains("192.0.2.1:20000"), e.getMessage());
    }
}
