package io.mibwatch.poller.snmp;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;

/**
 * Request-ids (RFC 3416 section 4.1) that an off-path sender cannot predict and that do not repeat
 * while a request could still be outstanding. SNMP4J numbers requests 1, 2, 3, ... over the whole
 * socket, so anyone who sees or guesses one id knows the next ones and can answer another device's
 * request before it does.
 *
 * <p>Each id is a counter passed through a keyed permutation of the positive 31-bit integers: a
 * 32-bit Feistel network (any round function gives a bijection) restricted to 1..2^31-1 by cycle
 * walking (applying it again while the result is 0 or negative keeps it a bijection on that set).
 * So ids are never 0, look random, and the first repeat comes after 2^31-1 requests (days at
 * thousands of requests a second, far longer than any timeout). The round keys and the counter's
 * start come from the given generator, a {@link java.security.SecureRandom} in production.
 * Thread-safe.
 */
final class RequestIds {

    private static final int ROUNDS = 6;

    private final int[] keys = new int[ROUNDS];
    private final AtomicInteger counter;

    RequestIds(RandomGenerator seed) {
        for (int i = 0; i < ROUNDS; i++) {
            keys[i] = seed.nextInt();
        }
        counter = new AtomicInteger(seed.nextInt());
    }

    /** The next id: in 1..2^31-1, distinct from the previous 2^31-2. */
    int next() {
        int c;
        do {
            c = counter.getAndIncrement() & Integer.MAX_VALUE;
        } while (c == 0);
        int id = permute(c);
        while (id <= 0) {
            id = permute(id);
        }
        return id;
    }

    /** A bijection of the 32-bit integers: a balanced Feistel network over two 16-bit halves. */
    private int permute(int x) {
        int left = x >>> 16;
        int right = x & 0xFFFF;
        for (int key : keys) {
            int next = left ^ (round(right, key) & 0xFFFF);
            left = right;
            right = next;
        }
        return (left << 16) | right;
    }

    /** Mixes a half with a round key (the murmur3 finaliser: every input bit flips about half the output). */
    private static int round(int half, int key) {
        int h = half * 0x9E3779B1 ^ key;
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        h *= 0xC2B2AE35;
        h ^= h >>> 16;
        return h;
    }
}
