package io.mibwatch.catalog.mib;

import java.util.List;

/**
 * One loaded module.
 *
 * @param name           from its {@code NAME DEFINITIONS ::= BEGIN}
 * @param file           the file it was read from
 * @param imports        modules it imports from, in text order
 * @param missingImports imported modules that were not found (SMI base modules never count: they are built in)
 * @param nodes          how many named nodes it defines
 * @param problems       how many problems were reported for it
 */
public record MibModule(String name, String file, List<String> imports, List<String> missingImports, int nodes,
                        int problems) {

    public MibModule {
        imports = List.copyOf(imports);
        missingImports = List.copyOf(missingImports);
    }

    /** "ok", or "problems" when anything in it was reported. */
    public String status() {
        return problems == 0 && missingImports.isEmpty() ? "ok" : "problems";
    }
}
