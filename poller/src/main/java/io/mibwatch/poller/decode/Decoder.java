package io.mibwatch.poller.decode;

import io.mibwatch.core.series.Reading;
import io.mibwatch.core.series.SeriesId;
import io.mibwatch.core.series.ValueKind;
import io.mibwatch.poller.plan.PollPlan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UnsignedInteger32;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Turns the varbinds of one poll into readings. Pure: no clock, the answer time is passed in. */
public final class Decoder {

    private Decoder() {
    }

    /**
     * Turns the varbinds of one poll into readings; sysUpTime and ifCounterDiscontinuityTime
     * are also surfaced for the rate stage. Unknown/exception varbinds (noSuchObject,
     * noSuchInstance, endOfMibView, RFC 3416 section 4.2.1) are skipped and counted, never
     * turned into zero: a missing value is a gap, a zero would be a false measurement. A planned
     * column answered with a type it cannot hold is skipped too, and listed in
     * {@link Decoded#wrongTypes()}: that is a broken agent, not a missing object.
     */
    public static Decoded decode(PollPlan plan, List<VariableBinding> varbinds, Instant at) {
        return decode(PlanIndex.of(plan), varbinds, at);
    }

    /** As {@link #decode(PollPlan, List, Instant)}, with the plan indexed once for many polls. */
    public static Decoded decode(PlanIndex index, List<VariableBinding> varbinds, Instant at) {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(varbinds, "varbinds");
        Objects.requireNonNull(at, "at");
        PollPlan plan = index.plan();

        List<Reading> readings = new ArrayList<>(varbinds.size());
        Map<SeriesId, Double> gauges = new HashMap<>();
        Map<String, Long> discontinuities = new HashMap<>();
        long sysUpTime = -1;
        int skipped = 0;
        List<WrongType> wrongTypes = new ArrayList<>();
        for (VariableBinding vb : varbinds) {
            if (vb == null || vb.getOid() == null || vb.getVariable() == null || vb.isException()) {
                skipped++;
                continue;
            }
            OID oid = vb.getOid();
            Variable v = vb.getVariable();
            boolean known = false;
            if (oid.equals(PollPlan.SYS_UP_TIME) && v instanceof TimeTicks t) {
                sysUpTime = t.getValue();
                known = true;
            }
            String discontinuityInstance = index.discontinuityInstance(oid);
            if (discontinuityInstance != null && v instanceof TimeTicks t) {
                discontinuities.put(discontinuityInstance, t.getValue());
                known = true;
            }
            PlanIndex.Slot c = index.column(oid);
            if (c != null) {
                Reading r = reading(c.column(), c.series(), v, at);
                if (r != null) {
                    readings.add(r);
                    if (r.kind() == ValueKind.GAUGE) {
                        gauges.put(r.series(), r.value());
                    }
                    known = true;
                } else {
                    wrongTypes.add(new WrongType(oid, c.series().path(), c.column().kind(), v.getSyntaxString()));
                }
            }
            if (!known) {
                skipped++;
            }
        }

        for (PollPlan.Derived d : plan.derived()) {
            if (d.fromRates()) {
                continue; // computed after the rate stage
            }
            List<Double> in = new ArrayList<>(2);
            for (String name : d.formula().inputs()) {
                in.add(gauges.get(new SeriesId(plan.device(), d.group(), d.instance(), name)));
            }
            OptionalDouble value = d.formula() instanceof io.mibwatch.catalog.metric.Conversion.VoiceScore v
                    ? io.mibwatch.poller.voice.IpSlaVoice.score(v, in)
                    : percent(d.formula(), in);
            if (value.isPresent()) {
                readings.add(Reading.gauge(new SeriesId(plan.device(), d.group(), d.instance(), d.metric()),
                        value.getAsDouble(), at));
            }
        }
        return new Decoded(readings, sysUpTime, discontinuities, plan.maxRatePerInstance(), skipped, wrongTypes);
    }

    /**
     * A gauge percentage of the catalog; empty when an input is missing or the whole is not
     * positive (storage unmounted since discovery, an empty memory pool): no value, not 0 %.
     */
    static OptionalDouble percent(io.mibwatch.catalog.metric.Conversion formula, List<Double> in) {
        if (in.size() != 2 || in.get(0) == null || in.get(1) == null) {
            return OptionalDouble.empty();
        }
        double a = in.get(0);
        double b = in.get(1);
        double part;
        double whole;
        if (formula instanceof io.mibwatch.catalog.metric.Conversion.PercentOf) {
            part = a;
            whole = b;
        } else if (formula instanceof io.mibwatch.catalog.metric.Conversion.PercentOfSum) {
            part = a;
            whole = a + b;
        } else if (formula instanceof io.mibwatch.catalog.metric.Conversion.PercentNotFree) {
            part = b - a;
            whole = b;
        } else {
            return OptionalDouble.empty();
        }
        return whole > 0 ? OptionalDouble.of(100.0 * part / whole) : OptionalDouble.empty();
    }

    /** The reading for one column, or null if the value's type cannot be that column's (a {@link WrongType}). */
    private static Reading reading(PollPlan.Column c, SeriesId series, Variable v, Instant at) {
        if (c.kind().isCounter()) {
            // the width comes from what the agent sent (RFC 2578 section 7.1.6 / 7.1.10), so a
            // Counter32 in an HC column still wraps at 2^32 in the rate stage
            if (v instanceof Counter64 c64) {
                return Reading.counter(series, ValueKind.COUNTER64, c64.getValue(), at);
            }
            if (v instanceof Counter32 c32) {
                return Reading.counter(series, ValueKind.COUNTER32, c32.getValue(), at);
            }
            return null;
        }
        OptionalDouble raw = number(v);
        return raw.isPresent() ? Reading.gauge(series, raw.getAsDouble() * c.factor(), at) : null;
    }

    /** Integer32 is signed; Gauge32/TimeTicks/Counter32 are unsigned 32-bit; Counter64 unsigned 64-bit. */
    private static OptionalDouble number(Variable v) {
        if (v instanceof Integer32 i) {
            return OptionalDouble.of(i.getValue());
        }
        if (v instanceof UnsignedInteger32 u) {
            return OptionalDouble.of(u.getValue());
        }
        if (v instanceof Counter64 c) {
            return OptionalDouble.of(Reading.unsignedToDouble(c.getValue()));
        }
        return OptionalDouble.empty();
    }
}
