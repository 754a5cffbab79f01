package io.mibwatch.catalog.mib;

import io.mibwatch.catalog.mib.ParsedModule.Assignment;
import io.mibwatch.catalog.mib.ParsedModule.OidComponent;
import io.mibwatch.catalog.mib.ParsedModule.TypeAssignment;
import io.mibwatch.catalog.mib.ParsedModule.ValueAssignment;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recursive-descent parser for the SMI subset of ASN.1 (RFC 2578/2579/2580 SMIv2, RFC 1155/1212/1215
 * SMIv1) with net-snmp-like tolerance: a construct it cannot parse is reported with its line and
 * skipped up to the next top-level assignment; MACRO definitions are skipped as a whole. Never throws.
 */
final class MibParser {

    /** Macros whose invocation defines an OID (RFC 2578 section 3, RFC 2580, RFC 1215, SPPI RFC 3159). */
    private static final Set<String> VALUE_MACROS = Set.of("OBJECT-TYPE", "MODULE-IDENTITY", "OBJECT-IDENTITY",
            "NOTIFICATION-TYPE", "TRAP-TYPE", "OBJECT-GROUP", "NOTIFICATION-GROUP", "MODULE-COMPLIANCE",
            "AGENT-CAPABILITIES");
    /** A clause keyword: all capitals, digits and hyphens ({@code MAX-ACCESS}, {@code DISPLAY-HINT}). */
    private static final Pattern KEYWORD = Pattern.compile("[A-Z][A-Z0-9]*(-[A-Z0-9]+)*");
    private static final Set<String> BASE_WORDS = Set.of("INTEGER", "BITS");

    /** A parse error inside one construct; caught at top level, reported, then recovered from. */
    private static final class ParseError extends RuntimeException {
        final int line;

        ParseError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }

    private final List<Token> t;
    private final String file;
    private final List<MibProblem> problems;
    private int p;

    private MibParser(List<Token> tokens, String file, List<MibProblem> problems) {
        this.t = tokens;
        this.file = file;
        this.problems = problems;
    }

    /** All modules in {@code text}; problems are appended to {@code problems}. */
    static List<ParsedModule> parse(String file, String text, List<MibProblem> problems) {
        MibParser parser = new MibParser(Lexer.tokenize(text), file, problems);
        List<ParsedModule> modules = new ArrayList<>();
        try {
            parser.run(modules);
        } catch (RuntimeException e) {
            // Defensive: the parser is meant to recover from everything; a bug must not cost the other files.
            problems.add(new MibProblem(file, parser.tok().line(), "internal parser error: " + e));
        }
        return modules;
    }

    private Token tok() {
        return t.get(Math.min(p, t.size() - 1));
    }

    private Token at(int i) {
        return t.get(Math.min(i, t.size() - 1));
    }

    private boolean eof() {
        return tok().type() == Token.Type.EOF;
    }

    private void problem(int line, String cause) {
        problems.add(new MibProblem(file, line, cause));
    }

    private ParseError error(String expected) {
        return new ParseError(tok().line(), "expected " + expected + ", found " + tok());
    }

    private void expect(String s) {
        if (!tok().is(s)) {
            throw error("'" + s + "'");
        }
        p++;
    }

    private String word(String what) {
        if (!tok().isWord()) {
            throw error(what);
        }
        return t.get(p++).text();
    }

    // ---------------------------------------------------------------- modules

    private void run(List<ParsedModule> modules) {
        if (eof()) {
            problem(tok().line(), "no module header 'NAME DEFINITIONS ::= BEGIN' found (file is empty or only comments)");
        }
        while (!eof()) {
            int header = findHeader(p);
            if (header < 0) {
                if (modules.isEmpty()) {
                    problem(tok().line(), "no module header 'NAME DEFINITIONS ::= BEGIN' found");
                } else {
                    problem(tok().line(), "text after the END of module " + modules.get(modules.size() - 1).name()
                            + " ignored");
                }
                return;
            }
            if (header > p) {
                problem(tok().line(), "text before module header ignored");
            }
            p = header;
            modules.add(module());
        }
    }

    /** Index of the module name of the next {@code NAME [{oid}] DEFINITIONS}, or -1. */
    private int findHeader(int from) {
        for (int i = from; i < t.size(); i++) {
            if (t.get(i).is("DEFINITIONS") && i > 0) {
                int n = i - 1;
                if (t.get(n).is("}")) {
                    while (n > from && !t.get(n).is("{")) {
                        n--;
                    }
                    n--;
                }
                if (n >= from && t.get(n).isWord()) {
                    return n;
                }
            }
        }
        return -1;
    }

