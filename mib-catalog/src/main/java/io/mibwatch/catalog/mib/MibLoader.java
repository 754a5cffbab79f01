package io.mibwatch.catalog.mib;

import io.mibwatch.catalog.mib.ParsedModule.Assignment;
import io.mibwatch.catalog.mib.ParsedModule.OidComponent;
import io.mibwatch.catalog.mib.ParsedModule.TypeAssignment;
import io.mibwatch.catalog.mib.ParsedModule.ValueAssignment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads every MIB module found in a list of directories and resolves names across them, the way
 * {@code snmptranslate -M DIRS -m ALL} does: one broken module never stops the rest, every problem
 * is reported with file, line and cause, and the first copy of a module (directory order, then
 * file name order) wins.
 */
public final class MibLoader {

    private final Map<String, ParsedModule> modules = new LinkedHashMap<>();
    private final Map<String, Map<String, Assignment>> scopes = new HashMap<>();
    /** descriptor -> modules defining it, load order: the fallback for names used without import */
    private final Map<String, List<String>> definers = new HashMap<>();
    private final Map<String, Oid> resolved = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Set<String> reported = new HashSet<>();
    private final List<MibProblem> problems = new ArrayList<>();
    /** RFC 2579 TCs used when no SNMPv2-TC file is loaded; not listed as a module */
    private ParsedModule builtinTcs;

    private MibLoader() {
    }

