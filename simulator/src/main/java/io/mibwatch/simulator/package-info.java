/** Simulated SNMP device fleet serving recorded walks with moving counters. Built by the simulator issue. */
package io.mibwatch.simulator;
