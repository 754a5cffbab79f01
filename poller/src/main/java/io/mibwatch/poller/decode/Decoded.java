package io.mibwatch.poller.decode;

import io.mibwatch.core.series.Reading;
import java.util.List;
import java.util.Map;

/**
 * The result of decoding one poll.
 *
 * @param readings                     one per answered column, plus derived gauges
 * @param sysUpTimeTicks               SNMPv2-MIB::sysUpTime.0 in 1/100 s, -1 if absent
 * @param discontinuityTicksByInstance IF-MIB::ifCounterDiscontinuityTime by interface instance
 *                                     (sysUpTime ticks at the last counter discontinuity)
 * @param maxRatePerInstance           interface speed in bytes/s, for plausibility of rates
 * @param skipped                      varbinds not turned into readings: exceptions
 *                                     (noSuchObject, noSuchInstance, endOfMibView), a type the
 *                                     column cannot hold, or an OID the plan does not know
 * @param wrongTypes                   the planned columns among them answered with a type they
 *                                     cannot hold (in answer order)
 */
public record Decoded(List<Reading> readings, long sysUpTimeTicks, Map<String, Long> discontinuityTicksByInstance,
                      Map<String, Double> maxRatePerInstance, int skipped, List<WrongType> wrongTypes) {
    public Decoded {
        readings = List.copyOf(readings);
        wrongTypes = List.copyOf(wrongTypes);
        discontinuityTicksByInstance = Map.copyOf(discontinuityTicksByInstance);
        maxRatePerInstance = Map.copyOf(maxRatePerInstance);
    }
}
