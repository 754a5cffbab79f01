package io.mibwatch.catalog.mib;

/** What kind of definition named an OID: the ASN.1 value assignment or the SMI macro used. */
public enum NodeKind {
    /** {@code x OBJECT IDENTIFIER ::= {...}}, and names given inside OID values like {@code ieee(111)} */
    OBJECT_IDENTIFIER("OBJECT IDENTIFIER"),
    MODULE_IDENTITY("MODULE-IDENTITY"),
    OBJECT_IDENTITY("OBJECT-IDENTITY"),
    OBJECT_TYPE("OBJECT-TYPE"),
    NOTIFICATION_TYPE("NOTIFICATION-TYPE"),
    /** SMIv1 trap (RFC 1215): placed at enterprise.0.specific, as net-snmp and RFC 3584 section 3 do */
    TRAP_TYPE("TRAP-TYPE"),
    OBJECT_GROUP("OBJECT-GROUP"),
    NOTIFICATION_GROUP("NOTIFICATION-GROUP"),
    MODULE_COMPLIANCE("MODULE-COMPLIANCE"),
    AGENT_CAPABILITIES("AGENT-CAPABILITIES"),
    /** any other macro invocation whose value is an OID (e.g. SPPI's, vendor macros) */
    OTHER("OTHER");

    private final String label;

    NodeKind(String label) {
        this.label = label;
    }

    /** The keyword as written in MIB text. */
    public String label() {
        return label;
    }

    public static NodeKind fromMacro(String macro) {
        for (NodeKind k : values()) {
            if (k.label.equals(macro)) {
                return k;
            }
        }
        return OTHER;
    }
}
