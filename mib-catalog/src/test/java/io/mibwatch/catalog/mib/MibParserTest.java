package io.mibwatch.catalog.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Tokenizer, parser and resolver on small inline modules. */
class MibParserTest {

    private static final String HEAD = "TEST-MIB DEFINITIONS ::= BEGIN\n"
            + "IMPORTS OBJECT-TYPE, MODULE-IDENTITY, Integer32, Counter64, enterprises FROM SNMPv2-SMI\n"
            + "        DisplayString, TEXTUAL-CONVENTION FROM SNMPv2-TC;\n"
            + "testMib MODULE-IDENTITY LAST-UPDATED \"202401010000Z\" ORGANIZATION \"o\" CONTACT-INFO \"c\"\n"
            + "  DESCRIPTION \"d\" REVISION \"202401010000Z\" DESCRIPTION \"r\" ::= { enterprises 99999 }\n";

    private static MibSet load(String body) {
        return MibLoader.loadText("TEST", HEAD + body + "\nEND\n");
    }

    private static String oidOf(MibSet s, String name) {
        return s.tree().find(name).map(n -> n.oid().toString()).orElse("(missing)");
    }

    /** (snippet, descriptor, expected OID): each a construct of RFC 2578/1212/1215 or a quirk net-snmp accepts. */
    static Stream<Arguments> oids() {
        return Stream.of(
                Arguments.of("a OBJECT IDENTIFIER ::= { testMib 1 }", "a", "1.3.6.1.4.1.99999.1"),
                Arguments.of("a OBJECT IDENTIFIER ::= { iso org(3) dod(6) internet(1) 4 1 99999 7 }", "a", "1.3.6.1.4.1.99999.7"),
                Arguments.of("a OBJECT IDENTIFIER ::= { iso(1) member-body(2) 840 }", "member-body", "1.2"),
                Arguments.of("a OBJECT IDENTIFIER ::= { 1 3 6 }", "a", "1.3.6"),
                Arguments.of("-- a comment\na OBJECT IDENTIFIER ::= { testMib 2 } -- trailing", "a", "1.3.6.1.4.1.99999.2"),
                Arguments.of("a OBJECT IDENTIFIER -- inline -- ::= { testMib 3 }", "a", "1.3.6.1.4.1.99999.3"),
                Arguments.of("-------------------------\na OBJECT IDENTIFIER ::= { testMib 4 }", "a", "1.3.6.1.4.1.99999.4"),
                Arguments.of("-- x ---- hidden ::= junk\na OBJECT IDENTIFIER ::= { testMib 5 }", "a", "1.3.6.1.4.1.99999.5"),
                Arguments.of("a OBJECT IDENTIFIER ::= { testMib 6 }\r\nb OBJECT IDENTIFIER ::= { a 1 }\r\n", "b", "1.3.6.1.4.1.99999.6.1"),
                // forward reference
                Arguments.of("b OBJECT IDENTIFIER ::= { a 1 }\na OBJECT IDENTIFIER ::= { testMib 7 }", "b", "1.3.6.1.4.1.99999.7.1"),
                Arguments.of("x OBJECT-TYPE SYNTAX Integer32 MAX-ACCESS read-only STATUS current DESCRIPTION \"x\" ::= { testMib 8 }",
                        "x", "1.3.6.1.4.1.99999.8"),
                // SMIv1 (RFC 1212) without DESCRIPTION
                Arguments.of("x OBJECT-TYPE SYNTAX INTEGER ACCESS read-only STATUS mandatory ::= { testMib 9 }", "x", "1.3.6.1.4.1.99999.9"),
                // RFC 1215 trap: enterprise.0.specific
                Arguments.of("t TRAP-TYPE ENTERPRISE testMib VARIABLES { a } DESCRIPTION \"t\" ::= 4", "t", "1.3.6.1.4.1.99999.0.4"),
                Arguments.of("n NOTIFICATION-TYPE OBJECTS { a, b } STATUS current DESCRIPTION \"n\" ::= { testMib 0 1 }", "n", "1.3.6.1.4.1.99999.0.1"),
                Arguments.of("g OBJECT-GROUP OBJECTS { a } STATUS current DESCRIPTION \"g\" ::= { testMib 10 }", "g", "1.3.6.1.4.1.99999.10"),
                Arguments.of("c MODULE-COMPLIANCE STATUS current DESCRIPTION \"c\" MODULE -- this module\n MANDATORY-GROUPS { g }"
                        + " GROUP h DESCRIPTION \"h\" OBJECT x SYNTAX INTEGER { a(1) } MIN-ACCESS read-only DESCRIPTION \"o\""
                        + " MODULE IF-MIB MANDATORY-GROUPS { ifGeneralGroup } ::= { testMib 11 }", "c", "1.3.6.1.4.1.99999.11"),
                Arguments.of("ac AGENT-CAPABILITIES PRODUCT-RELEASE \"1\" STATUS current DESCRIPTION \"d\""
                        + " SUPPORTS IF-MIB INCLUDES { ifGeneralGroup } VARIATION ifAdminStatus SYNTAX INTEGER { up(1) }"
                        + " DESCRIPTION \"v\" ::= { testMib 12 }", "ac", "1.3.6.1.4.1.99999.12"),
                Arguments.of("oi OBJECT-IDENTITY STATUS current DESCRIPTION \"d\" ::= { testMib 13 }", "oi", "1.3.6.1.4.1.99999.13"),
                // a MACRO definition is skipped whole
                Arguments.of("FOO MACRO ::= BEGIN TYPE NOTATION ::= \"X\" VALUE NOTATION ::= value(VALUE OBJECT IDENTIFIER) END\n"
                        + "a OBJECT IDENTIFIER ::= { testMib 14 }", "a", "1.3.6.1.4.1.99999.14"),
                // DEFVAL with braces, BITS, hex strings
                Arguments.of("x OBJECT-TYPE SYNTAX BITS { a(0), b(1) } MAX-ACCESS read-write STATUS current DESCRIPTION \"x\""
                        + " DEFVAL { { a, b } } ::= { testMib 15 }", "x", "1.3.6.1.4.1.99999.15"),
                Arguments.of("x OBJECT-TYPE SYNTAX OCTET STRING (SIZE (0..255)) MAX-ACCESS read-write STATUS current"
                        + " DESCRIPTION \"x\" DEFVAL { 'FF00'H } ::= { testMib 16 }", "x", "1.3.6.1.4.1.99999.16"),
                // a type assignment and a plain value assignment are no nodes, and do not disturb the next one
                Arguments.of("Foo ::= INTEGER { a(1), b(2) }\nmaxFoo INTEGER ::= 255\nFooEntry ::= SEQUENCE { a Integer32, b OCTET STRING }\n"
                        + "a OBJECT IDENTIFIER ::= { testMib 17 }", "a", "1.3.6.1.4.1.99999.17"),
                // a doubled quote inside a description
                Arguments.of("oi OBJECT-IDENTITY STATUS current DESCRIPTION \"say \"\"hi\"\"\" ::= { testMib 18 }", "oi", "1.3.6.1.4.1.99999.18"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("oids")
    void resolvesOids(String snippet, String descriptor, String oid) {
        MibSet s = load(snippet);
        assertEquals(oid, oidOf(s, descriptor), () -> "problems: " + s.problems());
        List<MibProblem> parseProblems = s.problems().stream().filter(p -> !p.cause().contains("used without IMPORTS")
                && !p.cause().startsWith("unknown OID name")).collect(Collectors.toList());
        assertEquals(List.of(), parseProblems);
    }

    @Test
    void objectTypeFacts() {
        MibSet s = load("""
                Status ::= TEXTUAL-CONVENTION
                    DISPLAY-HINT "d-1"
                    STATUS current
                    DESCRIPTION "tenths"
                    SYNTAX Integer32 (0..1000)
                tTable OBJECT-TYPE SYNTAX SEQUENCE OF TEntry MAX-ACCESS not-accessible STATUS current
                    DESCRIPTION "t" ::= { testMib 1 }
                tEntry OBJECT-TYPE SYNTAX TEntry MAX-ACCESS not-accessible STATUS current
                    DESCRIPTION "e" INDEX { tIndex, IMPLIED tName } ::= { tTable 1 }
                TEntry ::= SEQUENCE { tIndex Integer32, tName DisplayString, tTemp Status }
                tTemp OBJECT-TYPE
                    SYNTAX Status
                    UNITS "degrees Celsius"
                    MAX-ACCESS read-only
                    STATUS current
                    DESCRIPTION "Temperature."
                    ::= { tEntry 3 }
                tKind OBJECT-TYPE SYNTAX INTEGER { other(1), hot(2) } MAX-ACCESS read-only STATUS current
                    DESCRIPTION "k" ::= { tEntry 4 }
                """);
        MibNode temp = s.tree().find("TEST-MIB::tTemp").orElseThrow();
        assertEquals("1.3.6.1.4.1.99999.1.1.3", temp.oid().toString());
        assertEquals(new Syntax("Status", "Integer32", "Status", List.of(), List.of(new Range("0", "1000")), List.of()), temp.syntax());
        assertEquals("d-1", temp.displayHint());
        assertEquals("degrees Celsius", temp.units());
        assertEquals("read-only", temp.access());
        assertEquals("current", temp.status());
        assertEquals("Temperature.", temp.description());
        MibNode entry = s.tree().find("tEntry").orElseThrow();
        assertEquals(List.of(new IndexPart("tIndex", false), new IndexPart("tName", true)), entry.index());
        assertEquals("SEQUENCE OF", s.tree().find("tTable").orElseThrow().syntax().base());
        MibNode kind = s.tree().find("tKind").orElseThrow();
        assertEquals(List.of(new NamedNumber("other", 1), new NamedNumber("hot", 2)), kind.syntax().namedNumbers());
        assertEquals("hot(2)", ValueText.integer(kind, 2));
        assertEquals("21.5", ValueText.integer(temp, 215));
    }

    static Stream<Arguments> syntaxes() {
        return Stream.of(
                Arguments.of("INTEGER", "INTEGER", List.of(), List.of(), 0),
                Arguments.of("INTEGER (-1..10 | 20)", "INTEGER", List.of(), List.of(new Range("-1", "10"), new Range("20", "20")), 0),
                Arguments.of("OCTET STRING (SIZE (0..255))", "OCTET STRING", List.of(new Range("0", "255")), List.of(), 0),
                Arguments.of("OCTET STRING (SIZE (4 | 16))", "OCTET STRING", List.of(new Range("4", "4"), new Range("16", "16")), List.of(), 0),
                Arguments.of("DisplayString (SIZE (0..64))", "DisplayString", List.of(new Range("0", "64")), List.of(), 0),
                Arguments.of("Unsigned32 ('00'H..'FF'H)", "Unsigned32", List.of(), List.of(new Range("0", "255")), 0),
                Arguments.of("[APPLICATION 6] IMPLICIT INTEGER (0..18446744073709551615)", "INTEGER", List.of(),
                        List.of(new Range("0", "18446744073709551615")), 0),
                Arguments.of("INTEGER { up(1), down(2), testing(3) }", "INTEGER", List.of(), List.of(), 3),
                Arguments.of("BITS { a(0), b(1) }", "BITS", List.of(), List.of(), 2),
                Arguments.of("OBJECT IDENTIFIER", "OBJECT IDENTIFIER", List.of(), List.of(), 0),
                Arguments.of("Integer32 (MIN..MAX)", "Integer32", List.of(), List.of(new Range("MIN", "MAX")), 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("syntaxes")
    void parsesSyntax(String text, String declared, List<Range> sizes, List<Range> ranges, int enums) {
        Syntax s = MibParser.parseSyntax(text);
        assertEquals(declared, s.declared());
        assertEquals(sizes, s.sizes());
        assertEquals(ranges, s.ranges());
        assertEquals(enums, s.namedNumbers().size());
    }

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of("a ::= { b 1 }", "a|::=|{|b|1|}"),
                Arguments.of("x -- c\ny", "x|y"),
                Arguments.of("x -- c -- y", "x|y"),
                Arguments.of("x ---- y", "x"),
                Arguments.of("x ----- y\nz", "x|z"),
                Arguments.of("x -- a ---- b\nz", "x|z"),
                Arguments.of("\"multi\nline\" (0..5)", "multi\nline|(|0|..|5|)"),
                Arguments.of("'0A'H '01'b", "0A|01"),
                Arguments.of("a-b-c, -5", "a-b-c|,|-5"),
                Arguments.of("caf\u00e9 x", "caf\u00e9|x"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void tokenizes(String text, String expected) {
        String got = Lexer.tokenize(text).stream().filter(t -> t.type() != Token.Type.EOF).map(Token::text)
                .collect(Collectors.joining("|"));
        assertEquals(expected, got);
    }

    @Test
    void lineNumbersCountCrlfAndStrings() {
        List<Token> t = Lexer.tokenize("a\r\n\"x\ny\"\r\nb");
        assertEquals(1, t.get(0).line());
        assertEquals(2, t.get(1).line());
        assertEquals(4, t.get(2).line());
    }

    @Test
    void brokenDefinitionIsReportedAndTheNextOneStillLoads() {
        MibSet s = load("""
                a OBJECT IDENTIFIER ::= { testMib 1 }
                bad OBJECT-TYPE SYNTAX INTEGER { x(1) y(2) } MAX-ACCESS read-only STATUS current DESCRIPTION "b" ::= { a 1 }
                good OBJECT-TYPE SYNTAX Integer32 MAX-ACCESS read-only STATUS current DESCRIPTION "g" ::= { a 2 }
                """);
        assertEquals("1.3.6.1.4.1.99999.1.2", oidOf(s, "good"));
        assertTrue(s.tree().find("bad").isEmpty());
        assertEquals(1, s.problems().size(), s.problems().toString());
        MibProblem p = s.problems().get(0);
        assertEquals("TEST", p.file());
        assertEquals(7, p.line());
        assertTrue(p.cause().contains("expected ',' or '}' in enumeration, found 'y'") && p.cause().contains("'bad'"), p.cause());
    }

    @Test
    void severalModulesPerFileAndNameFromHeaderNotFile() {
        MibSet s = MibLoader.loadText("whatever.txt", """
                A-MIB DEFINITIONS ::= BEGIN
                IMPORTS enterprises FROM SNMPv2-SMI;
                a OBJECT IDENTIFIER ::= { enterprises 1 }
                END
                B-MIB DEFINITIONS ::= BEGIN
                IMPORTS a FROM A-MIB;
                b OBJECT IDENTIFIER ::= { a 2 }
                END
                """);
        assertEquals(List.of("A-MIB", "B-MIB"), s.modules().stream().map(MibModule::name).toList());
        assertEquals("1.3.6.1.4.1.1.2", oidOf(s, "B-MIB::b"));
        assertEquals(List.of(), s.problems());
    }

    @Test
    void missingImportIsReportedOnceAndTheRestLoads() {
        MibSet s = MibLoader.loadText("X", """
                X-MIB DEFINITIONS ::= BEGIN
                IMPORTS enterprises FROM SNMPv2-SMI
                        FooTC, fooRoot FROM NOWHERE-MIB;
                a OBJECT IDENTIFIER ::= { enterprises 7 }
                b OBJECT-TYPE SYNTAX FooTC MAX-ACCESS read-only STATUS current DESCRIPTION "b" ::= { a 1 }
                c OBJECT IDENTIFIER ::= { fooRoot 1 }
                END
                """);
        assertEquals("1.3.6.1.4.1.7.1", oidOf(s, "b"));
        assertEquals("FooTC", s.tree().find("b").orElseThrow().syntax().base());
        assertTrue(s.tree().find("c").isEmpty());
        assertEquals(List.of("NOWHERE-MIB"), s.modules().get(0).missingImports());
        List<String> causes = s.problems().stream().map(MibProblem::cause).toList();
        assertEquals(List.of("module X-MIB imports [FooTC, fooRoot] from NOWHERE-MIB, which was not found",
                "unknown type 'FooTC'", "unknown OID name 'fooRoot' (imported from NOWHERE-MIB)"), causes);
        assertEquals(3, s.problems().get(0).line());
    }

    @Test
    void commonTextualConventionsWorkWithoutAnSnmpv2TcFile() {
        // HEAD imports DisplayString from SNMPv2-TC, which is not loaded here: like net-snmp, no problem
        MibSet s = load("""
                n OBJECT-TYPE SYNTAX DisplayString (SIZE (0..32)) MAX-ACCESS read-only STATUS current DESCRIPTION "n" ::= { testMib 1 }
                b OBJECT-TYPE SYNTAX TruthValue MAX-ACCESS read-only STATUS current DESCRIPTION "b" ::= { testMib 2 }
                """);
        MibNode n = s.tree().find("n").orElseThrow();
        assertEquals(new Syntax("DisplayString", "OCTET STRING", "DisplayString", List.of(new Range("0", "32")), List.of(),
                List.of()), n.syntax());
        assertEquals("255a", n.displayHint());
        assertEquals("true(1)", ValueText.integer(s.tree().find("b").orElseThrow(), 1));
        assertEquals(List.of(), s.problems().stream().filter(p -> !p.cause().contains("used without IMPORTS")).toList());
        assertEquals(List.of("TEST-MIB"), s.modules().stream().map(MibModule::name).toList());
    }

    @Test
    void textWithoutModuleIsAProblemNotAnException() {
        MibSet s = MibLoader.loadText("README", "This directory holds MIBs.\n");
        assertEquals(List.of(), s.modules());
        assertEquals(List.of(new MibProblem("README", 1, "no module header 'NAME DEFINITIONS ::= BEGIN' found")), s.problems());
    }
}
