package io.mibwatch.poller.snmp;

/**
 * What one {@link SnmpClient} operation ends with: the varbinds, or a classified failure.
 * Futures returned by the client always complete normally with one of these, so a poll job
 * never has to handle exceptions from the SNMP layer.
 */
public sealed interface SnmpOutcome permits SnmpResponse, PollFailure {
}
