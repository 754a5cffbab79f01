package io.mibwatch.catalog.mib;

import java.util.List;

/**
 * The result of loading MIB directories: the modules, the OID tree of their named nodes, and
 * every problem found on the way (the load itself never fails because of MIB content).
 */
public record MibSet(List<MibModule> modules, OidTree tree, List<MibProblem> problems) {

    public MibSet {
        modules = List.copyOf(modules);
        problems = List.copyOf(problems);
    }
}
