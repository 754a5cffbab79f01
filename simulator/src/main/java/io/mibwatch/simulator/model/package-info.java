/**
 * Time moves: the value of every recorded OID as a pure function of (device, OID, time)
 * ({@link io.mibwatch.simulator.model.DeviceModel}). Counters integrate a rate that follows a daily
 * and weekly {@link io.mibwatch.simulator.model.TrafficShape}, gauges follow the same shape with
 * seeded noise, uptimes advance, and a {@link io.mibwatch.simulator.scenario.Scenario} reboots
 * devices, takes interfaces down, spikes CPUs and forces counter wraps. No state accumulates:
 * asking for any past or future instant, in any order, gives the same answer.
 */
package io.mibwatch.simulator.model;
