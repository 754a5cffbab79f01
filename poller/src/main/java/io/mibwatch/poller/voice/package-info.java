/**
 * Voice quality from IP SLA measurements: the ITU-T G.107 E-model rating R, MOS from R
 * (G.107 Annex B), the G.113 / Cisco IP SLA ICPIF, codec impairments (G.113 Appendix I) and
 * the de-jitter buffer model that turns delay and jitter into the E-model's one-way delay.
 * Lives in the poller because the derived IP SLA series ({@code cisco_rtt}) are computed in the
 * poll pipeline; the CLI calculator uses the same functions. Pure: no I/O, no clock.
 */
package io.mibwatch.poller.voice;
