package io.mibwatch.catalog.mib;

import java.util.Map;
import java.util.Set;

/**
 * What every MIB may use without a module to define it, as net-snmp does: the OID roots of
 * X.208/RFC 1155 section 3.1/RFC 2578 section 2 and the names of the SMI base modules, so a missing
 * SNMPv2-SMI or RFC1155-SMI does not break every import.
 */
final class WellKnown {

    private WellKnown() {
    }

    static final Map<String, Oid> ROOTS = Map.ofEntries(
            Map.entry("ccitt", Oid.of(0)),
            Map.entry("zeroDotZero", Oid.of(0, 0)),
            Map.entry("iso", Oid.of(1)),
            Map.entry("joint-iso-ccitt", Oid.of(2)),
            Map.entry("org", Oid.of(1, 3)),
            Map.entry("dod", Oid.of(1, 3, 6)),
            Map.entry("internet", Oid.of(1, 3, 6, 1)),
            Map.entry("directory", Oid.of(1, 3, 6, 1, 1)),
            Map.entry("mgmt", Oid.of(1, 3, 6, 1, 2)),
            Map.entry("mib-2", Oid.of(1, 3, 6, 1, 2, 1)),
            Map.entry("transmission", Oid.of(1, 3, 6, 1, 2, 1, 10)),
            Map.entry("experimental", Oid.of(1, 3, 6, 1, 3)),
            Map.entry("private", Oid.of(1, 3, 6, 1, 4)),
            Map.entry("enterprises", Oid.of(1, 3, 6, 1, 4, 1)),
            Map.entry("security", Oid.of(1, 3, 6, 1, 5)),
            Map.entry("snmpV2", Oid.of(1, 3, 6, 1, 6)),
            Map.entry("snmpDomains", Oid.of(1, 3, 6, 1, 6, 1)),
            Map.entry("snmpProxys", Oid.of(1, 3, 6, 1, 6, 2)),
            Map.entry("snmpModules", Oid.of(1, 3, 6, 1, 6, 3)));

    /** Modules net-snmp knows without a file; importing from them never fails. */
    static final Set<String> BASE_MODULES = Set.of("SNMPv2-SMI", "RFC1155-SMI", "RFC-1212", "RFC-1215",
            "SNMPv2-TC", "SNMPv2-CONF", "RFC1065-SMI", "RFC1213-MIB");

    /** Types with a fixed meaning (RFC 2578 section 7.1, RFC 1155 section 3.2.3): resolution stops here. */
    static final Set<String> BASE_TYPES = Set.of("INTEGER", "Integer32", "Unsigned32", "Counter32", "Counter64",
            "Gauge32", "TimeTicks", "IpAddress", "Opaque", "OCTET STRING", "OBJECT IDENTIFIER", "BITS",
            "SEQUENCE", "SEQUENCE OF", "CHOICE", "NULL", "Counter", "Gauge", "NetworkAddress");

    /**
     * The textual conventions of SNMPv2-TC (RFC 2579 section 2) that vendor MIBs use most, used only
     * when no SNMPv2-TC file is loaded, so DisplayString still formats and TruthValue still has labels.
     * Written from the RFC's definitions (SYNTAX and DISPLAY-HINT only).
     */
    static final String BUILTIN_SNMPV2_TC = """
            SNMPv2-TC DEFINITIONS ::= BEGIN
            DisplayString ::= TEXTUAL-CONVENTION DISPLAY-HINT "255a" STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OCTET STRING (SIZE (0..255))
            PhysAddress ::= TEXTUAL-CONVENTION DISPLAY-HINT "1x:" STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OCTET STRING
            MacAddress ::= TEXTUAL-CONVENTION DISPLAY-HINT "1x:" STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OCTET STRING (SIZE (6))
            TruthValue ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX INTEGER { true(1), false(2) }
            TestAndIncr ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX INTEGER (0..2147483647)
            AutonomousType ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OBJECT IDENTIFIER
            InstancePointer ::= TEXTUAL-CONVENTION STATUS obsolete DESCRIPTION "RFC 2579"
                SYNTAX OBJECT IDENTIFIER
            VariablePointer ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OBJECT IDENTIFIER
            RowPointer ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OBJECT IDENTIFIER
            RowStatus ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX INTEGER { active(1), notInService(2), notReady(3), createAndGo(4), createAndWait(5), destroy(6) }
            TimeStamp ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX TimeTicks
            TimeInterval ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX INTEGER (0..2147483647)
            DateAndTime ::= TEXTUAL-CONVENTION DISPLAY-HINT "2d-1d-1d,1d:1d:1d.1d,1a1d:1d" STATUS current
                DESCRIPTION "RFC 2579" SYNTAX OCTET STRING (SIZE (8 | 11))
            StorageType ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX INTEGER { other(1), volatile(2), nonVolatile(3), permanent(4), readOnly(5) }
            TDomain ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OBJECT IDENTIFIER
            TAddress ::= TEXTUAL-CONVENTION STATUS current DESCRIPTION "RFC 2579"
                SYNTAX OCTET STRING (SIZE (1..255))
            END
            """;
}
