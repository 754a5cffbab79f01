package io.mibwatch.catalog.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mibwatch.catalog.metric.MetricCatalog;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceProfilesTest {

    private static final DeviceProfiles P = new DeviceProfiles(List.of(
            new DeviceProfile("default", "d", List.of(), Optional.empty(), List.of("system")),
            new DeviceProfile("vendor", "v", List.of("1.3.6.1.4.1.9"), Optional.empty(), List.of("system")),
            new DeviceProfile("product", "p", List.of("1.3.6.1.4.1.9.12"), Optional.of(Pattern.compile("NX-OS")),
                    List.of("system"))));

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource({
            "1.3.6.1.4.1.9.1.1208,     IOS,      vendor",
            "1.3.6.1.4.1.9,            IOS,      vendor",
            "1.3.6.1.4.1.99.1,         x,        default",
            "1.3.6.1.4.1.9.12.3.1.3.1, NX-OS(tm), product",
            "1.3.6.1.4.1.9.12.3.1.3.1, IOS,      vendor",
            ".1.3.6.1.4.1.9.1,         x,        vendor",
            "'',                       '',       default",
    })
    void longestMatchingPrefixWins(String oid, String descr, String expected) {
        assertEquals(expected, P.match(oid, descr).name());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"1.3.6.1.4.1.9.1.1208, cisco_ios", "1.3.6.1.4.1.2636.1.1.1.2.108, junos",
            "1.3.6.1.4.1.12356.101.1.15000, fortigate", "1.3.6.1.4.1.8072.3.2.10, netsnmp",
            "1.3.6.1.4.1.705.1, ups", "1.3.6.1.4.1.311.1.1.3.1.2, default"})
    void shippedProfiles(String oid, String expected) {
        assertEquals(expected, MetricCatalog.standard().profiles().match(oid, "").name());
    }
}
