/** Time is injected: {@link java.time.Clock} everywhere, {@link io.mibwatch.core.time.ManualClock} in tests. */
package io.mibwatch.core.time;
