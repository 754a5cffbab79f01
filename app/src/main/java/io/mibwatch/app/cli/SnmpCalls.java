package io.mibwatch.app.cli;

import io.mibwatch.catalog.mib.Oid;
import io.mibwatch.poller.snmp.PollFailure;
import io.mibwatch.poller.snmp.SnmpClient;
import io.mibwatch.poller.snmp.SnmpOutcome;
import io.mibwatch.poller.snmp.SnmpResponse;
import io.mibwatch.poller.snmp.VarBindJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/** Runs one SNMP operation for a one-shot command and turns failures into one-line CLI errors. */
final class SnmpCalls {
    private SnmpCalls() {
    }

    static List<VariableBinding> call(Function<SnmpClient, CompletableFuture<SnmpOutcome>> op) {
        try (SnmpClient client = new SnmpClient(Clock.systemUTC())) {
            SnmpOutcome outcome = op.apply(client).get();
            if (outcome instanceof SnmpResponse r) {
                return r.varbinds();
            }
            PollFailure f = (PollFailure) outcome;
            throw new CliFailure(f.cause().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + f.message());
        } catch (IOException e) {
            throw new CliFailure("cannot open an SNMP socket: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted");
        } catch (ExecutionException e) {
            throw new CliFailure("SNMP request failed: " + e.getCause());
        }
    }

    static OID oid(String text) {
        String t = text.startsWith(".") ? text.substring(1) : text;
        if (!t.matches("\\d+(\\.\\d+)*")) {
            throw new CliFailure("OID '" + text + "' is not numeric (e.g. 1.3.6.1.2.1.1.3.0)", ExitCodes.USAGE);
        }
        try {
            // SNMP4J would throw a bare RuntimeException for a sub-identifier over 2^32-1 (RFC 2578 section 3.5)
            return MibValues.snmp4j(Oid.parse(t));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** One varbind per line: JSON object (the documented contract) or net-snmp-like text. */
    static void print(PrintWriter out, List<VariableBinding> vbs, boolean json) {
        print(out, vbs, json, null);
    }

    /**
     * As {@link #print(PrintWriter, List, boolean)}; with MIBs loaded, text lines show names and
     * formatted values, and each JSON object gains {@code "name"} and {@code "formatted"} after the
     * contract's fields (which stay exactly as they are).
     */
    static void print(PrintWriter out, List<VariableBinding> vbs, boolean json, MibValues mibs) {
        for (VariableBinding vb : vbs) {
            if (json && mibs != null) {
                String line = VarBindJson.toJsonLine(vb);
                out.println(line.substring(0, line.length() - 1) + ",\"name\":" + JsonText.quote(mibs.name(vb))
                        + ",\"formatted\":" + JsonText.quote(mibs.value(vb)) + "}");
            } else if (mibs != null) {
                out.println(mibs.textLine(vb));
            } else if (json) {
                out.println(VarBindJson.toJsonLine(vb));
            } else {
                out.println(vb.getOid() + " = " + VarBindJson.typeName(vb.getVariable()) + ": " + vb.getVariable().toString());
            }
        }
        out.flush();
    }
}
