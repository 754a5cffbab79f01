/**
 * Fault scenarios: a YAML file of faults with times relative to the simulation start
 * ({@link io.mibwatch.simulator.scenario.ScenarioLoader}), held as immutable records
 * ({@link io.mibwatch.simulator.scenario.Scenario}, {@link io.mibwatch.simulator.scenario.Fault}), and the pure
 * question "what is wrong with this device at this moment" ({@link io.mibwatch.simulator.scenario.ScenarioState}).
 */
package io.mibwatch.simulator.scenario;
