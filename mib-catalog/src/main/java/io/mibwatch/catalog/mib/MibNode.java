package io.mibwatch.catalog.mib;

import java.util.List;

/**
 * A named node of the OID tree with what its defining module says about it.
 *
 * @param module      defining module
 * @param descriptor  the name ({@code ifHCInOctets})
 * @param oid         resolved OID
 * @param kind        the macro or assignment that defined it
 * @param syntax      for OBJECT-TYPE: SYNTAX resolved through textual conventions; else null
 * @param displayHint DISPLAY-HINT of the nearest textual convention that has one (RFC 2579 section 3.1), or null
 * @param units       UNITS, or null
 * @param access      MAX-ACCESS (SMIv2) or ACCESS (SMIv1), or null
 * @param status      STATUS, or null
 * @param index       INDEX of a conceptual row, empty otherwise
 * @param augments    AUGMENTS of a conceptual row, or null
 * @param description DESCRIPTION text as written (indentation kept), or null
 */
public record MibNode(String module, String descriptor, Oid oid, NodeKind kind, Syntax syntax, String displayHint,
                      String units, String access, String status, List<IndexPart> index, String augments,
                      String description) {

    public MibNode {
        index = List.copyOf(index);
    }

    /** {@code MODULE::descriptor}, the net-snmp way to name a node unambiguously. */
    public String qualifiedName() {
        return module + "::" + descriptor;
    }
}