    /** Loads all regular, non-hidden files of {@code dirs}; missing directories are skipped silently. */
    public static MibSet load(List<Path> dirs) {
        List<Path> files = new ArrayList<>();
        List<MibProblem> listing = new ArrayList<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> s = Files.list(dir)) {
                s.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .sorted()
                        .forEach(files::add);
            } catch (IOException e) {
                listing.add(new MibProblem(dir.toString(), 0, "cannot list directory: " + e.getMessage()));
            }
        }
        return loadFiles(files, listing);
    }

    /** Loads exactly these files (in this order). */
    public static MibSet loadFiles(List<Path> files) {
        return loadFiles(files, List.of());
    }

    private static MibSet loadFiles(List<Path> files, List<MibProblem> earlier) {
        MibLoader l = new MibLoader();
        l.problems.addAll(earlier);
        for (Path f : files) {
            String text;
            try {
                // ISO-8859-1 maps every byte to a char: Latin-1 and broken UTF-8 files never fail to decode
                text = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                l.problems.add(new MibProblem(f.toString(), 0, "cannot read: " + e.getMessage()));
                continue;
            }
            l.add(MibParser.parse(f.toString(), text, l.problems));
        }
        return l.build();
    }

    /** Loads MIB text given directly (tests, stdin); {@code source} names it in problems. */
    public static MibSet loadText(String source, String text) {
        MibLoader l = new MibLoader();
        l.add(MibParser.parse(source, text, l.problems));
        return l.build();
    }

    private void add(List<ParsedModule> parsed) {
        for (ParsedModule m : parsed) {
            ParsedModule first = modules.get(m.name());
            if (first != null) {
                problems.add(new MibProblem(m.file(), m.line(), "module " + m.name() + " already loaded from "
                        + first.file() + "; this copy is ignored"));
                continue;
            }
            modules.put(m.name(), m);
            Map<String, Assignment> scope = new HashMap<>();
            for (Assignment a : m.assignments()) {
                if (scope.putIfAbsent(a.name(), a) != null) {
                    problems.add(new MibProblem(m.file(), a.line(), "'" + a.name() + "' defined twice in "
                            + m.name() + "; the first definition is used"));
                } else if (a instanceof ValueAssignment) {
                    definers.computeIfAbsent(a.name(), k -> new ArrayList<>(1)).add(m.name());
                }
            }
            scopes.put(m.name(), scope);
        }
    }

    private MibSet build() {
        if (!modules.isEmpty() && !modules.containsKey("SNMPv2-TC")) {
            // as net-snmp knows the SMI without files, the common TCs work even when SNMPv2-TC is missing
            builtinTcs = MibParser.parse("<built-in SNMPv2-TC>", WellKnown.BUILTIN_SNMPV2_TC, new ArrayList<>()).get(0);
            Map<String, Assignment> scope = new HashMap<>();
            builtinTcs.assignments().forEach(a -> scope.put(a.name(), a));
            scopes.put(builtinTcs.name(), scope);
        }
        Map<String, Integer> problemsBefore = new HashMap<>();
        List<MibNode> nodes = new ArrayList<>();
        Map<String, Integer> nodeCounts = new HashMap<>();
        Map<String, List<String>> missing = new HashMap<>();
        for (ParsedModule m : modules.values()) {
            int before = problems.size();
            List<String> miss = checkImports(m);
            missing.put(m.name(), miss);
            int count = 0;
            for (Assignment a : m.assignments()) {
                if (!(a instanceof ValueAssignment v) || scopes.get(m.name()).get(v.name()) != v) {
                    continue;
                }
                Oid oid = resolveValue(m, v);
                if (oid == null) {
                    continue;
                }
                count += namedComponents(m, v, nodes);
                nodes.add(node(m, v, oid));
                count++;
            }
            nodeCounts.put(m.name(), count);
            problemsBefore.put(m.name(), problems.size() - before);
        }
        // problems found while parsing are attributed to a module by file
        Map<String, Integer> parseProblems = new HashMap<>();
        List<MibModule> out = new ArrayList<>();
        for (ParsedModule m : modules.values()) {
            parseProblems.put(m.file(), 0);
        }
        for (MibProblem p : problems) {
            parseProblems.computeIfPresent(p.file(), (k, v) -> v + 1);
        }
        for (ParsedModule m : modules.values()) {
            List<String> imported = new ArrayList<>(new LinkedHashSet<>(m.imports().values()));
            out.add(new MibModule(m.name(), m.file(), imported, missing.get(m.name()), nodeCounts.get(m.name()),
                    parseProblems.get(m.file())));
        }
        return new MibSet(out, new OidTree(nodes), problems);
    }

    private List<String> checkImports(ParsedModule m) {
        List<String> miss = new ArrayList<>();
        Map<String, List<String>> symbolsByModule = new LinkedHashMap<>();
        m.imports().forEach((sym, mod) -> symbolsByModule.computeIfAbsent(mod, k -> new ArrayList<>()).add(sym));
        symbolsByModule.forEach((mod, syms) -> {
            if (modules.containsKey(mod) || WellKnown.BASE_MODULES.contains(mod)) {
                return;
            }
            miss.add(mod);
            problems.add(new MibProblem(m.file(), m.importLines().getOrDefault(mod, m.line()),
                    "module " + m.name() + " imports " + syms + " from " + mod + ", which was not found"));
        });
        return miss;
    }

    // ---------------------------------------------------------------- OIDs

    private Oid resolveValue(ParsedModule m, ValueAssignment v) {
        String key = m.name() + "::" + v.name();
        if (resolved.containsKey(key)) {
            return resolved.get(key);
        }
        if (!resolving.add(key)) {
            problem(m, v.line(), "OID of '" + v.name() + "' depends on itself");
            return null;
        }
        Oid oid;
        if (v.kind() == NodeKind.TRAP_TYPE) {
            // RFC 3584 section 3.1: an SMIv1 trap is the notification enterprise.0.specific-trap
            Oid enterprise = resolveName(m, v.enterprise(), v.line());
            oid = enterprise == null ? null : enterprise.child(0).child(v.trapNumber());
        } else {
            oid = resolveComponents(m, v.oid(), v.line());
        }
        resolving.remove(key);
        resolved.put(key, oid);
        return oid;
    }

    private Oid resolveComponents(ParsedModule m, List<OidComponent> comps, int line) {
        OidComponent first = comps.get(0);
        Oid oid;
        if (first.number() != null) {
            oid = Oid.of(first.number()); // iso(1): the number is authoritative
        } else {
            oid = resolveName(m, first.name(), line);
            if (oid == null) {
                return null;
            }
        }
        for (int i = 1; i < comps.size(); i++) {
            OidComponent c = comps.get(i);
            if (c.number() == null) {
                problem(m, line, "OID component '" + c.name() + "' needs a number");
                return null;
            }
            oid = oid.child(c.number());
        }
        return oid;
    }

    /** Looks a value name up as the module sees it: own definitions, imports, well-known roots, then anywhere. */
    private Oid resolveName(ParsedModule m, String name, int line) {
        Assignment own = scopes.get(m.name()).get(name);
        if (own instanceof ValueAssignment v) {
            return resolveValue(m, v);
        }
        String from = m.imports().get(name);
        if (from != null) {
            ParsedModule src = modules.get(from);
            if (src != null && scopes.get(from).get(name) instanceof ValueAssignment v) {
                return resolveValue(src, v);
            }
        }
        Oid root = WellKnown.ROOTS.get(name);
        if (root != null) {
            return root;
        }
        List<String> ds = definers.get(name);
        if (ds != null) {
            // net-snmp resolves parents globally; do the same but say so (e.g. DLSW-MIB's zeroDotZero)
            String mod = ds.get(0);
            if (from == null && reported.add(m.name() + "::" + name)) {
                problem(m, line, "'" + name + "' used without IMPORTS; taken from " + mod);
            }
            return resolveValue(modules.get(mod), (ValueAssignment) scopes.get(mod).get(name));
        }
        if (reported.add(m.name() + "::" + name)) {
            problem(m, line, "unknown OID name '" + name + "'" + (from != null ? " (imported from " + from + ")" : ""));
        }
        return null;
    }

    /** Names given inside an OID value, {@code ieee(111)}, become nodes too (net-snmp does so). */
    private int namedComponents(ParsedModule m, ValueAssignment v, List<MibNode> out) {
        if (v.oid().size() < 3) {
            return 0;
        }
        Oid oid = null;
        int added = 0;
        for (int i = 0; i < v.oid().size() - 1; i++) {
            OidComponent c = v.oid().get(i);
            if (i == 0) {
                oid = c.number() != null ? Oid.of(c.number()) : resolveName(m, c.name(), v.line());
                if (oid == null) {
                    return added;
                }
                continue;
            }
            oid = oid.child(c.number());
            if (c.name() != null && !resolved.containsKey(m.name() + "::" + c.name())
                    && !scopes.get(m.name()).containsKey(c.name())) {
                resolved.put(m.name() + "::" + c.name(), oid);
                out.add(new MibNode(m.name(), c.name(), oid, NodeKind.OBJECT_IDENTIFIER, null, null, null, null,
                        null, List.of(), null, null));
                added++;
            }
        }
        return added;
    }

    private void problem(ParsedModule m, int line, String cause) {
        problems.add(new MibProblem(m.file(), line, cause));
    }

    // ---------------------------------------------------------------- types

    private MibNode node(ParsedModule m, ValueAssignment v, Oid oid) {
        Syntax syntax = null;
        String hint = null;
        if (v.syntax() != null) {
            TypeInfo ti = resolveType(m, v.syntax(), v.line());
            syntax = ti.syntax;
            hint = ti.hint;
        }
        return new MibNode(m.name(), v.name(), oid, v.kind(), syntax, hint, v.units(), v.access(), v.status(),
                v.index(), v.augments(), v.description());
    }

    private record TypeInfo(Syntax syntax, String hint) {
    }

    /**
     * Follows the declared type through type assignments and textual conventions down to its base type;
     * the nearest TC names {@code tc} and the nearest DISPLAY-HINT, enumerations and ranges win
     * (a refinement in the SYNTAX clause overrides the TC's, RFC 2578 section 9).
     */
    private TypeInfo resolveType(ParsedModule m, Syntax s, int line) {
        String tc = null;
        String hint = null;
        List<NamedNumber> named = s.namedNumbers();
        List<Range> sizes = s.sizes();
        List<Range> ranges = s.ranges();
        String base = s.base();
        ParsedModule scope = m;
        for (int depth = 0; depth < 32 && !WellKnown.BASE_TYPES.contains(base); depth++) {
            ParsedModule[] where = new ParsedModule[1];
            TypeAssignment ta = findType(scope, base, where);
            if (ta == null) {
                if (reported.add(m.name() + "::" + base)) {
                    problem(m, line, "unknown type '" + base + "'");
                }
                break;
            }
            if (ta.textualConvention() && tc == null) {
                tc = ta.name();
            }
            if (hint == null) {
                hint = ta.displayHint();
            }
            Syntax next = ta.syntax();
            if (named.isEmpty()) {
                named = next.namedNumbers();
            }
            if (sizes.isEmpty()) {
                sizes = next.sizes();
            }
            if (ranges.isEmpty()) {
                ranges = next.ranges();
            }
            base = next.base();
            scope = where[0];
        }
        return new TypeInfo(new Syntax(s.declared(), base, tc, sizes, ranges, named), hint);
    }

    private TypeAssignment findType(ParsedModule m, String name, ParsedModule[] where) {
        if (scopes.get(m.name()).get(name) instanceof TypeAssignment t) {
            where[0] = m;
            return t;
        }
        String from = m.imports().get(name);
        if (from != null && modules.containsKey(from) && scopes.get(from).get(name) instanceof TypeAssignment t) {
            where[0] = modules.get(from);
            return t;
        }
        // used without import, or imported from a module that is missing or does not define it
        for (ParsedModule other : modules.values()) {
            if (scopes.get(other.name()).get(name) instanceof TypeAssignment t) {
                where[0] = other;
                return t;
            }
        }
        if (builtinTcs != null && scopes.get(builtinTcs.name()).get(name) instanceof TypeAssignment t) {
            where[0] = builtinTcs;
            return t;
        }
        return null;
    }
}
