package io.mibwatch.poller.snmp;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.regex.Pattern;

/**
 * Turns an agent's host into an address without blocking the caller: IPv4 and IPv6 literals are
 * parsed on the spot (no DNS query), names are resolved on two daemon threads of their own (the
 * JVM caches answers, so two are plenty).
 */
final class HostLookup implements AutoCloseable {

    private static final Pattern IPV4_LITERAL =
            Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private final HostResolver hostResolver;
    private final ExecutorService resolver;

    HostLookup(HostResolver hostResolver) {
        this.hostResolver = Objects.requireNonNull(hostResolver, "resolver");
        this.resolver = Executors.newFixedThreadPool(2, r -> {
            Thread th = new Thread(r, "mibwatch-snmp-resolver");
            th.setDaemon(true);
            return th;
        });
    }

    /**
     * The address of {@code host}; the future fails with {@link UnknownHostException} when it does
     * not resolve.
     *
     * @throws RejectedExecutionException when a name is to be resolved after {@link #close()}
     */
    CompletableFuture<InetAddress> lookup(String host) {
        CompletableFuture<InetAddress> ip = new CompletableFuture<>();
        if (IPV4_LITERAL.matcher(host).matches() || host.indexOf(':') >= 0) {
            try {
                ip.complete(InetAddress.getByName(host)); // a literal: parsed, no DNS query
            } catch (UnknownHostException e) {
                ip.completeExceptionally(e);
            }
            return ip;
        }
        resolver.execute(() -> {
            try {
                ip.complete(hostResolver.resolve(host));
            } catch (UnknownHostException | RuntimeException | Error e) {
                ip.completeExceptionally(e);
            }
        });
        return ip;
    }

    /** Lookups under way finish; later names are refused. */
    @Override
    public void close() {
        resolver.shutdown();
    }
}
