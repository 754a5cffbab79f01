/**
 * The metric catalog: which SNMP objects the product polls, what each one means
 * (counter or gauge, unit, conversion) and where that fact comes from (MIB
 * object and RFC section). Facts only: no SNMP library types here, OIDs are
 * dotted strings, so every module can read the catalog.
 */
package io.mibwatch.catalog.metric;
