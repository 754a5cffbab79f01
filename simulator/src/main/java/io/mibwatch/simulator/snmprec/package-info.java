/**
 * snmpsim {@code .snmprec} recordings: {@link io.mibwatch.simulator.snmprec.SnmprecReader} parses one file
 * (dirt tolerated, junk skipped with one warning per file) into an immutable, sorted, pre-encoded
 * {@link io.mibwatch.simulator.snmprec.Recording}; {@link io.mibwatch.simulator.snmprec.RecordingLibrary}
 * loads a fleet and shares recordings of identical files.
 */
package io.mibwatch.simulator.snmprec;
