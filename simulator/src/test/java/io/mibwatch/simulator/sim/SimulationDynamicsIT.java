package io.mibwatch.simulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.rate.CounterObservation;
import io.mibwatch.poller.rate.CounterRate;
import io.mibwatch.poller.rate.GapReason;
import io.mibwatch.poller.rate.RateResult;
import io.mibwatch.poller.snmp.AgentTarget;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpClient;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.model.DeviceModel;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * The simulated fleet's dynamics seen through the network: the poller's own SNMP client against
 * the built-in fleet on 127.0.0.1, simulated time driven by a {@link ManualClock} that both the
 * simulator's {@link SimClock} (speed 1) and the client read, so "60 s later" is exact and the
 * test does not wait. Rates are computed by the poller's {@link CounterRate}.
 */
class SimulationDynamicsIT {
    /** A Monday at 10:00 UTC: the default traffic shape is near its peak. */
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    static final OID SYS_UPTIME = new OID("1.3.6.1.2.1.1.3.0");
    static final String SCENARIO = """
            faults:
              - {at: 90s, device: srv1, kind: reboot}
              - {at: 0s, device: core1, kind: counter_wrap, oid: 1.3.6.1.2.1.2.2.1.10.5}
              - {at: 0s, duration: 1h, device: sw2, kind: timeout}
              - {at: 0s, duration: 1h, device: sw3, kind: garbled}
            """;

    private ManualClock clock;
    private Simulation sim;
    private SnmpClient client;

    @BeforeEach
    void start() throws Exception {
        clock = new ManualClock(START);
        sim = Simulation.builder().builtIn().scenario(ScenarioLoader.parse(SCENARIO, "dynamics.yaml"))
                .clock(new SimClock(clock, START, 1)).start();
        client = new SnmpClient(clock);
    }

    @AfterEach
    void stop() {
        if (client != null) client.close();
        if (sim != null) sim.close();
    }

    private AgentTarget target(String device) {
        int port = sim.endpoints().stream().filter(e -> e.device().equals(device)).findFirst().orElseThrow().address().getPort();
        return new AgentTarget("127.0.0.1", port, SnmpVersion.V2C, new Credentials.Community("c", Secret.of("public")),
                Duration.ofMillis(400), 0, 25, true, 1);
    }

    /** sysUpTime.0 and the given counters, as observations the rate stage takes. */
    private List<CounterObservation> poll(String device, List<OID> counters, ValueKind kind) {
        List<OID> oids = new ArrayList<>();
        oids.add(SYS_UPTIME);
        oids.addAll(counters);
        SnmpResponse r = assertInstanceOf(SnmpResponse.class, client.get(target(device), oids).join(), device);
        List<VariableBinding> vbs = r.varbinds();
        long ticks = vbs.get(0).getVariable().toLong();
        List<CounterObservation> out = new ArrayList<>();
        for (int i = 1; i < vbs.size(); i++) {
            out.add(new CounterObservation(vbs.get(i).getVariable().toLong(), kind, r.at(), ticks, -1));
        }
        return out;
    }

    private static OID hcIn(int ifIndex) {
        return new OID("1.3.6.1.2.1.31.1.1.1.6").append(ifIndex);
    }

    private static OID hcOut(int ifIndex) {
        return new OID("1.3.6.1.2.1.31.1.1.1.10").append(ifIndex);
    }

    @Test
    void twoPollsSixtySecondsApartGiveTheShapesRateWithinOnePercent() {
        DeviceModel core1 = sim.model("core1");
        List<OID> counters = new ArrayList<>();
        for (int ifIndex = 1; ifIndex <= 9; ifIndex++) {
            counters.add(hcIn(ifIndex));
            counters.add(hcOut(ifIndex));
        }
        clock.advance(Duration.ofMinutes(5));
        Instant t0 = clock.instant();
        List<CounterObservation> first = poll("core1", counters, ValueKind.COUNTER64);
        clock.advance(Duration.ofSeconds(60));
        Instant t1 = clock.instant();
        List<CounterObservation> second = poll("core1", counters, ValueKind.COUNTER64);
        for (int i = 0; i < counters.size(); i++) {
            OID oid = counters.get(i);
            RateResult.Rate rate = assertInstanceOf(RateResult.Rate.class, CounterRate.rate(first.get(i), second.get(i)), oid.toString());
            double expected = core1.load(oid).integral(core1.shape(), t0, t1) / 60;
            assertTrue(expected > 1e6, oid + ": a busy port moves megabytes per second, model says " + expected);
            assertEquals(expected, rate.perSecond(), expected * 0.01, oid.toString());
        }
    }

