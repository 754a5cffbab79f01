/**
 * The configuration file {@code mibwatch.yaml}: immutable records, and a loader
 * that reports every error at once, each with its key path and bad value.
 * Secrets print as {@code <secret>}.
 */
package io.mibwatch.config;
