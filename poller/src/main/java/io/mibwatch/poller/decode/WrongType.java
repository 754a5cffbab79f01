package io.mibwatch.poller.decode;

import io.mibwatch.core.series.ValueKind;
import java.util.Objects;
import org.snmp4j.smi.OID;

/**
 * A planned OID the agent answered with a value its metric cannot hold: an OCTET STRING for a
 * Counter64, a Gauge32 for a counter (RFC 2578 section 7.1: a counter is Counter32 or Counter64),
 * anything but a number for a gauge. Not a gap the agent meant (noSuchObject/noSuchInstance), but a
 * broken or misconfigured agent, so it is reported instead of silently skipped.
 *
 * @param oid      the OID polled
 * @param series   the series it feeds ({@code group/instance/metric})
 * @param expected what the metric needs
 * @param received the SMI syntax the agent sent (as SNMP4J names it, e.g. {@code OCTET STRING})
 */
public record WrongType(OID oid, String series, ValueKind expected, String received) {

    public WrongType {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(series, "series");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(received, "received");
    }

    /** "1.3.6.1.2.1.31.1.1.1.6.1 (interfaces/1/inOctets) is OCTET STRING, expected Counter32 or Counter64". */
    public String describe() {
        return oid.toDottedString() + " (" + series + ") is " + received + ", expected "
                + (expected.isCounter() ? "Counter32 or Counter64" : "a number (INTEGER, Gauge32, Counter, TimeTicks)");
    }
}
