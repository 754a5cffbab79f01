package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import org.snmp4j.PDU;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pure classification of what SNMP4J hands to a response listener: an answer PDU to work on, or
 * a {@link PollFailure} with an operator-readable message. Kept apart from {@link SnmpClient} so
 * every branch is unit-tested with real SNMP4J PDUs and events.
 */
final class Replies {

    private Replies() {
    }

    /** The result of one request/response exchange. */
    sealed interface Reply permits Answer, Failed {
    }

    /** A RESPONSE PDU (error-status not yet inspected: tooBig and v1 noSuchName mean different things per operation). */
    record Answer(PDU pdu) implements Reply {
    }

    record Failed(PollFailure failure) implements Reply {
    }

    /**
     * Report PDUs a command generator can receive (RFC 3412 section 7.2 step 3, RFC 3414 section 3.2,
     * RFC 3413 section 3.1). usmStatsUnknownEngineIDs and usmStatsNotInTimeWindows are consumed by
     * SNMP4J itself during engine discovery/time sync and only reach us if they repeat.
     */
    private static final Map<OID, String> REPORT_NAMES = Map.ofEntries(
            Map.entry(object(SnmpConstants.usmStatsUnsupportedSecLevels), "usmStatsUnsupportedSecLevels"),
            Map.entry(object(SnmpConstants.usmStatsNotInTimeWindows), "usmStatsNotInTimeWindows"),
            Map.entry(object(SnmpConstants.usmStatsUnknownUserNames), "usmStatsUnknownUserNames"),
            Map.entry(object(SnmpConstants.usmStatsUnknownEngineIDs), "usmStatsUnknownEngineIDs"),
            Map.entry(object(SnmpConstants.usmStatsWrongDigests), "usmStatsWrongDigests"),
            Map.entry(object(SnmpConstants.usmStatsDecryptionErrors), "usmStatsDecryptionErrors"),
            Map.entry(object(SnmpConstants.snmpUnknownSecurityModels), "snmpUnknownSecurityModels"),
            Map.entry(object(SnmpConstants.snmpInvalidMsgs), "snmpInvalidMsgs"),
            Map.entry(object(SnmpConstants.snmpUnknownPDUHandlers), "snmpUnknownPDUHandlers"),
            Map.entry(object(SnmpConstants.snmpUnavailableContexts), "snmpUnavailableContexts"),
            Map.entry(object(SnmpConstants.snmpUnknownContexts), "snmpUnknownContexts"));

    /** The counter object without its scalar instance {@code .0}, so reports match with or without it. */
    private static OID object(OID oid) {
        return oid.size() > 1 && oid.last() == 0 ? new OID(oid.getValue(), 0, oid.size() - 1) : oid;
    }

    /** Classifies one event from SNMP4J's ResponseListener. */
    static Reply classify(AgentTarget t, ResponseEvent<?> e) {
        if (e.getError() != null) {
            return new Failed(io(t, "request failed: " + describe(e.getError())));
        }
        PDU response = e.getResponse();
        if (response == null) {
            return new Failed(timeout(t));
        }
        if (response.getType() == PDU.REPORT) {
            return new Failed(report(t, response));
        }
        if (response.getType() != PDU.RESPONSE) {
            return new Failed(new PollFailure(Cause.DECODE, t.where() + ": expected a Response PDU, got "
                    + PDU.getTypeString(response.getType())));
        }
        return new Answer(response);
    }

    /** All tries unanswered. The hint names the usual reasons for the version in use. */
    static PollFailure timeout(AgentTarget t) {
        int tries = t.retries() + 1;
        String hint = t.version() == SnmpVersion.V3
                ? "agent down, filtered, or wrong privacy pass phrase/protocol (agents drop v3 messages they cannot decrypt)"
                : "agent down, filtered, or wrong community";
        return new PollFailure(Cause.TIMEOUT, t.where() + ": no response after " + tries
                + (tries == 1 ? " try" : " tries") + " of " + seconds(t.timeout()) + "; " + hint);
    }

    /**
     * The agent answered, but SNMP4J could not decode what it sent (garbage, truncated BER, bad
     * lengths, an integer too wide for its type), so no answer matched the request.
     */
    static PollFailure undecodable(AgentTarget t, String why) {
        return new PollFailure(Cause.DECODE, redact(t, t.where() + ": the agent answered, but its answer could not be"
                + " decoded: " + why));
    }

