package io.mibwatch.poller.snmp;

import io.mibwatch.poller.snmp.Replies.Reply;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.snmp4j.PDU;
import org.snmp4j.smi.UdpAddress;

/**
 * One request and its reply: sends {@code pdu} to the agent once its outstanding limits allow and
 * completes (never exceptionally) with the classified reply. {@code then}, when not null, is
 * attached before anything is sent. {@link SnmpClient} implements it over its one SNMP4J session;
 * {@link Walk} drives a walk through it.
 */
@FunctionalInterface
interface Exchange {
    CompletableFuture<Reply> send(AgentTarget t, UdpAddress addr, PDU pdu, Consumer<Reply> then);
}
