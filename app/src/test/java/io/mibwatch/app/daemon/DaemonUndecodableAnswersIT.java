package io.mibwatch.app.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.poller.testing.MalformedAgent;
import io.mibwatch.poller.testing.ScriptedAgent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * Agents that answer, but with something unusable, are not "down" and not "healthy": a garbled
 * answer is a DECODE failure naming the parse error (not a TIMEOUT), an agent answering every
 * planned OID with the wrong type is a DECODE failure (not up with 0 samples), and one wrong-typed
 * OID counts as a failure shown on the device while the rest is stored. Whole daemon, real UDP.
 */
class DaemonUndecodableAnswersIT {
    @TempDir
    Path tmp;

    static Map<OID, Variable> device(Variable upTime, Variable operStatus, Variable inOctets, Variable outOctets) {
        Map<OID, Variable> t = new TreeMap<>();
        t.put(new OID("1.3.6.1.2.1.1.1.0"), new OctetString("Linux r1"));
        t.put(new OID("1.3.6.1.2.1.1.3.0"), upTime);
        t.put(new OID("1.3.6.1.2.1.1.5.0"), new OctetString("r1"));
        t.put(new OID("1.3.6.1.2.1.2.2.1.1.1"), new Integer32(1));
        t.put(new OID("1.3.6.1.2.1.2.2.1.2.1"), new OctetString("eth0"));
        t.put(new OID("1.3.6.1.2.1.2.2.1.3.1"), new Integer32(6));
        t.put(new OID("1.3.6.1.2.1.2.2.1.5.1"), new Gauge32(10_000_000));
        t.put(new OID("1.3.6.1.2.1.2.2.1.8.1"), operStatus);
        t.put(new OID("1.3.6.1.2.1.2.2.1.10.1"), inOctets);
        t.put(new OID("1.3.6.1.2.1.2.2.1.16.1"), outOctets);
        return t;
    }

    @Test
    void garbledAnswersAndWrongTypesShowAsDecodeFailuresOnTheDeviceNotAsTimeoutOrHealthy() throws Exception {
        OctetString junk = new OctetString("junk");
        try (MalformedAgent garbled = MalformedAgent.start(MalformedAgent.Fault.GARBLED);
             ScriptedAgent wrong = ScriptedAgent.start(device(junk, junk, junk, junk));
             ScriptedAgent partly = ScriptedAgent.start(device(new TimeTicks(100), new Integer32(1), junk,
                     new Counter32(5)))) {
            MibwatchConfig cfg = ConfigLoader.parse("""
                    defaults:
                      interval: 60s
                      timeout: 500ms
                      retries: 0
                    credentials:
                      lab: {community: public}
                    devices:
                      - {name: garbled, address: 127.0.0.1, port: %d, credentials: lab, metrics: [system, interfaces]}
                      - {name: wrong, address: 127.0.0.1, port: %d, credentials: lab, metrics: [system, interfaces]}
                      - {name: partly, address: 127.0.0.1, port: %d, credentials: lab, metrics: [system, interfaces]}
                    """.formatted(garbled.port(), wrong.port(), partly.port()), "undecodable-it.yaml");
            try (Daemon daemon = new Daemon(cfg, new DataDir(tmp.resolve("data")), Clock.systemUTC())) {
                daemon.pollAllNow().get(30, TimeUnit.SECONDS);

                DeviceStatus g = daemon.status("garbled").orElseThrow();
                assertFalse(g.reachable());
                assertEquals(1, g.failures());
                assertTrue(g.lastError().startsWith("127.0.0.1:" + garbled.port()
                        + ": the agent answered, but its answer could not be decoded: Wrong ASN.1 type"), g.lastError());

                DeviceStatus w = daemon.status("wrong").orElseThrow();
                assertFalse(w.reachable(), "every planned OID of the wrong type is not a healthy device: " + w);
                assertEquals(1, w.failures());
                assertTrue(w.lastError().contains(" planned OID(s) answered with the wrong type: 1.3.6.1.2.1.1.3.0 "
                        + "(system//uptime) is OCTET STRING"), w.lastError());

                DeviceStatus p = daemon.status("partly").orElseThrow();
                assertTrue(p.reachable(), p.toString());
                assertEquals(1, p.failures());
                assertTrue(p.samples() > 0, p.toString());
                assertTrue(p.lastError().contains("1 of ") && p.lastError().contains(
                        "1.3.6.1.2.1.2.2.1.10.1 (interfaces/1/inOctets) is OCTET STRING, expected Counter32 or Counter64"),
                        p.lastError());

                // the web's device page gets the same status
                var web = new io.mibwatch.app.web.DaemonDirectory(cfg::devices, daemon::status, daemon::inventory);
                assertEquals(java.util.Optional.of(p.lastError()),
                        web.device("partly").orElseThrow().status().orElseThrow().lastError());
            }
        }
    }
}
