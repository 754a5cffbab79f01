package io.mibwatch.simulator.scenario;

import io.mibwatch.simulator.agent.ProtocolFault;
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

    /** A fault that changes the agent's answers on the wire while active: what the agent does. */
    sealed interface OnTheWire extends Windowed {
        ProtocolFault protocolFault();
    }

    /** No answer at all: the agent drops the request. */
    record Timeout(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public Timeout {
            check(at, duration, device);
        }

        public String kind() {
            return "timeout";
        }

        public ProtocolFault protocolFault() {
            return ProtocolFault.DROP;
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
            return new ProtocolFault.Delay(delay);
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
            return ProtocolFault.GARBLE;
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
            return ProtocolFault.TRUNCATE;
        }
    }

    /**
     * Rejected credentials: the agent drops the request, as snmpd does for a wrong community
     * (RFC 3584 section 4.1), and counts it as a bad community.
     */
    record AuthFailure(Duration at, Duration duration, DevicePattern device) implements OnTheWire {
        public AuthFailure {
            check(at, duration, device);
        }

        public String kind() {
            return "auth_failure";
        }

        public ProtocolFault protocolFault() {
            return ProtocolFault.WRONG_AUTH;
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

    /**
     * Recurring degradations of one IP SLA operation (CISCO-RTTMON-MIB) at seeded random times:
     * time is cut into epochs of {@code every}, anchored at {@code at}, and each epoch holds one
     * episode of {@code duration} starting at a seeded offset inside it. Unlike the other faults it
     * applies before the simulation start too (epochs with negative numbers), so a backfilled
     * history shows the same kind of trouble the live agent serves: what the red button analysis
     * (complaints vs. metrics) and baselines need to learn from.
     *
     * <p>While an episode holds, the operation's round-trip times rise by {@code delay}, its jitter
     * by a tenth of that, and {@code lossPercent} % of its probe packets are lost.
     *
     * @param operation   the rttMonCtrlAdminIndex of the operation
     * @param every       epoch length: on average one episode per {@code every}
     * @param delay       added round-trip time
     * @param lossPercent probe packets lost during an episode, 0..100
     * @param seed        picks the episodes' offsets; same seed, same times
     */
    record Degradation(Duration at, DevicePattern device, int operation, Duration duration, Duration every,
                       Duration delay, int lossPercent, long seed) implements Fault {
        public Degradation {
            check(at, duration, device);
            Objects.requireNonNull(every, "every");
            Objects.requireNonNull(delay, "delay");
            if (operation < 1) {
                throw new IllegalArgumentException("IP SLA operation index must be >= 1: " + operation);
            }
            if (duration.isZero() || duration.compareTo(every) >= 0) {
                throw new IllegalArgumentException("degradation duration " + duration + " must be positive and "
                        + "shorter than every " + every);
            }
            if (lossPercent < 0 || lossPercent > 100) {
                throw new IllegalArgumentException("loss percent out of 0..100: " + lossPercent);
            }
        }

        public String kind() {
            return "degradation";
        }

        /** The start offset of the episode of epoch {@code k} (k may be negative: before the start). */
        public Duration episodeStart(long k) {
            long epochMs = every.toMillis();
            long slackMs = epochMs - duration.toMillis();
            long offset = (long) (unit(seed, k) * slackMs);
            return at.plusMillis(k * epochMs + offset);
        }

        /** True when an episode holds at {@code sinceStart} (negative: before the start). */
        public boolean activeAt(Duration sinceStart) {
            long k = Math.floorDiv(sinceStart.minus(at).toMillis(), every.toMillis());
            Duration s = episodeStart(k);
            return sinceStart.compareTo(s) >= 0 && sinceStart.compareTo(s.plus(duration)) < 0;
        }

        /** Start offsets of the episodes that begin in {@code [from, to)}, oldest first. */
        public java.util.List<Duration> episodes(Duration from, Duration to) {
            java.util.List<Duration> out = new java.util.ArrayList<>();
            long k = Math.floorDiv(from.minus(at).toMillis(), every.toMillis());
            for (Duration s = episodeStart(k); s.compareTo(to) < 0; s = episodeStart(++k)) {
                if (s.compareTo(from) >= 0) {
                    out.add(s);
                }
            }
            return java.util.List.copyOf(out);
        }

        /** A uniform number in [0, 1) from (seed, k): SplitMix64's finaliser (Steele et al., OOPSLA 2014). */
        static double unit(long seed, long k) {
            long z = seed * 0x9E3779B97F4A7C15L + k * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            z = z ^ (z >>> 31);
            return (z >>> 11) * 0x1.0p-53;
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
