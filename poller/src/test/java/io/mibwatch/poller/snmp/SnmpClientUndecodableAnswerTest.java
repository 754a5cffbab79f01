package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.testing.MalformedAgent;
import io.mibwatch.poller.testing.MalformedAgent.Fault;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent that answers with bytes SNMP4J cannot decode must be reported as {@code DECODE} naming
 * what was wrong, not as a timeout ("agent down, filtered, or wrong community"): SNMP4J drops such
 * a message before matching it to the request. Real UDP on 127.0.0.1 against {@link MalformedAgent}.
 */
class SnmpClientUndecodableAnswerTest {

    private static final OID SYS_UP_TIME = new OID("1.3.6.1.2.1.1.3.0");
    private static SnmpClient client;

    @BeforeAll
    static void open() throws Exception {
        client = new SnmpClient(new ManualClock(Instant.parse("2026-01-01T00:00:00Z")), 0, host -> {
            throw new UnknownHostException(host + ": not in the test resolver");
        });
    }

    @AfterAll
    static void close() {
        client.close();
    }

    private static AgentTarget target(MalformedAgent agent, SnmpVersion version) {
        return new AgentTarget(agent.host(), agent.port(), version,
                new Credentials.Community("test", Secret.of("public")), Duration.ofMillis(400), 1, 10, true, 4);
    }

    @ParameterizedTest
    @CsvSource({
            "GARBLED, V2C, Wrong ASN.1 type. Not an integer",
            "GARBLED, V1, Wrong ASN.1 type. Not an integer",
            "TRUNCATED, V2C, The encoded length",
            "BAD_LENGTH, V2C, The encoded length 115 exceeds the number of bytes left",
            "OVERSIZED_INTEGER, V2C, Length greater than 32bit are not supported for integers",
    })
    void undecodableAnswerIsReportedAsDecodeNotTimeout(Fault fault, SnmpVersion version, String what) throws Exception {
        try (MalformedAgent agent = MalformedAgent.start(fault)) {
            AgentTarget t = target(agent, version);
            PollFailure f = assertInstanceOf(PollFailure.class,
                    client.get(t, List.of(SYS_UP_TIME)).get(30, TimeUnit.SECONDS));
            assertEquals(Cause.DECODE, f.cause(), f.message());
            assertTrue(f.message().startsWith(t.where() + ": the agent answered, but its answer could not be decoded: "
                    + what), f.message());
            assertTrue(f.message().endsWith("(snmpInvalidMsgs)"), f.message());
            assertTrue(agent.requests() >= 1);
        }
    }

    @Test
    void undecodableAnswerToAWalkIsReportedAsDecodeNotTimeout() throws Exception {
        try (MalformedAgent agent = MalformedAgent.start(Fault.TRUNCATED)) {
            AgentTarget t = target(agent, SnmpVersion.V2C);
            PollFailure f = assertInstanceOf(PollFailure.class,
                    client.walk(t, new OID("1.3.6.1.2.1.2")).get(30, TimeUnit.SECONDS));
            assertEquals(Cause.DECODE, f.cause(), f.message());
        }
    }

    @Test
    void garbageFromAnotherPortDoesNotTurnATimeoutIntoDecode() throws Exception {
        try (MalformedAgent agent = MalformedAgent.start(Fault.STRAY)) {
            AgentTarget t = target(agent, SnmpVersion.V2C);
            PollFailure f = assertInstanceOf(PollFailure.class,
                    client.get(t, List.of(SYS_UP_TIME)).get(30, TimeUnit.SECONDS));
            assertEquals(Cause.TIMEOUT, f.cause(), f.message());
            assertTrue(agent.requests() >= 1, "the agent was asked and the stray socket did send garbage");
        }
    }
}
