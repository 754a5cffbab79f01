package io.mibwatch.poller.schedule;

/**
 * Receives every finished poll cycle: the fan-out point from poller to storage,
 * evaluation and exporters. Called on a pipeline thread, never on SNMP4J's
 * dispatcher thread; an exception here is logged and counted, never fatal.
 */
@FunctionalInterface
public interface CycleListener {
    void onCycle(CycleReport report);
}
