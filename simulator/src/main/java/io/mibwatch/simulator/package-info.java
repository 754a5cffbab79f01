/** Simulated SNMP device fleet serving recorded walks with moving counters. */
package io.mibwatch.simulator;
