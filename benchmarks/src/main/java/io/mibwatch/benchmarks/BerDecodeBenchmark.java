package io.mibwatch.benchmarks;

import java.io.IOException;
import java.nio.ByteBuffer;
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
import org.openjdk.jmh.annotations.Warmup;
import org.snmp4j.PDU;
import org.snmp4j.asn1.BERInputStream;
import org.snmp4j.asn1.BEROutputStream;
import org.snmp4j.smi.Counter32;
import org.snmp4j.smi.Counter64;
import org.snmp4j.smi.Integer32;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.VariableBinding;

/**
 * BER decode of a GETBULK response PDU with {@value #VARBINDS} varbinds (a per-varbind cost of the poll path), with
 * SNMP4J's {@link PDU#decodeBER}, no socket and no SnmpClient: the bytes are the Response-PDU
 * (RFC 3416 section 3, BER per X.690) of an ifXTable/ifTable walk: per interface ifHCInOctets,
 * ifHCOutOctets (Counter64), ifInErrors, ifOutErrors (Counter32) and ifOperStatus (INTEGER),
 * 20 interfaces. The score is per response; divide by {@value #VARBINDS} for per varbind.
 *
 * <p>Run (from the repository root):
 * <pre>
 * mvn -B -Pbenchmarks -DskipTests package -pl benchmarks -am
 * java -jar benchmarks/target/benchmarks.jar BerDecodeBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class BerDecodeBenchmark {

    static final int VARBINDS = 100;
    static final int INTERFACES = VARBINDS / 5;

    private byte[] encoded;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        PDU pdu = new PDU();
        pdu.setType(PDU.RESPONSE);
        pdu.setRequestID(new Integer32(123_456_789));
        for (int f = 1; f <= INTERFACES; f++) {
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.31.1.1.1.6." + f), new Counter64(987_654_321_012L * f)));
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.31.1.1.1.10." + f), new Counter64(123_456_789_012L * f)));
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.14." + f), new Counter32(17L * f)));
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.20." + f), new Counter32(3L * f)));
            pdu.add(new VariableBinding(new OID("1.3.6.1.2.1.2.2.1.8." + f), new Integer32(1)));
        }
        ByteBuffer buf = ByteBuffer.allocate(pdu.getBERLength());
        pdu.encodeBER(new BEROutputStream(buf));
        encoded = buf.array();
        PDU check = decode();
        if (check.size() != VARBINDS || check.getType() != PDU.RESPONSE) {
            throw new IllegalStateException("decoded " + check.size() + " varbinds of type " + check.getType()
                    + ", expected " + VARBINDS + " of a Response");
        }
        System.out.println("Response-PDU: " + encoded.length + " bytes, " + VARBINDS + " varbinds");
    }

    @Benchmark
    public PDU decodeGetBulkResponse() throws IOException {
        return decode();
    }

    private PDU decode() throws IOException {
        PDU pdu = new PDU();
        pdu.decodeBER(new BERInputStream(ByteBuffer.wrap(encoded)));
        return pdu;
    }
}
