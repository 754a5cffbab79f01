package io.mibwatch.poller.decode;

import io.mibwatch.core.series.SeriesId;
import io.mibwatch.poller.plan.PollPlan;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.snmp4j.smi.OID;

/**
 * A {@link PollPlan} arranged for decoding: polled OID to its column and the column's
 * {@link SeriesId}, and OID to ifCounterDiscontinuityTime instance. Built once per plan (the
 * poller keeps it next to the plan until the next discovery) instead of once per poll: the
 * fleet benchmark's profile (benchmarks/fleet) showed the per-poll maps and a new, validated SeriesId per
 * varbind among the costs of a cycle. Immutable.
 */
public final class PlanIndex {

    /** One planned column and the series it feeds. */
    record Slot(PollPlan.Column column, SeriesId series) {
    }

    private final PollPlan plan;
    private final Map<OID, Slot> columns;
    private final Map<OID, String> discontinuities;

    private PlanIndex(PollPlan plan) {
        this.plan = plan;
        Map<OID, Slot> c = new HashMap<>();
        for (PollPlan.Column col : plan.columns()) {
            c.put(col.oid(), new Slot(col, col.series(plan.device())));
        }
        Map<OID, String> d = new HashMap<>();
        for (PollPlan.Discontinuity disc : plan.discontinuities()) {
            d.put(disc.oid(), disc.instance());
        }
        this.columns = Map.copyOf(c);
        this.discontinuities = Map.copyOf(d);
    }

    public static PlanIndex of(PollPlan plan) {
        return new PlanIndex(Objects.requireNonNull(plan, "plan"));
    }

    public PollPlan plan() {
        return plan;
    }

    /** The column polled with this OID, or null if the plan has none. */
    Slot column(OID oid) {
        return columns.get(oid);
    }

    /** The interface instance whose ifCounterDiscontinuityTime this OID is, or null. */
    String discontinuityInstance(OID oid) {
        return discontinuities.get(oid);
    }
}
