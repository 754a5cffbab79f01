package io.mibwatch.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPortTest {

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1,          127.0.0.1,     161",
            "127.0.0.1:16100,    127.0.0.1,     16100",
            "router.example.net, router.example.net, 161",
            "router:1161,        router,        1161",
            "[::1],              ::1,           161",
            "[::1]:1161,         ::1,           1161",
            "::1,                ::1,           161",
            "fe80::1,            fe80::1,       161"
    })
    void parses(String text, String host, int port) {
        assertEquals(new HostPort(host, port), HostPort.parse(text, 161));
    }

    @ParameterizedTest
    @CsvSource({
            "'127.0.0.1:0',      port '0'",
            "'127.0.0.1:70000',  port '70000'",
            "'127.0.0.1:abc',    port 'abc'",
            "'[::1',             missing ']'",
            "'[::1]x',           expected ':PORT'",
            "'   ',              empty target"
    })
    void rejectsWithAMessageNamingTheValue(String text, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostPort.parse(text, 161));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
