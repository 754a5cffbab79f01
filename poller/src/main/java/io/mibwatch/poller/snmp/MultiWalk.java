package io.mibwatch.poller.snmp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * Several subtree walks of one agent, at most {@code maxOutstanding} at a time, results in the
 * order of the roots. The first failure ends it: no further root is started, so a dead agent
 * costs one timeout, not one per root (discovery walks dozens of roots).
 */
final class MultiWalk {
    private final AgentTarget t;
    /** Starts one subtree walk of the agent. */
    private final Function<OID, CompletableFuture<SnmpOutcome>> walkOne;
    private final List<OID> roots;
    private final SnmpOutcome[] outcomes;
    private final CompletableFuture<SnmpOutcome> result = new CompletableFuture<>();
    private int next;
    private int done;

    MultiWalk(AgentTarget t, List<OID> roots, Function<OID, CompletableFuture<SnmpOutcome>> walkOne) {
        this.t = t;
        this.walkOne = walkOne;
        this.roots = roots;
        this.outcomes = new SnmpOutcome[roots.size()];
    }

    CompletableFuture<SnmpOutcome> start() {
        if (roots.isEmpty()) {
            result.complete(new SnmpResponse(List.of(), Instant.EPOCH, Duration.ZERO));
        }
        for (int i = 0; i < Math.max(1, t.maxOutstanding()); i++) {
            launchNext();
        }
        return result;
    }

    private void launchNext() {
        int i;
        synchronized (this) {
            if (result.isDone() || next >= roots.size()) {
                return;
            }
            i = next++;
        }
        walkOne.apply(roots.get(i)).whenComplete((o, e) -> {
            SnmpOutcome outcome = e != null ? Replies.internal(t, e) : o;
            boolean all;
            synchronized (this) {
                outcomes[i] = outcome;
                all = ++done == roots.size();
            }
            if (outcome instanceof PollFailure f) {
                result.complete(f);
            } else if (all) {
                List<VariableBinding> merged = new ArrayList<>();
                for (SnmpOutcome part : outcomes) {
                    merged.addAll(((SnmpResponse) part).varbinds());
                }
                result.complete(new SnmpResponse(merged, Instant.EPOCH, Duration.ZERO));
            } else {
                launchNext();
            }
        });
    }
}
