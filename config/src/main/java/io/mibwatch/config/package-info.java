/**
 * The configuration file {@code mibwatch.yaml}: immutable records, and a loader
 * that reports every error at once, each with its key path and bad value.
 * Secrets print as {@code <secret>}. {@link io.mibwatch.config.ConfigLoader} parses the file;
 * {@code ConfigReader} reads the top level and hands each section to its reader
 * ({@code CredentialsReader}, {@code DefaultsReader}, {@code DevicesReader},
 * {@code ThresholdsReader}, {@code NotificationsReader}, {@code ServicesReader},
 * {@code HttpReader}, {@code RrdReader}), all over core's {@link io.mibwatch.core.yaml.YamlReader}.
 */
package io.mibwatch.config;
