/**
 * Reading hand-checked YAML files (mibwatch.yaml, the metric catalog, rule tests, simulator
 * scenarios) from Jackson's tree: {@link io.mibwatch.core.yaml.YamlReader} tracks key paths such as
 * {@code devices[3].snmp.community}, hands every problem to the file's own error collector so all
 * of them are reported at once, and offers typed getters; {@link io.mibwatch.core.yaml.Closest}
 * adds "did you mean" hints.
 */
package io.mibwatch.core.yaml;
