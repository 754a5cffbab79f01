package io.mibwatch.thresholds.redbutton;

import java.util.List;

/**
 * The red button analysis of one service.
 *
 * @param accepted           complaints used
 * @param outsideActive      complaints ignored because the user was not active then
 * @param rateLimited        complaints ignored by the per-user rate limit
 * @param enoughComplaints   accepted >= the minimum; when false, {@code metrics} is empty
 * @param metrics            most significant first
 */
public record Analysis(String service, int accepted, int outsideActive, int rateLimited, int minimum,
                       boolean enoughComplaints, List<MetricVerdict> metrics) {
    public Analysis {
        metrics = List.copyOf(metrics);
    }
}
