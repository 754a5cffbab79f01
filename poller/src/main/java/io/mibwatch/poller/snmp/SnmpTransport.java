package io.mibwatch.poller.snmp;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.snmp4j.smi.OID;

/**
 * The two SNMP operations a poll cycle needs: a GET of a list of OIDs and subtree walks. The
 * seam between the poll pipeline and the wire, so the pipeline can be tested against scripted
 * answers; {@link SnmpClient} is the implementation that talks to agents.
 *
 * <p>Both futures always complete normally with an {@link SnmpOutcome}: failures (timeout,
 * USM report, error-status, ...) are {@link PollFailure} values, never exceptions.
 */
public interface SnmpTransport {

    /**
     * GET of {@code oids} (RFC 3416 section 4.2.1): on success one varbind per OID in request
     * order, a missing object being a noSuchObject/noSuchInstance value (v2c/v3).
     */
    CompletableFuture<SnmpOutcome> get(AgentTarget target, List<OID> oids);

    /** The subtrees under {@code roots}, concatenated in the order of the roots, each in OID order. */
    CompletableFuture<SnmpOutcome> walk(AgentTarget target, List<OID> roots);
}