    @Test
    void rebootResetsUptimeAndCountersAndTheRateStageSeesAnAgentRestart() {
        List<OID> counters = List.of(hcIn(2), hcOut(2));
        clock.advance(Duration.ofSeconds(60));
        List<CounterObservation> before = poll("srv1", counters, ValueKind.COUNTER64);
        clock.advance(Duration.ofSeconds(60)); // reboot at 90 s: up 30 s at 120 s
        List<CounterObservation> after = poll("srv1", counters, ValueKind.COUNTER64);
        assertEquals(3000, after.get(0).sysUpTimeTicks(), "sysUpTime restarts from 0 at the reboot");
        assertTrue(before.get(0).sysUpTimeTicks() > 8_640_000, "the recorded uptime is days: " + before.get(0).sysUpTimeTicks());
        for (int i = 0; i < counters.size(); i++) {
            assertTrue(Long.compareUnsigned(after.get(i).raw(), before.get(i).raw()) < 0, counters.get(i) + " restarted from 0");
            RateResult.Gap gap = assertInstanceOf(RateResult.Gap.class, CounterRate.rate(before.get(i), after.get(i)));
            assertEquals(GapReason.AGENT_RESTART, gap.reason(), gap.detail());
        }
    }

    @Test
    void counter32WrapsAtTwoToThe32AndTheRateStaysTrue() {
        // core1 ifIndex 5 is a 1 Gb/s port: its 32-bit ifInOctets passes 2^32 once, 30 s after the start
        OID in = new OID("1.3.6.1.2.1.2.2.1.10.5");
        DeviceModel core1 = sim.model("core1");
        clock.advance(Duration.ofSeconds(15));
        Instant t0 = clock.instant();
        CounterObservation a = poll("core1", List.of(in), ValueKind.COUNTER32).get(0);
        clock.advance(Duration.ofSeconds(30));
        Instant t1 = clock.instant();
        CounterObservation b = poll("core1", List.of(in), ValueKind.COUNTER32).get(0);
        double counted = core1.load(in).integral(core1.shape(), t0, t1);
        assertTrue(a.raw() > (1L << 32) - counted && a.raw() < (1L << 32), "just below 2^32 before: " + a.raw());
        assertTrue(b.raw() < counted, "just above 0 after: " + b.raw());
        assertEquals((long) Math.floor(counted), b.raw() + (1L << 32) - a.raw(), 1.0, "the wrap is at exactly 2^32");
        RateResult.Rate rate = assertInstanceOf(RateResult.Rate.class, CounterRate.rate(a, b));
        assertEquals(counted / 30, rate.perSecond(), counted / 30 * 0.01);
    }

    @Test
    void timeoutFaultGivesThePollerATimeout() {
        PollFailure f = assertInstanceOf(PollFailure.class, client.get(target("sw2"), List.of(SYS_UPTIME)).join());
        assertEquals(PollFailure.Cause.TIMEOUT, f.cause(), f.message());
        // the others keep answering
        assertInstanceOf(SnmpResponse.class, client.get(target("sw1"), List.of(SYS_UPTIME)).join());
    }

    /**
     * A garbled answer is DECODE for the poller, naming SNMP4J's parse error: the dispatcher
     * cannot parse the scrambled message, so it cannot read the request-id that would tie it to
     * the pending request (RFC 3416 section 4.1) and discards it (RFC 3412 section 4.2.2), but
     * the client noted that its own target sent something unparseable while the request was
     * out, so the request that then times out says the agent answered garbage, not nothing.
     */
    @Test
    void garbledFaultGivesThePollerADecodeFailureNamingTheParseError() {
        PollFailure f = assertInstanceOf(PollFailure.class, client.get(target("sw3"), List.of(SYS_UPTIME)).join());
        assertEquals(PollFailure.Cause.DECODE, f.cause(), f.message());
        assertTrue(f.message().contains("could not be decoded"), f.message());
        assertTrue(sim.agent().stats().faulted() >= 1, "the agent did answer, garbled: " + sim.agent().stats());
    }
}
