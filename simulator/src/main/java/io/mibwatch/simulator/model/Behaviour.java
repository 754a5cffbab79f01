package io.mibwatch.simulator.model;

/** How the value of one recorded OID moves with time; see {@link OidClassifier}. */
public sealed interface Behaviour {

    /** Answers the recorded value at all times. */
    record Static() implements Behaviour {
    }

    /**
     * Time since the agent (re)started: sysUpTime and hrSystemUptime in TimeTicks (hundredths of a
     * second, RFC 2578 section 7.1.8, wrapping at 2^32), snmpEngineTime in seconds (RFC 3414, 0..2^31-1).
     */
    record Uptime(long unitsPerSecond, long modulus) implements Behaviour {
    }

    /**
     * A counter (RFC 2578 section 7.1.6 / 7.1.10): only increases, wraps at 2^32 or 2^64, restarts at
     * a reboot.
     *
     * @param ifIndex interface of an IF-MIB column, 0 when the counter is not an interface's
     * @param inbound counts received traffic (its rate differs from the sent one)
     * @param wide    Counter64
     */
    record Counter(CounterRole role, int ifIndex, boolean inbound, boolean wide) implements Behaviour {
    }

    /** A gauge that follows the traffic shape with noise; {@code row} is the last arc of the OID. */
    record Gauge(GaugeRole role, int row) implements Behaviour {
    }

    /** ifOperStatus (RFC 2863): down(2) while an interface_down fault holds, else as recorded. */
    record OperStatus(int ifIndex) implements Behaviour {
    }

    Behaviour STATIC = new Static();
}
