/**
 * The SNMP client of the poller: a narrow, asynchronous interface over SNMP4J.
 *
 * <p>{@link io.mibwatch.poller.snmp.SnmpClient} sends GETs and subtree walks to an
 * {@link io.mibwatch.poller.snmp.AgentTarget} and completes with an
 * {@link io.mibwatch.poller.snmp.SnmpOutcome}: the varbinds
 * ({@link io.mibwatch.poller.snmp.SnmpResponse}) or a classified
 * {@link io.mibwatch.poller.snmp.PollFailure}. {@link io.mibwatch.poller.snmp.VarBindJson} is the
 * fixed one-line JSON form of a varbind used by the CLI and other tools.
 *
 * <p>The poll pipeline sees only {@link io.mibwatch.poller.snmp.SnmpTransport} (get, walk), which
 * {@code SnmpClient} implements and tests replace with scripted answers. Behind the facade, one file
 * per concern: {@code Walk} and {@code MultiWalk} (subtree walks), {@code UsmUsers} (SNMPv3 USM),
 * {@code HostLookup} (host names to addresses), {@code RequestPdu}, {@code Exchange} (one request
 * and its reply), {@code Replies} (classifying answers) and {@code OutstandingGate} (requests in flight).
 * Nothing else in mibwatch imports SNMP4J's transport or security classes.
 */
package io.mibwatch.poller.snmp;