    private ParsedModule module() {
        Token nameTok = t.get(p++);
        String name = nameTok.text();
        if (tok().is("{")) {
            skipBalanced();
        }
        expect("DEFINITIONS");
        while (!eof() && !tok().is("::=")) {
            p++; // IMPLICIT TAGS and the like
        }
        expect("::=");
        if (!tok().is("BEGIN")) {
            problem(tok().line(), "module " + name + ": expected BEGIN, found " + tok());
        } else {
            p++;
        }
        Map<String, String> imports = new LinkedHashMap<>();
        Map<String, Integer> importLines = new LinkedHashMap<>();
        List<Assignment> assignments = new ArrayList<>();
        while (true) {
            if (eof()) {
                problem(tok().line(), "module " + name + ": missing END");
                break;
            }
            if (tok().is("END")) {
                p++;
                break;
            }
            int start = p;
            try {
                if (tok().is("EXPORTS")) {
                    skipPast(";");
                } else if (tok().is("IMPORTS")) {
                    imports(imports, importLines);
                } else {
                    Assignment a = assignment();
                    if (a != null) {
                        assignments.add(a);
                    }
                }
            } catch (ParseError e) {
                problem(e.line, e.getMessage() + recoveryNote(start));
                recover(start);
            }
        }
        return new ParsedModule(name, file, nameTok.line(), imports, importLines, assignments);
    }

    private String recoveryNote(int start) {
        Token s = t.get(start);
        return s.isWord() ? " (in definition of '" + s.text() + "', skipped)" : "";
    }

    private void skipPast(String s) {
        while (!eof() && !tok().is(s)) {
            p++;
        }
        if (!eof()) {
            p++;
        }
    }

    /** Moves to the next token that starts an assignment, or to the module's END. */
    private void recover(int start) {
        p = Math.max(p, start + 1);
        while (!eof()) {
            if (isAssignmentStart(p)) {
                return;
            }
            if (tok().is("END") && (at(p + 1).type() == Token.Type.EOF || at(p + 2).is("DEFINITIONS")
                    || at(p + 2).is("{"))) {
                return;
            }
            p++;
        }
    }

    /**
     * Whether the token at {@code i} starts an assignment: a lower-case value name followed by a macro
     * keyword or {@code OBJECT IDENTIFIER ::=}, or an upper-case type name followed by {@code ::=} or MACRO.
     */
    private boolean isAssignmentStart(int i) {
        Token a = at(i);
        if (!a.isWord()) {
            return false;
        }
        Token b = at(i + 1);
        if (Character.isUpperCase(a.text().charAt(0))) {
            return b.is("::=") || b.is("MACRO");
        }
        return (b.isWord() && VALUE_MACROS.contains(b.text()))
                || (b.is("OBJECT") && at(i + 2).is("IDENTIFIER") && at(i + 3).is("::="));
    }

    private void imports(Map<String, String> imports, Map<String, Integer> lines) {
        p++;
        List<String> pending = new ArrayList<>();
        while (!eof() && !tok().is(";")) {
            if (tok().is(",")) {
                p++;
            } else if (tok().is("FROM")) {
                p++;
                Token mod = tok();
                String module = word("module name after FROM");
                for (String s : pending) {
                    imports.putIfAbsent(s, module);
                }
                lines.putIfAbsent(module, mod.line());
                pending.clear();
                if (tok().is("{")) {
                    skipBalanced(); // ASN.1 AssignedIdentifier after the module name
                }
            } else if (tok().isWord()) {
                if (!pending.isEmpty() && isAssignmentStart(p)) {
                    throw new ParseError(tok().line(), "IMPORTS without ';'");
                }
                pending.add(t.get(p++).text());
            } else {
                throw error("symbol, ',' or FROM in IMPORTS");
            }
        }
        if (!pending.isEmpty()) {
            problem(tok().line(), "IMPORTS: symbols " + pending + " without FROM");
        }
        if (!eof()) {
            p++;
        }
    }

    // ---------------------------------------------------------------- assignments

