/**
 * Logging a failure that repeats (a full disk fails every write, every cycle) as one line per
 * cause with counts, instead of one line per attempt: {@link io.mibwatch.core.log.FailureLog}.
 */
package io.mibwatch.core.log;
