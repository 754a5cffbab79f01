package io.mibwatch.thresholds.baseline;

/** Whether a baseline can be used: LEARNING until every slot has enough samples ({@link Arming}). */
public enum BaselineState {
    LEARNING,
    ARMED
}