    private Assignment assignment() {
        Token nameTok = tok();
        String name = word("a definition");
        int line = nameTok.line();
        Token next = tok();
        if (next.is("MACRO")) {
            // RFC 2578 section 3: MACRO definitions describe notation; skipped like net-snmp does
            while (!eof() && !tok().is("END")) {
                p++;
            }
            if (eof()) {
                throw new ParseError(line, "MACRO " + name + " without END");
            }
            p++;
            return null;
        }
        if (next.is("OBJECT") && at(p + 1).is("IDENTIFIER") && at(p + 2).is("::=")) {
            p += 3;
            List<OidComponent> oid = oidValue();
            return new ValueAssignment(name, line, NodeKind.OBJECT_IDENTIFIER, oid, null, null, null, null, null,
                    null, List.of(), null, null);
        }
        if (next.is("::=")) {
            p++;
            return typeAssignment(name, line);
        }
        if (next.isWord() && (VALUE_MACROS.contains(next.text()) || (KEYWORD.matcher(next.text()).matches()
                && Character.isLowerCase(name.charAt(0)) && !BASE_WORDS.contains(next.text())
                && !next.is("OCTET") && !next.is("OBJECT")))) {
            p++;
            return macroValue(name, line, next.text());
        }
        if (Character.isLowerCase(name.charAt(0))) {
            // a plain value assignment such as "maxSize INTEGER ::= 255": names no OID, skip it
            syntax();
            expect("::=");
            skipValue();
            return null;
        }
        throw new ParseError(next.line(), "expected '::=', OBJECT IDENTIFIER or a macro after '" + name + "', found " + next);
    }

    private void skipValue() {
        if (tok().is("{") || tok().is("(")) {
            skipBalanced();
        } else if (!eof()) {
            p++;
        }
    }

    private TypeAssignment typeAssignment(String name, int line) {
        if (tok().is("TEXTUAL-CONVENTION")) {
            p++;
            Clauses c = clauses(true);
            if (c.syntax == null) {
                throw new ParseError(line, "TEXTUAL-CONVENTION " + name + " without SYNTAX");
            }
            return new TypeAssignment(name, line, c.syntax, true, c.displayHint, c.status, c.description);
        }
        Syntax s = syntax();
        return new TypeAssignment(name, line, s, false, null, null, null);
    }

    private ValueAssignment macroValue(String name, int line, String macro) {
        Clauses c = clauses(false);
        NodeKind kind = NodeKind.fromMacro(macro);
        if (!tok().is("::=")) {
            throw error("'::=' ending " + macro + " " + name);
        }
        p++;
        if (kind == NodeKind.TRAP_TYPE) {
            if (tok().type() != Token.Type.NUMBER) {
                throw error("trap number after '::=' of TRAP-TYPE " + name);
            }
            long n = Long.parseLong(t.get(p++).text());
            if (c.enterprise == null) {
                throw new ParseError(line, "TRAP-TYPE " + name + " without ENTERPRISE");
            }
            return new ValueAssignment(name, line, kind, List.of(), n, c.enterprise, null, null, null, c.status,
                    List.of(), null, c.description);
        }
        List<OidComponent> oid = oidValue();
        return new ValueAssignment(name, line, kind, oid, null, null, c.syntax, c.units, c.access, c.status,
                c.index, c.augments, c.description);
    }

    /** The clauses of one macro invocation; the first occurrence of each clause wins. */
    private static final class Clauses {
        Syntax syntax;
        String units;
        String access;
        String status;
        String description;
        String displayHint;
        String enterprise;
        String augments;
        List<IndexPart> index = List.of();
    }

    private Clauses clauses(boolean textualConvention) {
        Clauses c = new Clauses();
        boolean reportedJunk = false;
        while (!eof() && !tok().is("::=")) {
            Token k = tok();
            if (k.isWord() && KEYWORD.matcher(k.text()).matches()) {
                p++;
                switch (k.text()) {
                    case "SYNTAX" -> {
                        Syntax s = syntax();
                        if (c.syntax == null) {
                            c.syntax = s;
                        }
                        if (textualConvention) {
                            return c; // RFC 2579 section 3: SYNTAX is the last clause of a TC
                        }
                    }
                    case "UNITS" -> c.units = first(c.units, quoted(k));
                    case "DESCRIPTION" -> c.description = first(c.description, quoted(k));
                    case "DISPLAY-HINT" -> c.displayHint = first(c.displayHint, quoted(k));
                    case "REFERENCE", "LAST-UPDATED", "ORGANIZATION", "CONTACT-INFO", "PRODUCT-RELEASE" -> quoted(k);
                    case "ACCESS", "MAX-ACCESS" -> c.access = first(c.access, word("access value"));
                    case "STATUS" -> c.status = first(c.status, word("status value"));
                    case "INDEX" -> {
                        List<IndexPart> idx = index();
                        if (c.index.isEmpty()) {
                            c.index = idx;
                        }
                    }
                    case "AUGMENTS" -> {
                        expect("{");
                        String a = word("row name in AUGMENTS");
                        expect("}");
                        c.augments = first(c.augments, a);
                    }
                    case "ENTERPRISE" -> {
                        if (tok().is("{")) {
                            List<OidComponent> e = oidValue();
                            c.enterprise = first(c.enterprise, e.isEmpty() ? null : e.get(e.size() - 1).name());
                        } else {
                            c.enterprise = first(c.enterprise, word("enterprise name"));
                        }
                    }
                    default -> skipClauseBody();
                }
            } else if (isAssignmentStart(p)) {
                throw error("'::='");
            } else {
                if (!reportedJunk) {
                    problem(k.line(), "unexpected " + k + " among macro clauses, ignored");
                    reportedJunk = true;
                }
                if (k.is("{") || k.is("(")) {
                    skipBalanced();
                } else {
                    p++;
                }
            }
        }
        return c;
    }

