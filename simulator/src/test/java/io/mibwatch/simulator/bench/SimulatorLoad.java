package io.mibwatch.simulator.bench;

import io.mibwatch.poller.testing.SnmpdFixture;
import io.mibwatch.simulator.agent.DeviceView;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.simulator.snmprec.RecordingLibrary;
import io.mibwatch.simulator.testing.Recordings;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Instant;
import java.util.List;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BER;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.VariableBinding;

/**
 * Not a test: a load run. Starts N simulated devices (the 43 recordings round-robin, shared), prints
 * start time and heap, then a closed-loop UDP client (its own thread, W requests in flight) sends
 * GETBULK max-repetitions 25 for ifTable-ish subtree 1.3.6.1.2.1.2 to device ports in turn and
 * counts varbinds answered per second; then the same client against net-snmp snmpd and Debian's snmpsim.
 *
 * <pre>
 * cd simulator && mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx2g -cp target/classes:target/test-classes:$(cat target/cp.txt) io.mibwatch.simulator.bench.SimulatorLoad 10000 10
 * </pre>
 */
public final class SimulatorLoad {
    private SimulatorLoad() {
    }

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long t0 = System.nanoTime();
        RecordingLibrary lib = new RecordingLibrary();
        List<RecordingLibrary.Named> recs = lib.loadAll(List.of(Recordings.dir()));
        SnmpSimulator.Builder b = SnmpSimulator.builder().listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 30000))
                .clock(SimClock.frozen(Instant.parse("2026-01-05T10:00:00Z")));
        for (int i = 0; i < devices; i++) {
            Recording r = recs.get(i % recs.size()).recording();
            b.device("dev" + i, DeviceView.recorded(r));
        }
        try (SnmpSimulator sim = b.start()) {
            double startS = (System.nanoTime() - t0) / 1e9;
            System.gc();
            long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
            System.out.printf("%d devices (%d distinct recordings) started in %.1f s; heap used after GC %.0f MiB%n",
                    devices, lib.distinct(), startS, heap / 1048576.0);
            long before = sim.stats().varbinds();
            long responses = run(30000, devices, seconds, "public");
            long vbs = sim.stats().varbinds() - before;
            System.out.printf("mibwatch simulator (1 I/O thread): %d responses, %.0f varbinds/s (GETBULK max-rep 25, %d devices)%n",
                    responses, vbs / (double) seconds, devices);
        }
        try (SnmpdFixture snmpd = SnmpdFixture.launch()) {
            long[] counted = new long[1];
            long responses = runCounting(snmpd.port(), 1, seconds, SnmpdFixture.COMMUNITY, counted);
            System.out.printf("net-snmp snmpd: %d responses, %.0f varbinds/s (GETBULK max-rep 25, one agent)%n",
                    responses, counted[0] / (double) seconds);
        }
        snmpsim(seconds);
    }

    /** Debian's snmpsim serving one recording (ios_2960x, 146 interfaces), same client and request. */
    static void snmpsim(int seconds) throws Exception {
        java.nio.file.Path work = java.nio.file.Files.createTempDirectory("snmpsim-load");
        java.nio.file.Path data = java.nio.file.Files.createDirectories(work.resolve("data"));
        java.nio.file.Path cache = java.nio.file.Files.createDirectories(work.resolve("cache"));
        java.nio.file.Files.copy(Recordings.dir().resolve("ios_2960x.snmprec"), data.resolve("ios_2960x.snmprec"));
        for (java.nio.file.Path p : List.of(work, data)) {
            java.nio.file.Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        java.nio.file.Files.setPosixFilePermissions(data.resolve("ios_2960x.snmprec"),
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        java.nio.file.Files.setPosixFilePermissions(cache, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process p = new ProcessBuilder("snmpsimd", "--process-user=nobody", "--process-group=nogroup",
                "--data-dir=" + data, "--cache-dir=" + cache, "--agent-udpv4-endpoint=127.0.0.1:" + port)
                .redirectErrorStream(true).redirectOutput(work.resolve("out.txt").toFile()).start();
        try {
            for (int i = 0; i < 120; i++) { // indexing, then the first answer
                Process get = new ProcessBuilder("snmpget", "-v2c", "-c", "ios_2960x", "-t", "1", "-r", "0",
                        "127.0.0.1:" + port, "1.3.6.1.2.1.1.1.0").redirectErrorStream(true).start();
                if (get.waitFor() == 0) break;
            }
            long[] counted = new long[1];
            long responses = runCounting(port, 1, seconds, "ios_2960x", counted);
            System.out.printf("snmpsim 0.4.5: %d responses, %.0f varbinds/s (GETBULK max-rep 25, one agent)%n",
                    responses, counted[0] / (double) seconds);
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    static byte[] bulkRequest(String community, int id) throws Exception {
        PDU pdu = new PDU();
        pdu.setType(PDU.GETBULK);
        pdu.setMaxRepetitions(25);
        pdu.setNonRepeaters(0);
        pdu.setRequestID(new Integer32(id));
        pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2")));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        BER.encodeInteger(body, BER.INTEGER, 1);
        new OctetString(community).encodeBER(body);
        pdu.encodeBER(body);
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        BER.encodeHeader(msg, BER.SEQUENCE, body.size());
        body.writeTo(msg);
        return msg.toByteArray();
    }

    static long run(int firstPort, int ports, int seconds, String community) throws Exception {
        return runCounting(firstPort, ports, seconds, community, new long[1]);
    }

    /** Closed loop, 64 requests in flight; a lost answer is replaced after 200 ms. Counts varbinds by parsing responses. */
    static long runCounting(int firstPort, int ports, int seconds, String community, long[] varbinds) throws Exception {
        byte[] req = bulkRequest(community, 1);
        try (DatagramChannel ch = DatagramChannel.open(); Selector sel = Selector.open()) {
            ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            ch.configureBlocking(false);
            ch.register(sel, SelectionKey.OP_READ);
            InetAddress lo = InetAddress.getLoopbackAddress();
            int next = 0;
            int inFlight = 0;
            long responses = 0;
            ByteBuffer in = ByteBuffer.allocateDirect(65536);
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long lastAnswer = System.nanoTime();
            while (System.nanoTime() < end) {
                while (inFlight < 64) {
                    ch.send(ByteBuffer.wrap(req), new InetSocketAddress(lo, firstPort + (next++ % ports)));
                    inFlight++;
                }
                sel.select(50);
                sel.selectedKeys().clear();
                while (true) {
                    in.clear();
                    if (ch.receive(in) == null) break;
                    in.flip();
                    responses++;
                    inFlight--;
                    varbinds[0] += countVarbinds(in);
                    lastAnswer = System.nanoTime();
                }
                if (System.nanoTime() - lastAnswer > 200_000_000L) {
                    inFlight = 0; // lost datagrams: refill the window
                    lastAnswer = System.nanoTime();
                }
            }
            return responses;
        }
    }

    /** Number of varbinds in a v2c response: walk to the varbind list and count its SEQUENCEs. */
    static int countVarbinds(ByteBuffer b) {
        int p = 0;
        p = skipHeader(b, p);                 // message SEQUENCE
        p = skipTlv(b, p);                    // version
        p = skipTlv(b, p);                    // community
        p = skipHeader(b, p);                 // PDU
        p = skipTlv(b, skipTlv(b, skipTlv(b, p))); // request-id, error-status, error-index
        int listStart = skipHeader(b, p);
        int end = b.limit();
        int n = 0;
        for (int q = listStart; q < end; q = skipTlv(b, q)) n++;
        return n;
    }

    private static int skipHeader(ByteBuffer b, int p) {
        int l = b.get(p + 1) & 0xff;
        return p + 2 + (l < 0x80 ? 0 : l - 0x80);
    }

    private static int skipTlv(ByteBuffer b, int p) {
        int l = b.get(p + 1) & 0xff;
        int len = l;
        int hdr = 2;
        if (l >= 0x80) {
            len = 0;
            for (int i = 0; i < l - 0x80; i++) len = (len << 8) | (b.get(p + 2 + i) & 0xff);
            hdr += l - 0x80;
        }
        return p + hdr + len;
    }
}
