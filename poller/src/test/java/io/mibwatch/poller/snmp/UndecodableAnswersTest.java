package io.mibwatch.poller.snmp;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snmp4j.smi.UdpAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UndecodableAnswersTest {

    private static final UdpAddress AGENT = new UdpAddress("192.0.2.1/161");
    private static final UdpAddress OTHER_PORT = new UdpAddress("192.0.2.1/1161");

    @Test
    void anUndecodableMessageFromTheTargetDuringTheRequestIsReported() {
        UndecodableAnswers a = new UndecodableAnswers();
        UndecodableAnswers.Mark m = a.begin(AGENT);
        a.record(AGENT, "bad length");
        assertEquals(Optional.of("bad length"), a.end(m));
    }

    @Test
    void aMessageFromAnotherPortOrBeforeTheRequestIsNotBlamedOnIt() {
        UndecodableAnswers a = new UndecodableAnswers();
        UndecodableAnswers.Mark first = a.begin(AGENT);
        a.record(AGENT, "old garbage");
        a.end(first);
        UndecodableAnswers.Mark m = a.begin(AGENT);
        a.record(OTHER_PORT, "stray garbage");
        assertEquals(Optional.empty(), a.end(m));
    }

    @Test
    void addressesAreWatchedOnlyWhileARequestToThemIsOutstanding() {
        UndecodableAnswers a = new UndecodableAnswers();
        a.record(AGENT, "nobody asked");
        assertEquals(0, a.watchedAddresses());
        UndecodableAnswers.Mark m1 = a.begin(AGENT);
        UndecodableAnswers.Mark m2 = a.begin(AGENT);
        a.record(AGENT, "garbage");
        assertEquals(Optional.of("garbage"), a.end(m1));
        assertEquals(1, a.watchedAddresses());
        assertEquals(Optional.of("garbage"), a.end(m2), "both requests were outstanding when it arrived");
        assertEquals(0, a.watchedAddresses());
    }
}