    /** A Report PDU instead of a Response: USM rejections become AUTH, everything else REPORT. */
    static PollFailure report(AgentTarget t, PDU report) {
        if (report.size() == 0) {
            return new PollFailure(Cause.REPORT, t.where() + ": agent answered with an empty Report PDU");
        }
        VariableBinding vb = report.get(0);
        OID oid = vb.getOid();
        String name = REPORT_NAMES.get(object(oid));
        String user = t.credentials() instanceof Credentials.Usm u ? u.user() : "";
        String level = t.credentials() instanceof Credentials.Usm u ? u.securityLevel() : "";
        if (name != null) {
            String detail = switch (name) {
                case "usmStatsWrongDigests" -> "wrong auth pass phrase or protocol for user '" + user + "'";
                case "usmStatsUnknownUserNames" -> "agent has no user '" + user + "'";
                case "usmStatsDecryptionErrors" -> "wrong privacy pass phrase or protocol for user '" + user + "'";
                case "usmStatsUnsupportedSecLevels" -> "agent does not allow security level " + level
                        + " for user '" + user + "'";
                default -> null;
            };
            if (detail != null) {
                return new PollFailure(Cause.AUTH, t.where() + ": authentication failed (" + name + "): " + detail);
            }
            return new PollFailure(Cause.REPORT, t.where() + ": agent answered with report " + name
                    + " = " + vb.getVariable());
        }
        return new PollFailure(Cause.REPORT, t.where() + ": agent answered with report "
                + oid.toDottedString() + " = " + vb.getVariable());
    }

    /** Non-zero error-status (RFC 3416 section 3): names the status and the varbind it points at. */
    static PollFailure errorStatus(AgentTarget t, PDU request, PDU response) {
        int status = response.getErrorStatus();
        int index = response.getErrorIndex();
        String at;
        // error-index is 1-based; 0 means "not about one varbind" (e.g. tooBig, genErr on the whole PDU)
        if (index >= 1 && index <= request.size()) {
            at = " at index " + index + " (" + request.get(index - 1).getOid().toDottedString() + ")";
        } else if (index >= 1 && index <= response.size()) {
            at = " at index " + index + " (" + response.get(index - 1).getOid().toDottedString() + ")";
        } else {
            at = index == 0 ? "" : " at index " + index;
        }
        return new PollFailure(Cause.ERROR_STATUS, t.where() + ": agent returned error-status "
                + errorStatusName(status) + " (" + status + ")" + at
                + " for " + PDU.getTypeString(request.getType()) + " of " + request.size() + " varbind(s)");
    }

    /** The error-status names of RFC 3416 section 3 (what net-snmp and MIB documents print). */
    private static final String[] ERROR_STATUS_NAMES = {"noError", "tooBig", "noSuchName", "badValue",
            "readOnly", "genErr", "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue",
            "noCreation", "inconsistentValue", "resourceUnavailable", "commitFailed", "undoFailed",
            "authorizationError", "notWritable", "inconsistentName"};

    static String errorStatusName(int status) {
        return status >= 0 && status < ERROR_STATUS_NAMES.length ? ERROR_STATUS_NAMES[status] : "unknown";
    }

    static PollFailure io(AgentTarget t, String detail) {
        return new PollFailure(Cause.IO, redact(t, t.where() + ": " + detail));
    }

    /** A bug or unexpected runtime error, still turned into an outcome so the future completes. */
    static PollFailure internal(AgentTarget t, Throwable e) {
        return io(t, "internal error: " + describe(e));
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
    }

    /**
     * Replaces any community or pass phrase of {@code t} that a foreign message (an SNMP4J
     * exception, whose text may include a target's toString) might carry.
     */
    static String redact(AgentTarget t, String message) {
        List<Secret> secrets = new ArrayList<>(2);
        if (t.credentials() instanceof Credentials.Community c) {
            secrets.add(c.community());
        } else if (t.credentials() instanceof Credentials.Usm u) {
            if (u.authPass() != null) secrets.add(u.authPass());
            if (u.privPass() != null) secrets.add(u.privPass());
        }
        String out = message;
        for (Secret s : secrets) {
            if (!s.isEmpty()) {
                out = out.replace(s.reveal(), "<secret>");
            }
        }
        return out;
    }

    /** "0.3s", "5s": how operators write timeouts. */
    static String seconds(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 == 0) {
            return (ms / 1000) + "s";
        }
        return java.math.BigDecimal.valueOf(ms, 3).stripTrailingZeros().toPlainString() + "s";
    }
}
