package io.mibwatch.simulator.scenario;

import java.time.Duration;
import java.util.Objects;
import org.snmp4j.smi.OID;

/**
 * One fault of a scenario. {@code at} is the offset from the simulation start; windowed faults
 * last {@code duration} (the window is {@code [at, at + duration)}), instant ones (reboot, counter
 * wrap) happen once at {@code at}.
 */
public sealed interface Fault {

    Duration at();

    DevicePattern device();

    /** The scenario file's name of this kind, e.g. {@code interface_down}. */
    String kind();

    /** A fault that is active during {@code [at, at + duration)}. */
    sealed interface Windowed extends Fault {
        Duration duration();

        default boolean activeAt(Duration sinceStart) {
            return sinceStart.compareTo(at()) >= 0 && sinceStart.compareTo(at().plus(duration())) < 0;
        }
    }

    /** A fault that changes the agent's answers on the wire while active. */
    sealed interface OnTheWire extends Windowed {
        ProtocolFault protocolFault();
    }

    record Timeout(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public Timeout {
            check(at, duration, device);
        }

        public String kind() {
            return "timeout";
        }

        public ProtocolFault protocolFault() {
            return new ProtocolFault.Timeout();
        }
    }

    record Slow(Duration at, Duration duration, DevicePattern device, Duration delay) implements OnTheWire {
        public Slow {
            check(at, duration, device);
            Objects.requireNonNull(delay, "delay");
        }

        public String kind() {
            return "slow";
        }

        public ProtocolFault protocolFault() {
            return new ProtocolFault.Slow(delay);
        }
    }

    record Garbled(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public Garbled {
            check(at, duration, device);
        }

        public String kind() {
            return "garbled";
        }

        public ProtocolFault protocolFault() {
            return new ProtocolFault.Garbled();
        }
    }

    record Truncated(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public Truncated {
            check(at, duration, device);
        }

        public String kind() {
            return "truncated";
        }

        public ProtocolFault protocolFault() {
            return new ProtocolFault.Truncated();
        }
    }

    record AuthFailure(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public AuthFailure {
            check(at, duration, device);
        }

        public String kind() {
            return "auth_failure";
        }

        public ProtocolFault protocolFault() {
            return new ProtocolFault.AuthFailure();
        }
    }

    /** The agent restarts: sysUpTime and every counter start again from 0 at {@code at}. */
    record Reboot(Duration at, DevicePattern device) implements Fault {
        public Reboot {
            check(at, Duration.ZERO, device);
        }

        public String kind() {
            return "reboot";
        }
    }

    /** The counter {@code oid} is shifted so that it wraps (passes 2^32 or 2^64) shortly after {@code at}. */
    record CounterWrap(Duration at, DevicePattern device, OID oid) implements Fault {
        public CounterWrap {
            check(at, Duration.ZERO, device);
            Objects.requireNonNull(oid, "oid");
        }

        public String kind() {
            return "counter_wrap";
        }
    }

    /** Every CPU gauge of the device reads {@code percent} during the window. */
    record CpuSpike(Duration at, Duration duration, DevicePattern device, int percent) implements Windowed {
        public CpuSpike {
            check(at, duration, device);
            if (percent < 0 || percent > 100) {
                throw new IllegalArgumentException("cpu percent out of 0..100: " + percent);
            }
        }

        public String kind() {
            return "cpu_spike";
        }
    }

    /** ifOperStatus of {@code ifIndex} reads down(2) and its counters stand still during the window (RFC 2863). */
    record InterfaceDown(Duration at, Duration duration, DevicePattern device, int ifIndex) implements Windowed {
        public InterfaceDown {
            check(at, duration, device);
            if (ifIndex < 1) {
                throw new IllegalArgumentException("ifIndex must be >= 1 (RFC 2863 InterfaceIndex): " + ifIndex);
            }
        }

        public String kind() {
            return "interface_down";
        }
    }

    private static void check(Duration at, Duration duration, DevicePattern device) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(device, "device");
        if (at.isNegative() || duration.isNegative()) {
            throw new IllegalArgumentException("negative time in a fault: at " + at + ", duration " + duration);
        }
    }
}
