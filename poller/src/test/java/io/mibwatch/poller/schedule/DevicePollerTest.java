package io.mibwatch.poller.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.DeviceConfig;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.series.Sample;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.rate.RateTracker;
import io.mibwatch.poller.snmp.PollFailure;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * One device's poll cycle on its own: {@link DevicePoller} against a {@link ScriptedTransport}
 * (answers scripted per OID), a manual clock and a same-thread pipeline, so each cycle's
 * discovery, GET, decoding and rate decisions can be checked without a network.
 */
class DevicePollerTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    final ManualClock clock = new ManualClock(T0);
    final ScriptedTransport agent = new ScriptedTransport(clock).setAll(Map.of(
            "1.3.6.1.2.1.1.1.0", new OctetString("Linux r1"),
            "1.3.6.1.2.1.1.3.0", new TimeTicks(100_000),
            "1.3.6.1.2.1.1.5.0", new OctetString("r1"),
            "1.3.6.1.2.1.2.2.1.1.1", new Integer32(1),
            "1.3.6.1.2.1.2.2.1.2.1", new OctetString("eth0"),
            "1.3.6.1.2.1.2.2.1.3.1", new Integer32(6),
            "1.3.6.1.2.1.2.2.1.5.1", new Gauge32(10_000_000),
            "1.3.6.1.2.1.2.2.1.8.1", new Integer32(1),
            "1.3.6.1.2.1.2.2.1.10.1", new Counter32(1_000),
            "1.3.6.1.2.1.2.2.1.16.1", new Counter32(5_000)));
    final List<CycleReport> delivered = new ArrayList<>();
    final DevicePoller poller = new DevicePoller(
            new DeviceConfig("r1", "192.0.2.1", 161, SnmpVersion.V2C,
                    new Credentials.Community("lab", Secret.of("public")), Duration.ofSeconds(10),
                    Duration.ofSeconds(1), 1, 10, true, 4, List.of("system", "interfaces"), Optional.empty()),
            agent, new RateTracker(), delivered::add, Runnable::run, clock, Duration.ofHours(1));

    static final String UPTIME = "1.3.6.1.2.1.1.3.0";
    static final String IF_IN_OCTETS = "1.3.6.1.2.1.2.2.1.10.1";
    static final String IF_OUT_OCTETS = "1.3.6.1.2.1.2.2.1.16.1";

    CycleReport cycle() {
        return poller.pollOnce().orElseThrow().join();
    }

    /** The next cycle, {@code seconds} later, with sysUpTime advanced by as much (or set to {@code upTicks}). */
    CycleReport cycleAfter(int seconds, long upTicks) {
        clock.advance(Duration.ofSeconds(seconds));
        agent.set(UPTIME, new TimeTicks(upTicks));
        return cycle();
    }

    static double value(CycleReport r, String path) {
        return r.samples().stream().filter(s -> s.series().path().equals(path)).mapToDouble(Sample::value)
                .findFirst().orElseThrow(() -> new AssertionError("no sample " + path + " in " + r.samples()));
    }

    @Test
    void firstCycleDiscoversThenGetsThePlanOnceAndCountersStartWithAGap() {
        CycleReport r = cycle();

        assertEquals(List.of("walk", "get 11"), agent.calls());
        assertTrue(r.ok());
        assertTrue(r.discovered());
        assertEquals(T0, r.started());
        assertEquals(1000.0, value(r, "system//uptime")); // 100,000 ticks of 1/100 s
        assertEquals(1.0, value(r, "interfaces/1/operStatus"));
        assertTrue(Double.isNaN(value(r, "interfaces/1/inOctets")));
        assertTrue(Double.isNaN(value(r, "interfaces/1/inUtil")));
        assertEquals(Map.of("FIRST_SAMPLE", 2), r.gapReasons());
        // the plan's columns this agent does not have (errors, discards, ...) come back noSuchInstance
        assertEquals(7, r.skipped());
        assertEquals(List.of(r), delivered);
        assertEquals("Linux r1", poller.inventory().orElseThrow().sysDescr());
    }

    /** Second cycle 10 s after the first: what the counters and sysUpTime did decides rate or gap. */
    record Second(String name, long inBefore, long inAfter, long upTicksAfter, double inRate, Map<String, Integer> gaps) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Second> secondCycles() {
        return Stream.of(
                new Second("steady counters", 1_000, 11_000, 101_000, 1_000.0, Map.of()),
                // Counter32 wraps at 2^32 (RFC 2578 section 7.1.6): 296 before the wrap, 704 after
                new Second("counter32 wrap", 4_294_967_000L, 704, 101_000, 100.0, Map.of()),
                // sysUpTime went back: the agent restarted, counters may have restarted from anything
                new Second("agent restart", 1_000, 11_000, 500, Double.NaN, Map.of("AGENT_RESTART", 2)),
                // 100 MB/s on a 10 Mbit/s interface
                new Second("above line rate", 1_000, 1_000_001_000L, 101_000, Double.NaN, Map.of("IMPLAUSIBLE_RATE", 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("secondCycles")
    void secondCycleTurnsCountersIntoRatesOrGaps(Second c) {
        agent.set(IF_IN_OCTETS, new Counter32(c.inBefore()));
        cycle();
        agent.set(IF_IN_OCTETS, new Counter32(c.inAfter()));
        CycleReport r = cycleAfter(10, c.upTicksAfter());

        assertTrue(r.ok());
        assertFalse(r.discovered());
        assertEquals(List.of("walk", "get 11", "get 11"), agent.calls());
        assertEquals(c.inRate(), value(r, "interfaces/1/inOctets"), 1e-9);
        assertEquals(c.gaps(), r.gapReasons());
    }

    @Test
    void rateDrivesUtilisationOfTheDiscoveredSpeed() {
        cycle();
        agent.set(IF_IN_OCTETS, new Counter32(1_000 + 12_500_000)); // 1.25 MB/s = 10 Mbit/s over 10 s
        CycleReport r = cycleAfter(10, 101_000);

        assertEquals(100.0, value(r, "interfaces/1/inUtil"), 1e-9);
        assertEquals(0.0, value(r, "interfaces/1/outUtil"), 1e-9);
    }

    @Test
    void anAgentRestartMakesTheNextCycleDiscoverAgain() {
        cycle();
        cycleAfter(10, 500);
        CycleReport r = cycleAfter(10, 1_500);

        assertTrue(r.discovered());
        assertEquals(List.of("walk", "get 11", "get 11", "walk", "get 11"), agent.calls());
        // the counters survived the rediscovery: a rate, not a first-sample gap
        assertEquals(0.0, value(r, "interfaces/1/inOctets"), 1e-9);
    }

    @Test
    void discoveryIsRepeatedWhenItIsDueAndNotBefore() {
        cycle();
        cycleAfter(3_599, 459_900);
        CycleReport due = cycleAfter(1, 460_000);

        assertTrue(due.discovered());
        assertEquals(List.of("walk", "get 11", "get 11", "walk", "get 11"), agent.calls());
    }

    @Test
    void objectsMissingFromAnAnswerAreSkippedAndTheRestIsKept() {
        cycle();
        agent.remove(IF_OUT_OCTETS);
        agent.set(IF_IN_OCTETS, new Counter32(11_000));
        CycleReport r = cycleAfter(10, 101_000);

        assertTrue(r.ok());
        assertEquals(8, r.skipped());
        assertEquals(1_000.0, value(r, "interfaces/1/inOctets"), 1e-9);
        assertTrue(r.samples().stream().noneMatch(s -> s.series().path().equals("interfaces/1/outOctets")));
    }

    @Test
    void anAgentAnsweringEveryPlannedOidWithTheWrongTypeIsADecodeFailureNotHealthyWithNoSamples() {
        cycle();
        for (String oid : List.of(UPTIME, "1.3.6.1.2.1.2.2.1.8.1", IF_IN_OCTETS, IF_OUT_OCTETS)) {
            agent.set(oid, new OctetString("garbage"));
        }
        clock.advance(Duration.ofSeconds(10));
        CycleReport r = cycle();

        assertFalse(r.ok());
        PollFailure f = r.failure().orElseThrow();
        assertEquals(PollFailure.Cause.DECODE, f.cause());
        assertEquals("192.0.2.1:161: 4 of 11 planned OID(s) answered with the wrong type: "
                + "1.3.6.1.2.1.1.3.0 (system//uptime) is OCTET STRING, expected a number (INTEGER, Gauge32, Counter, TimeTicks); "
                + "1.3.6.1.2.1.2.2.1.10.1 (interfaces/1/inOctets) is OCTET STRING, expected Counter32 or Counter64; "
                + "1.3.6.1.2.1.2.2.1.16.1 (interfaces/1/outOctets) is OCTET STRING, expected Counter32 or Counter64; "
                + "and 1 more", f.message());
        assertEquals(List.of(), r.samples());
    }

    @Test
    void aPlannedOidAnsweredWithTheWrongTypeIsAPartialFailureAndTheRestIsKept() {
        cycle();
        agent.set(IF_IN_OCTETS, new OctetString("12"));
        agent.set(IF_OUT_OCTETS, new Counter32(15_000));
        CycleReport r = cycleAfter(10, 101_000);

        assertTrue(r.ok());
        assertEquals(Optional.of(new PollFailure(PollFailure.Cause.DECODE, "192.0.2.1:161: 1 of 11 planned OID(s) "
                + "answered with the wrong type: 1.3.6.1.2.1.2.2.1.10.1 (interfaces/1/inOctets) is OCTET STRING, "
                + "expected Counter32 or Counter64")), r.partialFailure());
        assertEquals(1_000.0, value(r, "interfaces/1/outOctets"), 1e-9);
        assertTrue(r.samples().stream().noneMatch(s -> s.series().path().equals("interfaces/1/inOctets")));
    }

    @Test
    void missingObjectsAreNotAWrongType() {
        cycle();
        agent.remove(IF_OUT_OCTETS);
        CycleReport r = cycleAfter(10, 101_000);

        assertTrue(r.ok());
        assertEquals(Optional.empty(), r.partialFailure());
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of("walk", new PollFailure(PollFailure.Cause.TIMEOUT, "192.0.2.1:161: timeout after 2 tries")),
                Arguments.of("walk", new PollFailure(PollFailure.Cause.AUTH, "192.0.2.1:161: usmStatsWrongDigests")),
                Arguments.of("get", new PollFailure(PollFailure.Cause.TIMEOUT, "192.0.2.1:161: timeout after 2 tries")),
                Arguments.of("get", new PollFailure(PollFailure.Cause.AUTH, "192.0.2.1:161: usmStatsUnknownUserNames")),
                Arguments.of("get", new PollFailure(PollFailure.Cause.ERROR_STATUS,
                        "192.0.2.1:161: tooBig for a single varbind 1.3.6.1.2.1.1.1.0")));
    }

    @ParameterizedTest(name = "{0} fails with {1}")
    @MethodSource("failures")
    void aFailedStepIsTheCycleOutcomeWithNoSamples(String step, PollFailure failure) {
        if (step.equals("walk")) {
            agent.failNextWalk(failure);
        } else {
            agent.failNextGet(failure);
        }
        CycleReport r = cycle();

        assertEquals(Optional.of(failure), r.failure());
        assertEquals(List.of(), r.samples());
        assertEquals(Map.of(), r.gapReasons());
        // discovery ran (and failed, or succeeded before the GET failed) in this cycle either way
        assertTrue(r.discovered());
        assertEquals(step.equals("walk") ? List.of("walk") : List.of("walk", "get 11"), agent.calls());
        assertEquals(List.of(r), delivered);
        assertFalse(poller.busy());
    }

    @Test
    void aFailedDiscoveryIsRetriedNextCycleAndAFailedGetKeepsThePlan() {
        agent.failNextWalk(new PollFailure(PollFailure.Cause.TIMEOUT, "192.0.2.1:161: timeout"));
        cycle();
        CycleReport discovered = cycleAfter(10, 101_000);
        agent.failNextGet(new PollFailure(PollFailure.Cause.TIMEOUT, "192.0.2.1:161: timeout"));
        CycleReport failedGet = cycleAfter(10, 102_000);
        CycleReport after = cycleAfter(10, 103_000);

        assertTrue(discovered.ok() && discovered.discovered());
        assertFalse(failedGet.ok() || failedGet.discovered());
        assertTrue(after.ok());
        assertFalse(after.discovered());
        assertEquals(List.of("walk", "walk", "get 11", "get 11", "get 11"), agent.calls());
    }

    @Test
    void aTransportThatFailsExceptionallyEndsTheCycleWithAnIoFailure() {
        agent.breakNextGet(new IllegalStateException("decoder bug"));
        CycleReport r = cycle();

        PollFailure f = r.failure().orElseThrow();
        assertEquals(PollFailure.Cause.IO, f.cause());
        assertTrue(f.message().startsWith("internal error while polling r1: "), f.message());
        assertTrue(f.message().contains("decoder bug"), f.message());
        assertEquals(List.of(r), delivered);
        assertFalse(poller.busy());
        assertTrue(cycleAfter(10, 101_000).ok());
    }

    @Test
    void interfacesRenumberedByARestartAreFoundByTheNextDiscovery() {
        cycle();
        // the agent comes back with the interface at ifIndex 2 (RFC 2863 section 3.1.5 allows it)
        for (String column : List.of("1", "2", "3", "5", "8", "10", "16")) {
            Variable v = agent.value("1.3.6.1.2.1.2.2.1." + column + ".1");
            agent.remove("1.3.6.1.2.1.2.2.1." + column + ".1");
            agent.set("1.3.6.1.2.1.2.2.1." + column + ".2", column.equals("1") ? new Integer32(2) : v);
        }
        CycleReport restarted = cycleAfter(10, 500);
        CycleReport rediscovered = cycleAfter(10, 1_500);

        // the old plan still asks for ifIndex 1: the agent has none of it any more
        assertFalse(restarted.discovered());
        assertEquals(10, restarted.skipped());
        assertTrue(restarted.samples().stream().noneMatch(s -> s.series().path().equals("interfaces/1/operStatus")));
        assertTrue(rediscovered.discovered());
        assertEquals(1.0, value(rediscovered, "interfaces/2/operStatus"));
        assertTrue(rediscovered.samples().stream().noneMatch(s -> s.series().instance().equals("1")));
    }

    @Test
    void aCycleStartedWhileThePreviousRunsIsSkippedAndCounted() {
        cycle();
        agent.holdNextGet();
        CompletableFuture<CycleReport> running = poller.pollOnce().orElseThrow();

        assertTrue(poller.busy());
        assertEquals(Optional.empty(), poller.pollOnce());
        assertEquals(1, poller.overruns());
        assertFalse(running.isDone());

        agent.releaseHeld();
        assertTrue(running.join().ok());
        assertFalse(poller.busy());
        assertEquals(2, delivered.size());
        assertTrue(poller.pollOnce().isPresent());
    }

    @Test
    void aListenerThatThrowsDoesNotWedgeThePoller() {
        DevicePoller throwing = new DevicePoller(poller.device(), agent, new RateTracker(), report -> {
            throw new IllegalStateException("listener bug");
        }, Runnable::run, clock, Duration.ofHours(1));

        CompletableFuture<CycleReport> first = throwing.pollOnce().orElseThrow();

        assertTrue(first.isCompletedExceptionally());
        assertFalse(throwing.busy());
        assertTrue(throwing.pollOnce().isPresent());
    }
}