    private static String first(String old, String value) {
        return old != null ? old : value;
    }

    private String quoted(Token clause) {
        if (tok().type() != Token.Type.QUOTED) {
            throw error("quoted string after " + clause.text());
        }
        return t.get(p++).text();
    }

    /** Skips the body of a clause we do not model (DEFVAL, OBJECTS, VARIATION, ...). */
    private void skipClauseBody() {
        while (!eof() && !tok().is("::=")) {
            Token k = tok();
            if (k.is("{") || k.is("(")) {
                skipBalanced();
            } else if (k.isWord() && KEYWORD.matcher(k.text()).matches()) {
                return;
            } else if (isAssignmentStart(p)) {
                return;
            } else {
                p++;
            }
        }
    }

    /** Skips a balanced {...} or (...) group; stops early at '::=' so a missing brace costs one definition. */
    private void skipBalanced() {
        int depth = 0;
        int line = tok().line();
        while (!eof()) {
            Token k = tok();
            if (k.is("{") || k.is("(")) {
                depth++;
            } else if (k.is("}") || k.is(")")) {
                depth--;
                if (depth <= 0) {
                    p++;
                    return;
                }
            } else if (k.is("::=")) {
                throw new ParseError(line, "unbalanced brackets");
            }
            p++;
        }
        throw new ParseError(line, "unbalanced brackets at end of file");
    }

    private List<IndexPart> index() {
        expect("{");
        List<IndexPart> parts = new ArrayList<>();
        while (!tok().is("}")) {
            boolean implied = false;
            if (tok().is("IMPLIED")) {
                implied = true;
                p++;
            }
            StringBuilder name = new StringBuilder(word("index object"));
            // SMIv1 (RFC 1212 section 4.1.6) allows a type as an index, e.g. "OCTET STRING"
            while (tok().isWord()) {
                name.append(' ').append(t.get(p++).text());
            }
            parts.add(new IndexPart(name.toString(), implied));
            if (tok().is(",")) {
                p++;
            } else if (!tok().is("}")) {
                throw error("',' or '}' in INDEX");
            }
        }
        p++;
        return List.copyOf(parts);
    }

    /** {@code { parent 1 }}, {@code { iso org(3) dod(6) 1 }}. */
    private List<OidComponent> oidValue() {
        expect("{");
        List<OidComponent> out = new ArrayList<>();
        while (!tok().is("}")) {
            Token k = tok();
            if (k.type() == Token.Type.NUMBER) {
                out.add(new OidComponent(null, arc(k)));
                p++;
            } else if (k.isWord()) {
                p++;
                String name = k.text();
                if (tok().is(".") && at(p + 1).isWord()) { // Module.name external reference
                    p++;
                    name = t.get(p++).text();
                }
                Long number = null;
                if (tok().is("(")) {
                    p++;
                    if (tok().type() != Token.Type.NUMBER) {
                        throw error("number in " + name + "(...)");
                    }
                    number = arc(tok());
                    p++;
                    expect(")");
                }
                out.add(new OidComponent(name, number));
            } else {
                throw error("OID component");
            }
            if (tok().is(",")) { // not ASN.1, but seen in vendor MIBs
                p++;
            }
        }
        p++;
        if (out.isEmpty()) {
            throw new ParseError(tok().line(), "empty OID value");
        }
        return List.copyOf(out);
    }

