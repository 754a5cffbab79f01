package io.mibwatch.catalog.mib;

import java.util.List;
import java.util.Map;

/**
 * One module as written, before names are resolved across modules.
 *
 * @param name        from {@code NAME DEFINITIONS ::= BEGIN}, not from the file name
 * @param file        the file it came from
 * @param line        line of the header
 * @param imports     imported symbol -> module it is imported from
 * @param importLines imported module -> line of its FROM, for problem reports
 * @param assignments the definitions in text order
 */
record ParsedModule(String name, String file, int line, Map<String, String> imports,
                    Map<String, Integer> importLines, List<Assignment> assignments) {

    /** One component of an OID value: {@code parent}, {@code 3} or {@code ieee(111)}. */
    record OidComponent(String name, Long number) {
    }

    sealed interface Assignment permits ValueAssignment, TypeAssignment {
        String name();

        int line();
    }

    /**
     * {@code name OBJECT IDENTIFIER ::= {...}} or a macro invocation {@code name MACRO clauses ::= value}.
     * For TRAP-TYPE the value is a number and {@code enterprise} names the parent.
     */
    record ValueAssignment(String name, int line, NodeKind kind, List<OidComponent> oid, Long trapNumber,
                           String enterprise, Syntax syntax, String units, String access, String status,
                           List<IndexPart> index, String augments, String description) implements Assignment {
    }

    /** {@code Name ::= type} or {@code Name ::= TEXTUAL-CONVENTION ... SYNTAX type}. */
    record TypeAssignment(String name, int line, Syntax syntax, boolean textualConvention, String displayHint,
                          String status, String description) implements Assignment {
    }
}
