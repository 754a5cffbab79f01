/**
 * Real SNMP peers for tests, shared with other modules through the poller test-jar
 * ({@code io.mibwatch:mibwatch-poller}, {@code <type>test-jar</type>}, scope {@code test}).
 * <ul>
 *   <li>{@link io.mibwatch.poller.testing.SnmpdFixture}: Debian's net-snmp {@code snmpd} on
 *       127.0.0.1 with community {@code public} and v3 users for every USM protocol; stop/start
 *       for "agent down" tests; {@code tool(...)} runs snmpget/snmpbulkwalk against it.</li>
 *   <li>{@link io.mibwatch.poller.testing.ScriptedAgent}: a small SNMP4J agent on 127.0.0.1 that
 *       serves a fixed table and can misbehave on purpose (tooBig, looping OIDs, slow answers).</li>
 * </ul>
 */
package io.mibwatch.poller.testing;
