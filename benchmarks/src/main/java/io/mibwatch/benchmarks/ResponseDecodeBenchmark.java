package io.mibwatch.benchmarks;

import io.mibwatch.poller.decode.Decoded;
import io.mibwatch.poller.decode.Decoder;
import io.mibwatch.poller.discovery.Discovery;
import io.mibwatch.poller.plan.PollPlan;
import io.mibwatch.poller.plan.PollPlanner;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.snmp4j.CommandResponderEvent;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Gauge32;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.TimeTicks;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.TransportStateReference;
import org.snmp4j.transport.DefaultUdpTransportMapping;

/**
 * A 100-varbind SNMPv2c Response message through the product's own decode path:
 * the bytes of a whole message as they come off the socket, handed to the SNMP4J
 * {@link MessageDispatcherImpl} with {@link MPv2c} that {@code SnmpClient} uses (message and PDU
 * BER decode, community, dispatch to the listener), then {@link Decoder#decode} against the real
 * {@link PollPlan} that {@link PollPlanner} makes for the device, giving the readings the rate
 * stage takes. Unlike {@link BerDecodeBenchmark} (PDU only), this is what the daemon pays per
 * answer before rates.
 *
 * <p>The device: 9 interfaces (Counter64 ifHC* octets and unicast packets, Counter32 errors and
 * discards, INTEGER admin/oper status, TimeTicks ifCounterDiscontinuityTime) + sysUpTime.0 =
 * 100 varbinds in one Response-PDU, the OIDs and order of the plan's GET. (The daemon splits a
 * plan into GETs of 40 varbinds; one message of 100 shows the per-varbind cost.)
 * Scores are per message; divide by 100 for per varbind.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar ResponseDecodeBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ResponseDecodeBenchmark {

    static final int INTERFACES = 9;
    static final int VARBINDS = 100;

    private PollPlan plan;
    private byte[] message;
    private MessageDispatcherImpl dispatcher;
    private DefaultUdpTransportMapping transport;
    private UdpAddress from;
    private PDU received;
    private final Instant at = Instant.parse("2026-11-21T10:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        plan = PollPlanner.plan("bench-dev", Discovery.discover(walk()), List.of("interfaces"));
        if (plan.getOids().size() != VARBINDS) {
            throw new IllegalStateException("plan polls " + plan.getOids().size() + " OIDs, expected " + VARBINDS);
        }
        PDU pdu = new PDU();
        pdu.setType(PDU.RESPONSE);
        pdu.setRequestID(new Integer32(123_456_789));
        long k = 1;
        for (OID oid : plan.getOids()) {
            pdu.add(new VariableBinding(oid, valueFor(oid, k++)));
        }
        // the whole message: SEQUENCE { version, community, PDU } (RFC 3416 / RFC 1901)
        OctetString community = new OctetString("public");
        Integer32 version = new Integer32(SnmpConstants.version2c);
        int length = version.getBERLength() + community.getBERLength() + pdu.getBERLength();
        ByteBuffer buf = ByteBuffer.allocate(length + org.snmp4j.asn1.BER.getBERLengthOfLength(length) + 1);
        BEROutputStream out = new BEROutputStream(buf);
        org.snmp4j.asn1.BER.encodeHeader(out, org.snmp4j.asn1.BER.SEQUENCE, length);
        version.encodeBER(out);
        community.encodeBER(out);
        pdu.encodeBER(out);
        message = buf.array();

        dispatcher = new MessageDispatcherImpl();
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addCommandResponder(this::onPdu);
        transport = new DefaultUdpTransportMapping(new UdpAddress("127.0.0.1/0"));
        from = new UdpAddress("127.0.0.1/161");
        Decoded check = decodeMessage();
        if (check.readings().size() != VARBINDS - 1 - INTERFACES || check.skipped() != 0) {
            throw new IllegalStateException("decoded " + check.readings().size() + " readings, skipped " + check.skipped());
        }
        System.out.println("message: " + message.length + " bytes, " + VARBINDS + " varbinds, "
                + check.readings().size() + " readings");
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        transport.close();
    }

    private void onPdu(CommandResponderEvent<?> e) {
        received = e.getPDU();
        e.setProcessed(true);
    }

    /** Message bytes -> SNMP4J PDU (dispatcher + MPv2c), as the client's listener receives it. */
    @Benchmark
    public PDU messageOnly() {
        return dispatch();
    }

    /** Message bytes -> PDU -> the poller's Decoder: readings (+ sysUpTime, discontinuity times). */
    @Benchmark
    public Decoded messageAndDecoder() {
        return decodeMessage();
    }

    private PDU dispatch() {
        received = null;
        dispatcher.processMessage(transport, from, ByteBuffer.wrap(message),
                new TransportStateReference(transport, from, null, SecurityLevel.undefined, SecurityLevel.undefined,
                        false, null));
        if (received == null) {
            throw new IllegalStateException("dispatcher did not deliver the PDU");
        }
        return received;
    }

    private Decoded decodeMessage() {
        PDU pdu = dispatch();
        return Decoder.decode(plan, new ArrayList<>(pdu.getVariableBindings()), at);
    }

    private static Variable valueFor(OID oid, long k) {
        String s = oid.toDottedString();
        if (s.equals("1.3.6.1.2.1.1.3.0") || s.startsWith("1.3.6.1.2.1.31.1.1.1.19.")) {
            return new TimeTicks(123_456 + k);
        }
        if (s.startsWith("1.3.6.1.2.1.31.1.1.1.")) {
            return new Counter64(987_654_321_012L * k);
        }
        if (s.startsWith("1.3.6.1.2.1.2.2.1.7.") || s.startsWith("1.3.6.1.2.1.2.2.1.8.")) {
            return new Integer32(1);
        }
        return new Counter32(17L * k);
    }

    /** What discovery would have walked on such a device: system, ifTable and ifXTable columns. */
    private static List<VariableBinding> walk() {
        List<VariableBinding> w = new ArrayList<>();
        w.add(new VariableBinding(new OID("1.3.6.1.2.1.1.1.0"), new OctetString("Linux bench 6.1")));
        w.add(new VariableBinding(new OID("1.3.6.1.2.1.1.2.0"), new OID("1.3.6.1.4.1.8072.3.2.10")));
        w.add(new VariableBinding(new OID("1.3.6.1.2.1.1.3.0"), new TimeTicks(123_456)));
        w.add(new VariableBinding(new OID("1.3.6.1.2.1.1.5.0"), new OctetString("bench-dev")));
        int[] ifTableColumns = {2, 3, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20};
        for (int col : ifTableColumns) {
            for (int i = 1; i <= INTERFACES; i++) {
                OID oid = new OID("1.3.6.1.2.1.2.2.1." + col + "." + i);
                Variable v = switch (col) {
                    case 2 -> new OctetString("eth" + i);
                    case 3 -> new Integer32(6);
                    case 5 -> new Gauge32(1_000_000_000L);
                    case 7, 8 -> new Integer32(1);
                    default -> new Counter32(i);
                };
                w.add(new VariableBinding(oid, v));
            }
        }
        int[] ifXColumns = {1, 6, 7, 10, 11, 15, 19};
        for (int col : ifXColumns) {
            for (int i = 1; i <= INTERFACES; i++) {
                OID oid = new OID("1.3.6.1.2.1.31.1.1.1." + col + "." + i);
                Variable v = switch (col) {
                    case 1 -> new OctetString("eth" + i);
                    case 15 -> new Gauge32(1000);
                    case 19 -> new TimeTicks(0);
                    default -> new Counter64(i);
                };
                w.add(new VariableBinding(oid, v));
            }
        }
        return w;
    }
}
