package io.mibwatch.web.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MetricCategoryTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "interfaces, INTERFACES",
            "cpu, CPU", "cisco_cpu, CPU", "jnx_operating, CPU",
            "storage, STORAGE", "cisco_mempool, STORAGE", "ucd, STORAGE",
            "entity_temp, SENSORS", "cisco_envmon, SENSORS", "ups, SENSORS", "ups_output, SENSORS",
            "cisco_rtt, IP_SLA",
            "system, OTHER", "mikrotik, OTHER", "fortigate, OTHER",
    })
    void catalogGroupsLandInTheSectionAnOperatorLooksIn(String group, MetricCategory want) {
        assertEquals(want, MetricCategory.of(group));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @CsvSource({
            "interfaces/2, interfaces/10",
            "jnx_operating/9.1.0.0, jnx_operating/10.1.0.0",
            "jnx_operating/9.1.0.0, jnx_operating/9.1.0.1",
            "system/, system/1",
            "storage/31, storage/a",
    })
    void numericIndexesSortAsNumbers(String smaller, String larger) {
        assertEquals(-1, Integer.signum(InstanceOrder.INSTANCE.compare(smaller, larger)));
        assertEquals(1, Integer.signum(InstanceOrder.INSTANCE.compare(larger, smaller)));
    }
}
