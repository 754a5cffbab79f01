package io.mibwatch.simulator.model;

import java.nio.charset.StandardCharsets;

/**
 * Stable 64-bit seeds and uniform numbers derived from names: the same device and instance get
 * the same traffic on every run and every JVM (String.hashCode is stable too, but 32 bits and
 * poorly mixed). FNV-1a over the bytes, then the SplitMix64 finaliser.
 */
final class Seeds {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private Seeds() {
    }

    static long of(String device, String stream, long instance) {
        long h = FNV_OFFSET;
        for (byte b : device.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        h = (h ^ 0x1f) * FNV_PRIME;
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * FNV_PRIME;
        }
        return mix(h ^ mix(instance));
    }

    /** A uniform number in [0, 1) for (seed, salt). */
    static double unit(long seed, long salt) {
        return (mix(seed + salt * 0x9E3779B97F4A7C15L) >>> 11) * 0x1.0p-53;
    }

    /** A uniform number in [lo, hi). */
    static double between(long seed, long salt, double lo, double hi) {
        return lo + (hi - lo) * unit(seed, salt);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
