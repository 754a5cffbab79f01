package io.mibwatch.poller.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Host name to address; the system resolver unless a test supplies its own. */
@FunctionalInterface
interface HostResolver {
    InetAddress resolve(String host) throws UnknownHostException;
}
