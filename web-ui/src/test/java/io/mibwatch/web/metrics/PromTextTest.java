package io.mibwatch.web.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "interfaces_inOctets | interfaces_in_octets",
            "interfaces_ifHCInOctets | interfaces_if_hc_in_octets",
            "storage_usedPct | storage_used_pct",
            "ipsla_rttAvg | ipsla_rtt_avg",
            "cisco_rtt_mosCalc | cisco_rtt_mos_calc",
            "system_sysUpTime | system_sys_up_time",
            "cpu_la1 | cpu_la1",
            "if_ifInUcastPkts | if_if_in_ucast_pkts",
            "ABC | abc",
            "cisco_rtt_rtt.avg | cisco_rtt_rtt_avg",
            "storage_used-pct | storage_used_pct",
            "ucd_la:1 | ucd_la_1",
            "a//b | a_b",
            "9lives | _9lives",
            "'' | _",
            "sensors_température | sensors_temp_rature",
            "x__y | x_y",
    })
    void namesAreSanitised(String in, String out) {
        assertEquals(out, PromText.name(in));
        assertTrue(PromText.validName("mibwatch_series_" + out));
        assertTrue(PromText.validName(out));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "plain | plain",
            "say \"hi\" | say \\\"hi\\\"",
            "C:\\temp | C:\\\\temp",
            "<script>alert(1)</script> | <script>alert(1)</script>",
    })
    void labelValuesAreEscaped(String in, String out) {
        assertEquals(out, PromText.labelValue(in));
    }

    @org.junit.jupiter.api.Test
    void lineFeedsAreEscapedInLabelsAndHelp() {
        assertEquals("a\\nb", PromText.labelValue("a\nb"));
        assertEquals("a\\nb \\\\ \"q\"", PromText.help("a\nb \\ \"q\""));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"1.0, 1", "0.25, 0.25", "-3, -3", "1e20, 1.0E20", "NaN, NaN", "Infinity, +Inf", "-Infinity, -Inf"})
    void valuesFormat(double v, String text) {
        assertEquals(text, PromText.value(v));
    }
}
