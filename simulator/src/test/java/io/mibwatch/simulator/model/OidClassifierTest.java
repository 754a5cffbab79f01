package io.mibwatch.simulator.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

class OidClassifierTest {

    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of("1.3.6.1.2.1.1.3.0", new TimeTicks(5), new Behaviour.Uptime(100, 1L << 32)),
                Arguments.of("1.3.6.1.2.1.25.1.1.0", new TimeTicks(5), new Behaviour.Uptime(100, 1L << 32)),
                Arguments.of("1.3.6.1.6.3.10.2.1.3.0", new Integer32(5), new Behaviour.Uptime(1, 1L << 31)),
                Arguments.of("1.3.6.1.2.1.1.3.0", new OctetString("x"), Behaviour.STATIC),
                Arguments.of("1.3.6.1.2.1.2.2.1.10.7", new Counter32(1), new Behaviour.Counter(CounterRole.OCTETS, 7, true, false)),
                Arguments.of("1.3.6.1.2.1.2.2.1.16.7", new Counter32(1), new Behaviour.Counter(CounterRole.OCTETS, 7, false, false)),
                Arguments.of("1.3.6.1.2.1.2.2.1.14.7", new Counter32(1), new Behaviour.Counter(CounterRole.ERRORS, 7, true, false)),
                Arguments.of("1.3.6.1.2.1.2.2.1.19.7", new Counter32(1), new Behaviour.Counter(CounterRole.DISCARDS, 7, false, false)),
                Arguments.of("1.3.6.1.2.1.31.1.1.1.6.3", new Counter64(1), new Behaviour.Counter(CounterRole.OCTETS, 3, true, true)),
                Arguments.of("1.3.6.1.2.1.31.1.1.1.11.3", new Counter64(1), new Behaviour.Counter(CounterRole.UNICAST_PACKETS, 3, false, true)),
                Arguments.of("1.3.6.1.2.1.31.1.1.1.2.3", new Counter32(1), new Behaviour.Counter(CounterRole.MULTICAST_PACKETS, 3, true, false)),
                // counters elsewhere: a seeded steady rate
                Arguments.of("1.3.6.1.2.1.11.1.0", new Counter32(1), new Behaviour.Counter(CounterRole.OTHER, 0, true, false)),
                Arguments.of("1.3.6.1.4.1.2021.11.50.0", new Counter32(1), new Behaviour.Counter(CounterRole.OTHER, 0, true, false)),
                // a two-index row is not an interface row
                Arguments.of("1.3.6.1.2.1.2.2.1.10.7.1", new Counter32(1), new Behaviour.Counter(CounterRole.OTHER, 0, true, false)),
                Arguments.of("1.3.6.1.2.1.2.2.1.8.4", new Integer32(1), new Behaviour.OperStatus(4)),
                Arguments.of("1.3.6.1.2.1.25.3.3.1.2.196608", new Integer32(3), new Behaviour.Gauge(GaugeRole.CPU_PERCENT, 196608)),
                Arguments.of("1.3.6.1.4.1.9.9.109.1.1.1.1.8.1", new Gauge32(3), new Behaviour.Gauge(GaugeRole.CPU_PERCENT, 1)),
                Arguments.of("1.3.6.1.4.1.12356.101.4.1.3.0", new Gauge32(3), new Behaviour.Gauge(GaugeRole.CPU_PERCENT, 0)),
                Arguments.of("1.3.6.1.4.1.2021.10.1.3.2", new OctetString("0.45"), new Behaviour.Gauge(GaugeRole.LOAD_AVERAGE_TEXT, 2)),
                Arguments.of("1.3.6.1.4.1.2021.10.1.5.2", new Integer32(45), new Behaviour.Gauge(GaugeRole.LOAD_AVERAGE_HUNDREDTHS, 2)),
                Arguments.of("1.3.6.1.2.1.25.2.3.1.6.31", new Integer32(100), new Behaviour.Gauge(GaugeRole.STORAGE_USED, 31)),
                Arguments.of("1.3.6.1.4.1.9.9.13.1.3.1.3.1", new Gauge32(40), new Behaviour.Gauge(GaugeRole.TEMPERATURE, 1)),
                Arguments.of("1.3.6.1.4.1.9.9.42.1.2.10.1.1.10", new Gauge32(12), new Behaviour.Gauge(GaugeRole.LATENCY, 10)),
                Arguments.of("1.3.6.1.4.1.9.9.42.1.5.2.1.46.10", new Gauge32(2), new Behaviour.Gauge(GaugeRole.JITTER, 10)),
                Arguments.of("1.3.6.1.2.1.33.1.4.4.1.5.1", new Integer32(30), new Behaviour.Gauge(GaugeRole.PERCENT_LOAD, 1)),
                // configuration stays put even when typed Gauge32
                Arguments.of("1.3.6.1.2.1.2.2.1.5.1", new Gauge32(1_000_000_000), Behaviour.STATIC),
                Arguments.of("1.3.6.1.2.1.25.2.3.1.5.31", new Integer32(1000), Behaviour.STATIC),
                Arguments.of("1.3.6.1.2.1.1.1.0", new OctetString("Linux"), Behaviour.STATIC),
                // wrong type for a gauge column: static rather than a made-up value
                Arguments.of("1.3.6.1.2.1.25.3.3.1.2.1", new OctetString("5"), Behaviour.STATIC));
    }

    @ParameterizedTest
    @MethodSource("table")
    void classifies(String oid, Variable recorded, Behaviour expected) {
        assertEquals(expected, OidClassifier.classify(new OID(oid), recorded));
    }
}
