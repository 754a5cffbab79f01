package io.mibwatch.app.cli;

import io.mibwatch.catalog.mib.MibNode;
import io.mibwatch.catalog.mib.Oid;
import io.mibwatch.catalog.mib.Translator;
import io.mibwatch.catalog.mib.ValueText;
import io.mibwatch.poller.snmp.VarBindJson;
import java.util.Optional;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.SMIConstants;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/** Names and MIB-aware value text for get/walk output when MIBs are loaded. */
final class MibValues {

    private final Translator translator;

    MibValues(Translator translator) {
        this.translator = translator;
    }

    /** A name or dotted OID from the command line as an SNMP4J OID. */
    OID oid(String text) {
        try {
            return snmp4j(translator.toOid(text));
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
    }

    /** The same OID as SNMP4J holds it: arcs as unsigned 32-bit values in ints. */
    static OID snmp4j(Oid oid) {
        return new OID(toInts(oid));
    }

    private static int[] toInts(Oid oid) {
        int[] a = new int[oid.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = (int) oid.arc(i);
        }
        return a;
    }

    static Oid oid(OID oid) {
        long[] arcs = new long[oid.size()];
        for (int i = 0; i < arcs.length; i++) {
            arcs[i] = oid.get(i) & 0xFFFF_FFFFL;
        }
        return Oid.of(arcs);
    }

    String name(VariableBinding vb) {
        return translator.toName(oid(vb.getOid()));
    }

    /**
     * The value as the MIB describes it: {@code up(1)}, a DISPLAY-HINT rendering ({@code 00:1b:21:0a:0b:0c},
     * DateAndTime), {@code 1 day, 0:00:00.00} for TimeTicks; SNMP4J's text otherwise.
     */
    String value(VariableBinding vb) {
        Variable v = vb.getVariable();
        Optional<MibNode> node = translator.nodeOf(oid(vb.getOid()));
        switch (v.getSyntax()) {
            case SMIConstants.SYNTAX_INTEGER:
                return ValueText.integer(node.orElse(null), ((Integer32) v).getValue());
            case SMIConstants.SYNTAX_TIMETICKS: {
                long ticks = ((TimeTicks) v).getValue();
                return "(" + ticks + ") " + ValueText.timeTicks(ticks);
            }
            case SMIConstants.SYNTAX_OCTET_STRING: {
                byte[] bytes = ((OctetString) v).getValue();
                String hinted = ValueText.octets(node.orElse(null), bytes);
                return hinted != null ? hinted : v.toString();
            }
            default:
                return v.toString();
        }
    }

    /** net-snmp-like line: {@code IF-MIB::ifOperStatus.1 = INTEGER: up(1)}. */
    String textLine(VariableBinding vb) {
        return name(vb) + " = " + VarBindJson.typeName(vb.getVariable()) + ": " + value(vb);
    }
}
