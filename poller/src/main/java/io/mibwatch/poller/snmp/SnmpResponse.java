package io.mibwatch.poller.snmp;

import org.snmp4j.smi.VariableBinding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A successful GET or walk.
 *
 * @param varbinds for a GET, one per requested OID in request order (v2c/v3 values may be the
 *                 exceptions noSuchObject/noSuchInstance, RFC 3416 section 4.2.1); for a walk, the
 *                 subtree(s) in OID order, without exception values
 * @param at       when the answer was complete (from the client's injected clock)
 * @param elapsed  from submitting the operation to completion, queueing and all walk steps included
 */
public record SnmpResponse(List<VariableBinding> varbinds, Instant at, Duration elapsed) implements SnmpOutcome {
    public SnmpResponse {
        varbinds = List.copyOf(varbinds);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
