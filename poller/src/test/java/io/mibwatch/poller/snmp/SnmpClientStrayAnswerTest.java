package io.mibwatch.poller.snmp;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.testing.EchoAgent;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.snmp4j.smi.OID;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.VariableBinding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Answers are matched to requests on the request's address, port and request-id, and request-ids
 * cannot be guessed: a stray or forged answer from another port must neither complete another
 * device's request nor starve it. Real UDP on 127.0.0.1 against {@link EchoAgent}.
 */
class SnmpClientStrayAnswerTest {

    private static final byte[] PUBLIC = "public".getBytes(StandardCharsets.US_ASCII);
    private final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"));
    private SnmpClient client;

    @BeforeEach
    void open() throws Exception {
        client = new SnmpClient(clock, 0, host -> {
            throw new UnknownHostException(host + ": not in the test resolver");
        });
    }

    @AfterEach
    void close() {
        client.close();
    }

    private static AgentTarget target(EchoAgent agent, Duration timeout) {
        return new AgentTarget(agent.host(), agent.port(), SnmpVersion.V2C,
                new Credentials.Community("test", Secret.of("public")), timeout, 1, 10, true, 4);
    }

    private static List<OID> oids(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> new OID("1.3.6.1.2.1.2.2.1.10." + i)).toList();
    }

    private static void assertAnswered(SnmpOutcome outcome, int varbinds, String value) {
        SnmpResponse r = assertInstanceOf(SnmpResponse.class, outcome, String.valueOf(outcome));
        assertEquals(varbinds, r.varbinds().size(), String.valueOf(outcome));
        for (VariableBinding vb : r.varbinds()) {
            assertEquals(value, vb.getVariable().toString(), String.valueOf(vb));
        }
    }

    @Test
    void strayAnswerFromAnotherPortWithThePendingRequestIdIsDroppedAndCountedAndTheRealAnswerMatches() throws Exception {
        try (EchoAgent agent = EchoAgent.forgeFirst("real", Duration.ofMillis(100))) {
            SnmpOutcome outcome = client.get(target(agent, Duration.ofSeconds(3)), oids(3)).get(30, TimeUnit.SECONDS);
            assertAnswered(outcome, 3, "real");
            assertEquals(1, client.strayAnswers());
            assertEquals(1, agent.requestIds().size(), "answered without a retry");
        }
    }

    @Test
    void requestIdsSentOnTheWireAreNotSequential() throws Exception {
        try (EchoAgent agent = EchoAgent.start("x")) {
            AgentTarget t = target(agent, Duration.ofSeconds(3));
            List<CompletableFuture<SnmpOutcome>> all = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                all.add(client.get(t, oids(1)));
            }
            for (CompletableFuture<SnmpOutcome> f : all) {
                assertAnswered(f.get(60, TimeUnit.SECONDS), 1, "x");
            }
            List<Integer> ids = agent.requestIds();
            assertEquals(1000, ids.size());
            assertEquals(1000, new HashSet<>(ids).size(), "all distinct");
            // 31-bit random ids: two in a row within 1,000 of each other about once in a million
            long close = IntStream.range(1, ids.size())
                    .filter(i -> Math.abs((long) ids.get(i) - ids.get(i - 1)) <= 1000).count();
            assertTrue(close <= 3, close + " of 999 request-ids are within 1,000 of the one before");
        }
    }

    @Test
    @Timeout(60)
    void floodOfUnmatchedAnswersLogsOneLinePerMinuteNotOneLinePerPacket() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(MatchingSnmp.class);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        logger.addAppender(logs);
        try (EchoAgent agent = EchoAgent.start("x");
             DatagramSocket flooder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            assertAnswered(client.get(target(agent, Duration.ofSeconds(3)), oids(1)).get(30, TimeUnit.SECONDS), 1, "x");
            SocketAddress victim = agent.client();
            List<OID> one = oids(1);
            for (int i = 1; i <= 500; i++) {
                byte[] m = EchoAgent.response(1, PUBLIC, i, one, "junk");
                flooder.send(new DatagramPacket(m, m.length, victim));
            }
            awaitUnmatched(500);
            assertEquals(1, logs.list.size(), String.valueOf(logs.list));
            assertTrue(logs.list.get(0).getFormattedMessage().startsWith("dropped 1 SNMP answer(s)"),
                    logs.list.get(0).getFormattedMessage());

            clock.advance(MatchingSnmp.LOG_EVERY);
            byte[] m = EchoAgent.response(1, PUBLIC, 501, one, "junk");
            flooder.send(new DatagramPacket(m, m.length, victim));
            awaitUnmatched(501);
            assertEquals(2, logs.list.size(), String.valueOf(logs.list));
            String second = logs.list.get(1).getFormattedMessage();
            assertTrue(second.startsWith("dropped 500 SNMP answer(s)"), second);
            assertTrue(second.contains("no request with this request-id is outstanding"), second);
        } finally {
            logger.detachAppender(logs);
        }
    }

    /** Waits until the client has dropped {@code n} unmatched answers (UDP on loopback: they all arrive). */
    private void awaitUnmatched(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (client.unmatchedAnswers() < n && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(n, client.unmatchedAnswers());
    }

    /**
     * 50,000 answers from another port, each carrying 25 varbinds, with the request-ids that follow
     * one seen on the wire (what an attacker who saw or guessed one id of a sequential numbering
     * sends), while 20 agents are polled for 16 OIDs: every agent gets its own answer.
     */
    @Test
    @Timeout(120)
    void floodOfForgedAnswersFromAnotherPortDoesNotStarveOrCorruptGoodDevices() throws Exception {
        List<EchoAgent> agents = new ArrayList<>();
        try (DatagramSocket flooder = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            for (int i = 0; i < 20; i++) {
                agents.add(EchoAgent.start("good-" + i));
            }
            // one poll first, so the flood knows the client's port
            assertAnswered(client.get(target(agents.get(0), Duration.ofSeconds(3)), oids(16)).get(30, TimeUnit.SECONDS),
                    16, "good-0");
            SocketAddress victim = agents.get(0).client();
            assertNotNull(victim);
            int seen = agents.get(0).requestIds().get(0);
            List<OID> forgedOids = oids(25);
            Thread flood = new Thread(() -> {
                try {
                    for (int id = seen + 1; id <= seen + 50_000; id++) {
                        byte[] m = EchoAgent.response(1, PUBLIC, id, forgedOids, "forged");
                        flooder.send(new DatagramPacket(m, m.length, victim));
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "flood");
            flood.start();
            int rounds = 0;
            while (flood.isAlive() || rounds < 3) {
                List<CompletableFuture<SnmpOutcome>> polls = new ArrayList<>();
                for (EchoAgent a : agents) {
                    polls.add(client.get(target(a, Duration.ofSeconds(2)), oids(16)));
                }
                for (int i = 0; i < polls.size(); i++) {
                    assertAnswered(polls.get(i).get(60, TimeUnit.SECONDS), 16, "good-" + i);
                }
                rounds++;
            }
            flood.join();
            assertTrue(client.unmatchedAnswers() + client.strayAnswers() > 0, "the flood was seen and dropped");
        } finally {
            agents.forEach(EchoAgent::close);
        }
    }
}
