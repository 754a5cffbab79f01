package io.mibwatch.simulator.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.series.Reading;
import io.mibwatch.core.time.ManualClock;
import io.mibwatch.poller.decode.Decoded;
import io.mibwatch.poller.decode.Decoder;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.plan.PollPlan;
import io.mibwatch.poller.plan.PollPlanner;
import io.mibwatch.poller.snmp.AgentTarget;
import io.mibwatch.poller.snmp.SnmpClient;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.poller.voice.Codec;
import io.mibwatch.poller.voice.DelayModel;
import io.mibwatch.poller.voice.VoiceQuality;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.model.IpSlaProbe;
import io.mibwatch.simulator.scenario.Fault;
import io.mibwatch.simulator.scenario.Scenario;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The built-in fleet's wan1 polled by the real poller (SNMP over 127.0.0.1, discovery, plan,
 * decode): its two IP SLA jitter operations give the derived voice scores (rValue, mosCalc,
 * icpifCalc) equal to the E-model of what the simulator says it measured, and a degradation
 * episode pulls MOS below the G.107/G.109 warning level 3.6.
 */
class IpSlaVoiceSimIT {
    static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void wan1JitterOperationsGiveDerivedVoiceScoresThatFollowDegradations() throws Exception {
        Scenario scenario = ScenarioLoader.parse("faults:\n  - {at: 0s, duration: 20m, device: wan1, kind: degradation, "
                + "ipsla: 20, every: 2h, delay: 400ms, loss: 4, seed: 3}\n", "voice.yaml");
        Fault.Degradation d = (Fault.Degradation) scenario.faults().get(0);
        ManualClock clock = new ManualClock(START);
        try (Simulation sim = Simulation.builder().builtIn().scenario(scenario).clock(new SimClock(clock, START, 1)).start();
             SnmpClient client = new SnmpClient(clock)) {
            int port = sim.endpoints().stream().filter(e -> e.device().equals("wan1")).findFirst().orElseThrow()
                    .address().getPort();
            AgentTarget t = new AgentTarget("127.0.0.1", port, SnmpVersion.V2C,
                    new Credentials.Community("c", Secret.of("public")), Duration.ofSeconds(2), 1, 25, true, 1);
            SnmpResponse walk = assertInstanceOf(SnmpResponse.class, client.walk(t, Discovery.WALK_ROOTS).get());
            PollPlan plan = PollPlanner.plan("wan1", Discovery.discover(walk.varbinds()), List.of("system", "cisco_rtt"));

            Duration episode = d.episodes(Duration.ZERO, Duration.ofHours(2)).get(0);
            Instant before = START.plus(episode).minus(Duration.ofMinutes(10));
            Instant during = START.plus(episode).plus(Duration.ofMinutes(10));
            for (Instant at : List.of(before, during)) {
                clock.set(at);
                SnmpResponse got = assertInstanceOf(SnmpResponse.class, client.get(t, plan.getOids()).get());
                Decoded dec = Decoder.decode(plan, got.varbinds(), at);
                Map<String, Double> v = dec.readings().stream().filter(r -> r.series().group().equals("cisco_rtt"))
                        .collect(Collectors.toMap(r -> r.series().instance() + "/" + r.series().metric(), Reading::value));
                for (int op : List.of(20, 30)) {
                    IpSlaProbe p = sim.model("wan1").ipSla(op, at);
                    // what the agent served, rounded to whole milliseconds as Gauge32 columns are
                    double rttSum = Math.round(p.answered() * p.rttMs());
                    VoiceQuality q = VoiceQuality.assess(rttSum / p.answered() / 2, Math.round(p.jitterMs()),
                            p.lossPercent(), op == 30 ? Codec.G729A : Codec.G711, DelayModel.DEFAULT);
                    assertEquals(q.r(), v.get(op + "/rValue"), 1e-9, op + " at " + at + ": " + v);
                    assertEquals(q.mos(), v.get(op + "/mosCalc"), 1e-9, op + " at " + at);
                    assertEquals(q.icpif(), v.get(op + "/icpifCalc"), 1e-9, op + " at " + at);
                    assertEquals(Math.round(p.agentScore().mos() * 100) / 100.0, v.get(op + "/mos"), 1e-9);
                }
                System.out.printf("wan1 at %s: op 20 rtt %.0f ms, loss %.0f %%, R %.1f, MOS %.2f (agent %.2f), ICPIF %.0f; "
                                + "op 30 (g729a) R %.1f, MOS %.2f%n", at, v.get("20/rtt"),
                        100 * (v.get("20/lossSD") + v.get("20/lossDS")) / (v.get("20/rttCount") + v.get("20/lossSD") + v.get("20/lossDS")),
                        v.get("20/rValue"), v.get("20/mosCalc"), v.get("20/mos"), v.get("20/icpifCalc"),
                        v.get("30/rValue"), v.get("30/mosCalc"));
                if (at.equals(before)) {
                    assertTrue(v.get("20/mosCalc") > 4.0, "a healthy G.711 path: " + v);
                    assertTrue(v.get("30/mosCalc") > 3.6 && v.get("30/mosCalc") < v.get("20/mosCalc"),
                            "G.729A scores below G.711 (Ie 11): " + v);
                } else {
                    assertTrue(v.get("20/mosCalc") < 3.6, "degraded below the warning level: " + v);
                    assertTrue(v.get("20/icpifCalc") > 20, v.toString());
                    assertTrue(v.get("30/mosCalc") > 3.6, "op 30 is not degraded: " + v);
                }
            }
        }
    }
}
