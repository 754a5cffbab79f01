package io.mibwatch.poller.rate;

/**
 * The plausibility limit for interface octet counters, from the interface speed.
 *
 * <p>Why a tolerance above line rate: the two timestamps are the arrival times of the responses,
 * while the agent read the counters somewhat earlier, and many agents serve interface counters
 * from a short-lived cache (net-snmp refreshes its interface table at most every few seconds).
 * The interval the counters really cover can therefore be a few seconds longer than the one we
 * divide by; at the 60 s default that is up to ~8%, so a fully loaded link can read a little
 * above line rate. 10% absorbs that and is still tight enough to reject the typical bogus
 * delta: a Counter32 reset that no sysUpTime told us about looks like a wrap, and its fake
 * delta (up to 2^32 octets, 72 MB/s over 60 s) is far above line rate on slow links. Short poll
 * intervals make the skew relatively larger: pass a bigger tolerance for those.
 */
public final class LineRate {

    /** 10% above line rate, see the class comment. */
    public static final double DEFAULT_TOLERANCE = 1.1;

    private LineRate() {
    }

    /**
     * @param bitsPerSecond interface speed (ifSpeed, or ifHighSpeed * 1e6, RFC 2863); 0 or less = unknown
     * @return the highest believable octets per second, NaN (no limit) when the speed is unknown
     */
    public static double maxOctetsPerSecond(double bitsPerSecond) {
        return maxOctetsPerSecond(bitsPerSecond, DEFAULT_TOLERANCE);
    }

    public static double maxOctetsPerSecond(double bitsPerSecond, double tolerance) {
        if (!(tolerance >= 1.0)) {
            throw new IllegalArgumentException("tolerance must be >= 1: " + tolerance);
        }
        if (Double.isNaN(bitsPerSecond) || bitsPerSecond <= 0) {
            return Double.NaN;
        }
        return bitsPerSecond / 8.0 * tolerance;
    }
}
