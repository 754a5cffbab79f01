package io.mibwatch.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.SeriesId;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The derived IP SLA voice scores end to end: snmpsim (a real SNMP agent on 127.0.0.1) serves a
 * synthetic Cisco router with two jitter operations (written here, at test time); discovery,
 * planning, a GET of the plan and decoding give rValue / mosCalc / icpifCalc equal to the
 * calculator's for the same delay, jitter, loss and codec.
 */
class IpSlaVoiceIT {

    @Test
    void derivedVoiceScoresFromAPolledJitterOperation(@TempDir Path tmp) throws Exception {
        Path recordings = Files.createDirectories(tmp.resolve("recordings"));
        // operation 5: g729a(3), 1000 RTTs summing 80 s (80 ms RTT), 6 + 4 lost, jitter 5 ms
        // operation 6: g711alaw(2), no RTT measured yet (no score, not 0)
        Files.write(recordings.resolve("ipsla.snmprec"), List.of(
                "1.3.6.1.2.1.1.1.0|4|Cisco IOS Software, C2900 Software (C2900-UNIVERSALK9-M)",
                "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.9.1.1",
                "1.3.6.1.2.1.1.3.0|67|123456",
                "1.3.6.1.2.1.1.5.0|4|r1",
                "1.3.6.1.4.1.9.9.42.1.2.1.1.3.5|4|voice-hq",
                "1.3.6.1.4.1.9.9.42.1.2.1.1.3.6|4|voice-branch",
                "1.3.6.1.4.1.9.9.42.1.2.2.1.27.5|2|3",
                "1.3.6.1.4.1.9.9.42.1.2.2.1.27.6|2|2",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.1.5|66|1000",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.1.6|66|0",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.2.5|66|80000",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.2.6|66|0",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.26.5|66|6",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.26.6|66|0",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.27.5|66|4",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.27.6|66|0",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.46.5|66|5",
                "1.3.6.1.4.1.9.9.42.1.5.2.1.46.6|66|0"));
        // SnmpsimFixture's readiness probe GETs sysDescr with community apc_smx750i: a one-line agent for it
        Files.write(recordings.resolve("apc_smx750i.snmprec"), List.of("1.3.6.1.2.1.1.1.0|4|readiness probe"));
        try (SnmpsimFixture sim = new SnmpsimFixture(recordings, tmp);
                SnmpClient client = new SnmpClient(Clock.systemUTC())) {
            AgentTarget t = new AgentTarget("127.0.0.1", sim.port, SnmpVersion.V2C,
                    new Credentials.Community("c", Secret.of("ipsla")), Duration.ofSeconds(3), 1, 20, true, 1);
            SnmpResponse walk = assertInstanceOf(SnmpResponse.class, client.walk(t, Discovery.WALK_ROOTS).get());
            PollPlan plan = PollPlanner.plan("r1", Discovery.discover(walk.varbinds()), List.of("system", "cisco_rtt"));
            assertTrue(plan.derived().stream().anyMatch(d -> d.metric().equals("mosCalc") && d.instance().equals("5")),
                    plan.derived().toString());
            SnmpResponse got = assertInstanceOf(SnmpResponse.class, client.get(t, plan.getOids()).get());
            Decoded d = Decoder.decode(plan, got.varbinds(), Instant.parse("2026-11-21T10:00:00Z"));
            Map<String, Double> v = d.readings().stream().filter(r -> r.series().group().equals("cisco_rtt"))
                    .collect(Collectors.toMap(r -> r.series().instance() + "/" + r.series().metric(), Reading::value));

            VoiceQuality expected = VoiceQuality.assess(40, 5, 100 * 10 / 1010.0, Codec.G729A, DelayModel.DEFAULT);
            assertEquals(expected.r(), v.get("5/rValue"), 1e-9, v.toString());
            assertEquals(expected.mos(), v.get("5/mosCalc"), 1e-9, v.toString());
            assertEquals(expected.icpif(), v.get("5/icpifCalc"), 1e-9, v.toString());
            assertTrue(!v.containsKey("6/mosCalc") && v.containsKey("6/rttCount"), v.toString());
            assertEquals(new SeriesId("r1", "cisco_rtt", "5", "mosCalc"), d.readings().stream()
                    .filter(r -> r.series().metric().equals("mosCalc")).findFirst().orElseThrow().series());
        }
    }
}
