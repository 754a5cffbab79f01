package io.mibwatch.poller.snmp;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.snmp4j.smi.Address;

/**
 * Messages that arrived from an agent's address while a request to it was outstanding but could
 * not be decoded (garbage, truncated BER, bad lengths, an integer wider than its type). SNMP4J
 * drops such a message before it matches it to a request, so the request times out; this record
 * lets the client report the request as {@code DECODE} with what was wrong instead of as a
 * timeout ("agent down").
 *
 * <p>Only addresses with a request outstanding are watched, and an entry is dropped when its
 * last request ends, so packets from elsewhere (a flood, a stray agent) neither grow this map nor
 * turn another device's timeout into a decode failure. Thread-safe: the transport's listen
 * thread records, SNMP4J's timer and response threads start and end requests.
 */
final class UndecodableAnswers {

    /** A watched address: requests outstanding to it, and the last undecodable message from it. */
    private record Watch(int requests, long lastSeq, String lastWhy) {
    }

    /** Where a request began: undecodable messages numbered after {@code seq} arrived during it. */
    record Mark(Address address, long seq) {
    }

    /** Numbers every recorded message, so "after this request was sent" needs no clock. */
    private final AtomicLong seq = new AtomicLong();
    private final ConcurrentMap<Address, Watch> watched = new ConcurrentHashMap<>();

    /** A request to {@code address} is about to be sent: watch the address until {@link #end}. */
    Mark begin(Address address) {
        watched.merge(address, new Watch(1, 0, null),
                (w, one) -> new Watch(w.requests() + 1, w.lastSeq(), w.lastWhy()));
        return new Mark(address, seq.get());
    }

    /**
     * The request begun at {@code mark} ended. Returns why the last message from its address that
     * arrived since it began could not be decoded, or empty if none did.
     */
    Optional<String> end(Mark mark) {
        String[] why = new String[1];
        watched.computeIfPresent(mark.address(), (a, w) -> {
            if (w.lastWhy() != null && w.lastSeq() > mark.seq()) {
                why[0] = w.lastWhy();
            }
            return w.requests() <= 1 ? null : new Watch(w.requests() - 1, w.lastSeq(), w.lastWhy());
        });
        return Optional.ofNullable(why[0]);
    }

    /** A message from {@code from} could not be decoded; ignored unless a request to it is outstanding. */
    void record(Address from, String why) {
        if (from == null || why == null) {
            return;
        }
        watched.computeIfPresent(from, (a, w) -> new Watch(w.requests(), seq.incrementAndGet(), why));
    }

    /** How many addresses are watched now (for tests: the map must not outlive the requests). */
    int watchedAddresses() {
        return watched.size();
    }
}
