package io.mibwatch.app.cli;

import io.mibwatch.catalog.compiled.CatalogFile;
import io.mibwatch.catalog.mib.MibModule;
import io.mibwatch.catalog.mib.MibNode;
import io.mibwatch.catalog.mib.MibProblem;
import io.mibwatch.catalog.mib.MibSet;
import io.mibwatch.catalog.mib.Oid;
import io.mibwatch.catalog.mib.Translator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code mibwatch mib}: load MIB directories (or a compiled catalog) and look at them, like
 * net-snmp's snmptranslate; {@code compile} writes the catalog the daemon loads at start.
 */
@Command(name = "mib", description = "MIB files: dump, translate, show, list, compile.",
        subcommands = {MibCommand.Dump.class, MibCommand.Translate.class, MibCommand.Show.class,
                MibCommand.ListModules.class, MibCommand.Compile.class})
final class MibCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Common to all subcommands: where MIBs come from, --json, the output stream. */
    abstract static class Sub implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        MibOptions mibs;
        @Option(names = "--json", description = "JSON output for scripts.")
        boolean json;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }
    }

    @Command(name = "dump", description = "Every named node sorted by OID: MODULE::descriptor<TAB>OID<TAB>kind.")
    static final class Dump extends Sub {
        @Override
        public Integer call() {
            PrintWriter out = out();
            for (MibNode n : mibs.load().tree().nodes()) {
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("module", n.module());
                    m.put("descriptor", n.descriptor());
                    m.put("oid", n.oid().toString());
                    m.put("kind", n.kind().label());
                    out.println(JsonText.write(m));
                } else {
                    out.append(n.qualifiedName()).append('\t').append(n.oid().toString()).append('\t')
                            .append(n.kind().label()).append('\n');
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "translate", description = "Name to OID (IF-MIB::ifHCInOctets.3, ifHCInOctets.3) or OID to name.")
    static final class Translate extends Sub {
        @Parameters(arity = "1..*", paramLabel = "NAME|OID")
        List<String> inputs;

        @Override
        public Integer call() {
            Translator tr = new Translator(mibs.load().tree());
            PrintWriter out = out();
            for (String in : inputs) {
                Oid oid;
                try {
                    oid = tr.toOid(in);
                } catch (IllegalArgumentException e) {
                    throw new CliFailure(e.getMessage());
                }
                boolean numeric = !in.isEmpty() && (Character.isDigit(in.charAt(0)) || in.charAt(0) == '.');
                String name = tr.toName(oid);
                if (json) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("input", in);
                    m.put("oid", oid.toString());
                    m.put("name", name);
                    out.println(JsonText.write(m));
                } else {
                    out.println(numeric ? name : oid.toString());
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "show", description = "What the MIB says about a node: syntax, enums, units, access, index, description.")
    static final class Show extends Sub {
        @Parameters(index = "0", paramLabel = "NAME|OID")
        String input;

        @Override
        public Integer call() {
            MibSet set = mibs.load();
            Translator tr = new Translator(set.tree());
            MibNode n;
            try {
                Oid oid = tr.toOid(input);
                n = tr.nodeOf(oid).orElseThrow(() -> new CliFailure("no named node at or above " + oid));
            } catch (IllegalArgumentException e) {
                throw new CliFailure(e.getMessage());
            }
            Map<String, Object> m = describe(n);
            PrintWriter out = out();
            if (json) {
                out.println(JsonText.write(m));
            } else {
                out.println(n.qualifiedName());
                m.forEach((k, v) -> {
                    if (v == null || k.equals("module") || k.equals("descriptor") || k.equals("description")
                            || (v instanceof List<?> l && l.isEmpty())) {
                        return;
                    }
                    out.printf("  %-12s %s%n", k + ":", v instanceof List<?> l ? String.join(", ", l.stream().map(String::valueOf).toList()) : v);
                });
                if (n.description() != null) {
                    out.println("  description:");
                    for (String line : n.description().strip().split("\n")) {
                        out.println("    " + line.strip());
                    }
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        static Map<String, Object> describe(MibNode n) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("module", n.module());
            m.put("descriptor", n.descriptor());
            m.put("oid", n.oid().toString());
            m.put("kind", n.kind().label());
            if (n.syntax() != null) {
                m.put("syntax", n.syntax().toString());
                m.put("base", n.syntax().base());
                m.put("tc", n.syntax().tc());
                m.put("enums", n.syntax().namedNumbers().stream().map(Object::toString).toList());
            }
            m.put("displayHint", n.displayHint());
            m.put("units", n.units());
            m.put("access", n.access());
            m.put("status", n.status());
            m.put("index", n.index().stream().map(Object::toString).toList());
            m.put("augments", n.augments());
            m.put("description", n.description());
            return m;
        }
    }

    @Command(name = "list", description = "Loaded modules with status and node count, then every problem (file:line: cause).")
    static final class ListModules extends Sub {
        @Override
        public Integer call() {
            MibSet set = mibs.load();
            PrintWriter out = out();
            if (json) {
                List<Map<String, Object>> modules = new ArrayList<>();
                for (MibModule mod : set.modules()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("module", mod.name());
                    m.put("status", mod.status());
                    m.put("nodes", mod.nodes());
                    m.put("file", mod.file());
                    m.put("missingImports", mod.missingImports());
                    m.put("problems", mod.problems());
                    modules.add(m);
                }
                List<Map<String, Object>> problems = new ArrayList<>();
                for (MibProblem p : set.problems()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("file", p.file());
                    m.put("line", p.line());
                    m.put("cause", p.cause());
                    problems.add(m);
                }
                Map<String, Object> all = new LinkedHashMap<>();
                all.put("modules", modules);
                all.put("problems", problems);
                out.println(JsonText.write(all));
            } else {
                for (MibModule mod : set.modules()) {
                    out.printf("%-40s %-8s %6d  %s%n", mod.name(), mod.status(), mod.nodes(), mod.file());
                }
                out.printf("%d modules, %d nodes, %d problems%n", set.modules().size(), set.tree().size(),
                        set.problems().size());
                for (MibProblem p : set.problems()) {
                    out.println("  " + p);
                }
            }
            out.flush();
            return ExitCodes.OK;
        }
    }

    @Command(name = "compile", description = "Load MIB directories and write a compiled catalog for the daemon (--catalog).")
    static final class Compile extends Sub {
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Catalog file to write.")
        Path outFile;

        @Override
        public Integer call() {
            if (mibs.catalog != null) {
                throw new CliFailure("compile reads MIB directories (--mib-dir), not a catalog", ExitCodes.USAGE);
            }
            long t0 = System.nanoTime();
            MibSet set = mibs.load();
            long loadMs = (System.nanoTime() - t0) / 1_000_000;
            if (set.modules().isEmpty()) {
                throw new CliFailure("no MIB modules found in " + mibs.dirs());
            }
            long bytes;
            try {
                CatalogFile.write(set, outFile);
                bytes = Files.size(outFile);
            } catch (IOException e) {
                throw new CliFailure("cannot write " + outFile + ": " + e.getMessage());
            }
            PrintWriter out = out();
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("out", outFile.toString());
                m.put("bytes", bytes);
                m.put("modules", set.modules().size());
                m.put("nodes", set.tree().size());
                m.put("problems", set.problems().size());
                m.put("loadMillis", loadMs);
                out.println(JsonText.write(m));
            } else {
                out.printf("%s: %d modules, %d nodes, %d problems (see 'mibwatch mib list'), %d bytes; MIBs loaded in %d ms%n",
                        outFile, set.modules().size(), set.tree().size(), set.problems().size(), bytes, loadMs);
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}