    private long arc(Token k) {
        try {
            long v = Long.parseLong(k.text());
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new ParseError(k.line(), "OID arc out of range 0..4294967295: " + k.text());
            }
            return v;
        } catch (NumberFormatException e) {
            throw new ParseError(k.line(), "OID arc out of range 0..4294967295: " + k.text());
        }
    }

    // ---------------------------------------------------------------- types

    /** A type (RFC 2578 section 7.1) with its named numbers and constraint. */
    Syntax syntax() {
        if (tok().is("[")) { // [APPLICATION n] IMPLICIT: the tag is the wire encoding, the type is what follows
            while (!eof() && !tok().is("]")) {
                p++;
            }
            expect("]");
            if (tok().is("IMPLICIT") || tok().is("EXPLICIT")) {
                p++;
            }
            return syntax();
        }
        Token k = tok();
        String declared;
        if (k.is("OCTET")) {
            p++;
            expect("STRING");
            declared = "OCTET STRING";
        } else if (k.is("OBJECT")) {
            p++;
            expect("IDENTIFIER");
            declared = "OBJECT IDENTIFIER";
        } else if (k.is("SEQUENCE")) {
            p++;
            if (tok().is("OF")) {
                p++;
                String entry = word("type after SEQUENCE OF");
                return new Syntax("SEQUENCE OF " + entry, "SEQUENCE OF", null, List.of(), List.of(), List.of());
            }
            if (tok().is("{")) {
                skipBalanced();
            }
            return new Syntax("SEQUENCE", "SEQUENCE", null, List.of(), List.of(), List.of());
        } else if (k.is("CHOICE")) {
            p++;
            if (tok().is("{")) {
                skipBalanced();
            }
            return new Syntax("CHOICE", "CHOICE", null, List.of(), List.of(), List.of());
        } else if (k.isWord()) {
            p++;
            declared = k.text();
            if (tok().is(".") && at(p + 1).isWord()) { // Module.Type
                p++;
                declared = t.get(p++).text();
            }
        } else {
            throw error("a type");
        }
        List<NamedNumber> named = tok().is("{") ? namedNumbers() : List.of();
        List<Range> sizes = new ArrayList<>();
        List<Range> ranges = new ArrayList<>();
        while (tok().is("(")) {
            constraint(sizes, ranges);
        }
        return new Syntax(declared, declared, null, sizes, ranges, named);
    }

    private List<NamedNumber> namedNumbers() {
        expect("{");
        List<NamedNumber> out = new ArrayList<>();
        while (!tok().is("}")) {
            String name = word("enumeration label");
            expect("(");
            if (tok().type() != Token.Type.NUMBER) {
                throw error("number for label " + name);
            }
            long n;
            try {
                n = Long.parseLong(t.get(p++).text());
            } catch (NumberFormatException e) {
                throw new ParseError(tok().line(), "number out of range for label " + name);
            }
            expect(")");
            out.add(new NamedNumber(name, n));
            if (tok().is(",")) {
                p++;
            } else if (!tok().is("}")) {
                throw error("',' or '}' in enumeration");
            }
        }
        p++;
        return List.copyOf(out);
    }

    /** {@code (SIZE (0..255))}, {@code (0..65535)}, {@code (SIZE (4 | 16))}. */
    private void constraint(List<Range> sizes, List<Range> ranges) {
        expect("(");
        if (tok().is("SIZE")) {
            p++;
            expect("(");
            rangeList(sizes);
            expect(")");
        } else {
            rangeList(ranges);
        }
        expect(")");
    }

    private void rangeList(List<Range> out) {
        while (true) {
            String lo = bound();
            String hi = lo;
            if (tok().is("..")) {
                p++;
                hi = bound();
            }
            out.add(new Range(lo, hi));
            if (tok().is("|")) {
                p++;
            } else {
                return;
            }
        }
    }

    private String bound() {
        Token k = tok();
        p++;
        return switch (k.type()) {
            case NUMBER -> k.text();
            case HEX -> k.text().isEmpty() ? "0" : parseRadix(k, 16);
            case BINARY -> k.text().isEmpty() ? "0" : parseRadix(k, 2);
            case WORD -> k.text(); // MIN, MAX
            default -> {
                p--;
                throw error("range bound");
            }
        };
    }

    private String parseRadix(Token k, int radix) {
        try {
            return new BigInteger(k.text(), radix).toString();
        } catch (NumberFormatException e) {
            throw new ParseError(k.line(), "bad " + (radix == 16 ? "hex" : "binary") + " number '" + k.text() + "'");
        }
    }

    /** For tests: parse a lone type. */
    static Syntax parseSyntax(String text) {
        MibParser parser = new MibParser(Lexer.tokenize(text), "<text>", new ArrayList<>());
        return parser.syntax();
    }
}
