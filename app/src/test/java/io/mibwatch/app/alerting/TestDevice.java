package io.mibwatch.app.alerting;

import io.mibwatch.simulator.agent.DeviceView;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.simulator.snmprec.SnmprecReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;

/**
 * A small simulated host for the simulator agent: system group, one processor whose load the
 * test sets, and one 1 Gbit/s interface carrying a steady 1 MB/s. {@link #reboot()} restarts it:
 * sysUpTime and the octet counters start again from zero, as after a real reboot.
 */
final class TestDevice implements DeviceView {
    static final String SYS_UPTIME = "1.3.6.1.2.1.1.3.0";
    static final String CPU_LOAD = "1.3.6.1.2.1.25.3.3.1.2.1";
    static final String IF_IN = "1.3.6.1.2.1.2.2.1.10.1";
    static final String IF_OUT = "1.3.6.1.2.1.2.2.1.16.1";
    static final String IF_HC_IN = "1.3.6.1.2.1.31.1.1.1.6.1";
    static final String IF_HC_OUT = "1.3.6.1.2.1.31.1.1.1.10.1";
    /** Octets per second on the interface. */
    static final long RATE = 1_000_000;

    private final Recording recording;
    private final SimClock clock;
    private final boolean[] dynamic;
    private volatile int cpu = 10;
    private volatile Instant bootAt;

    TestDevice(String name, SimClock clock, Duration upAlready) {
        this.clock = clock;
        this.bootAt = clock.now().minus(upAlready);
        String snmprec = String.join("\n",
                "1.3.6.1.2.1.1.1.0|4|Linux " + name + " 6.1.0 x86_64",
                "1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.8072.3.2.10",
                SYS_UPTIME + "|67|0",
                "1.3.6.1.2.1.1.5.0|4|" + name,
                "1.3.6.1.2.1.2.1.0|2|1",
                "1.3.6.1.2.1.2.2.1.1.1|2|1",
                "1.3.6.1.2.1.2.2.1.2.1|4|eth0",
                "1.3.6.1.2.1.2.2.1.3.1|2|6",
                "1.3.6.1.2.1.2.2.1.5.1|66|1000000000",
                "1.3.6.1.2.1.2.2.1.7.1|2|1",
                "1.3.6.1.2.1.2.2.1.8.1|2|1",
                IF_IN + "|65|0",
                IF_OUT + "|65|0",
                "1.3.6.1.2.1.25.3.3.1.2.1|2|10",
                "1.3.6.1.2.1.31.1.1.1.1.1|4|eth0",
                IF_HC_IN + "|70|0",
                IF_HC_OUT + "|70|0",
                "1.3.6.1.2.1.31.1.1.1.15.1|66|1000") + "\n";
        this.recording = SnmprecReader.parse(name, name + ".snmprec", snmprec.getBytes(StandardCharsets.US_ASCII));
        this.dynamic = new boolean[recording.size()];
        for (int i = 0; i < recording.size(); i++) {
            String oid = recording.oid(i).toDottedString();
            dynamic[i] = oid.equals(SYS_UPTIME) || oid.equals(CPU_LOAD) || oid.equals(IF_IN) || oid.equals(IF_OUT)
                    || oid.equals(IF_HC_IN) || oid.equals(IF_HC_OUT);
        }
    }

    void cpu(int percent) {
        this.cpu = percent;
    }

    /** The agent restarts now: uptime and counters from zero. */
    void reboot() {
        this.bootAt = clock.now();
    }

    @Override
    public Recording recording() {
        return recording;
    }

    @Override
    public boolean isDynamic(int index) {
        return dynamic[index];
    }

    @Override
    public Variable valueAt(int index, Instant simTime) {
        String oid = recording.oid(index).toDottedString();
        long upMillis = Math.max(0, Duration.between(bootAt, simTime).toMillis());
        return switch (oid) {
            case SYS_UPTIME -> new TimeTicks(upMillis / 10);
            case CPU_LOAD -> new Integer32(cpu);
            case IF_IN, IF_OUT -> new Counter32((upMillis * RATE / 1000) & 0xFFFFFFFFL);
            default -> new Counter64(upMillis * RATE / 1000);
        };
    }
}
