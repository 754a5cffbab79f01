package io.mibwatch.poller.schedule;

import io.mibwatch.poller.snmp.AgentTarget;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpOutcome;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.poller.snmp.SnmpTransport;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.snmp4j.smi.Null;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * An agent scripted per OID, behind the {@link SnmpTransport} seam: GETs answer each OID from the
 * table (noSuchInstance when absent, as a v2c agent does, RFC 3416 section 4.2.1), walks return
 * the subtrees in OID order. A test changes values between cycles, scripts a failure for the
 * next GET or walk, or holds the next GET unanswered. Every call is recorded.
 */
final class ScriptedTransport implements SnmpTransport {

    private final Clock clock;
    private final TreeMap<OID, Variable> objects = new TreeMap<>();
    private final List<String> calls = new ArrayList<>();
    private PollFailure nextGetFailure;
    private PollFailure nextWalkFailure;
    private RuntimeException nextGetBreaks;
    private CompletableFuture<SnmpOutcome> held;
    private boolean holdNextGet;

    ScriptedTransport(Clock clock) {
        this.clock = clock;
    }

    ScriptedTransport set(String oid, Variable value) {
        objects.put(new OID(oid), value);
        return this;
    }

    ScriptedTransport setAll(Map<String, Variable> values) {
        values.forEach(this::set);
        return this;
    }

    Variable value(String oid) {
        return objects.get(new OID(oid));
    }

    void remove(String oid) {
        objects.remove(new OID(oid));
    }

    void failNextGet(PollFailure f) {
        nextGetFailure = f;
    }

    void failNextWalk(PollFailure f) {
        nextWalkFailure = f;
    }

    /** The next GET's future fails with {@code e}, as a bug below the seam would make it. */
    void breakNextGet(RuntimeException e) {
        nextGetBreaks = e;
    }

    /** The next GET stays unanswered until {@link #releaseHeld()}. */
    void holdNextGet() {
        holdNextGet = true;
    }

    void releaseHeld() {
        CompletableFuture<SnmpOutcome> f = held;
        held = null;
        f.complete(new SnmpResponse(List.of(), clock.instant(), Duration.ZERO));
    }

    /** "get N" (N OIDs asked) and "walk" in call order. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public synchronized CompletableFuture<SnmpOutcome> get(AgentTarget target, List<OID> oids) {
        calls.add("get " + oids.size());
        if (holdNextGet) {
            holdNextGet = false;
            held = new CompletableFuture<>();
            return held;
        }
        if (nextGetBreaks != null) {
            RuntimeException e = nextGetBreaks;
            nextGetBreaks = null;
            return CompletableFuture.failedFuture(e);
        }
        if (nextGetFailure != null) {
            PollFailure f = nextGetFailure;
            nextGetFailure = null;
            return CompletableFuture.completedFuture(f);
        }
        List<VariableBinding> answer = new ArrayList<>(oids.size());
        for (OID oid : oids) {
            answer.add(new VariableBinding(oid, objects.getOrDefault(oid, Null.noSuchInstance)));
        }
        return CompletableFuture.completedFuture(new SnmpResponse(answer, clock.instant(), Duration.ZERO));
    }

    @Override
    public synchronized CompletableFuture<SnmpOutcome> walk(AgentTarget target, List<OID> roots) {
        calls.add("walk");
        if (nextWalkFailure != null) {
            PollFailure f = nextWalkFailure;
            nextWalkFailure = null;
            return CompletableFuture.completedFuture(f);
        }
        List<VariableBinding> found = new ArrayList<>();
        for (OID root : roots) {
            objects.tailMap(root, false).forEach((oid, value) -> {
                if (oid.startsWith(root)) {
                    found.add(new VariableBinding(oid, value));
                }
            });
        }
        return CompletableFuture.completedFuture(new SnmpResponse(found, clock.instant(), Duration.ZERO));
    }
}
