package io.mibwatch.simulator.agent;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's SNMP agent: every device on its own UDP port on a loopback address (first port,
 * first port + 1, ... in the order given), and - like snmpsim - every device also on the first port
 * under the community that is its name. A device port answers to the configured community
 * ({@code public} by default) and to the device's name.
 *
 * <p>One {@link DatagramChannel} per port, multiplexed by {@link Selector}s on a few I/O threads
 * (device k on thread k mod n): 10,000 devices cost 10,000 sockets, not 10,000 threads. v1/v2c
 * requests are decoded and answered in place ({@link V2cRequest}, {@link Responder}); v3 goes through
 * SNMP4J ({@link V3Gateway}) when a {@link V3User} is configured. Malformed datagrams are counted
 * and dropped, never answered.
 *
 * <p>Message size: v1/v2c requests do not state the largest response the manager accepts, so the
 * agent's own limit applies, by default 65507 bytes, the largest UDP/IPv4 payload (RFC 3417 section
 * 3.2 only demands at least 484; on loopback nothing fragments). v3 uses the smaller of that and the
 * request's msgMaxSize (RFC 3412 section 7.1). See {@link Responder} for tooBig and GETBULK cuts.
 */
public final class SnmpSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SnmpSimulator.class);

    /** One simulated device: its name (community on the first port) and what it answers. */
    public record Device(String name, DeviceView view) {
        public Device {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(view, "view");
        }
    }

    /** Where a device listens. */
    public record Endpoint(String device, InetSocketAddress address) {
    }

    /**
     * Counters since start.
     *
     * @param received    datagrams received
     * @param answered    responses sent (including delayed ones when they leave)
     * @param varbinds    varbinds in the responses sent
     * @param malformed   datagrams that are not a decodable SNMP request (dropped)
     * @param badCommunity v1/v2c requests with a community no device answers to (dropped, as snmpd does)
     * @param unanswered  decodable requests not answered: unsupported PDU types, unknown v3 context, v3 without a user
     * @param faulted     requests a {@link ProtocolFault} other than NONE applied to
     */
    public record Stats(long received, long answered, long varbinds, long malformed, long badCommunity,
                        long unanswered, long faulted) {
    }

    private final List<Device> devices;
    private final InetSocketAddress listen;
    private final SimClock clock;
    private final FaultPolicy faults;
    private final byte[] community;
    private final int maxMessageSize;
    private final V3User v3User;
    private final int ioThreads;

    private final Map<String, Device> byName = new HashMap<>();
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final List<Loop> loops = new ArrayList<>();
    private V3Gateway v3;

    private final LongAdder received = new LongAdder();
    private final LongAdder answered = new LongAdder();
    private final LongAdder varbinds = new LongAdder();
    private final LongAdder malformed = new LongAdder();
    private final LongAdder badCommunity = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder faulted = new LongAdder();

    private SnmpSimulator(Builder b) {
        this.devices = List.copyOf(b.devices);
        this.listen = b.listen;
        this.clock = b.clock;
        this.faults = b.faults;
        this.community = b.community.getBytes(StandardCharsets.ISO_8859_1);
        this.maxMessageSize = b.maxMessageSize;
        this.v3User = b.v3User;
        this.ioThreads = b.ioThreads;
        for (Device d : devices) {
            if (byName.putIfAbsent(d.name(), d) != null) {
                throw new IllegalArgumentException("two devices named " + d.name());
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Configuration; {@link #start()} binds the ports. */
    public static final class Builder {
        private final List<Device> devices = new ArrayList<>();
        private InetSocketAddress listen = new InetSocketAddress(InetAddress.getLoopbackAddress(), 20000);
        private SimClock clock;
        private FaultPolicy faults = FaultPolicy.NONE;
        private String community = "public";
        private int maxMessageSize = 65507;
        private V3User v3User;
        private int ioThreads = 1;

        public Builder device(String name, DeviceView view) {
            devices.add(new Device(name, view));
            return this;
        }

        public Builder devices(List<Device> list) {
            devices.addAll(list);
            return this;
        }

        /**
         * The first device's address; device k gets port + k. Port 0: every device gets a free
         * ephemeral port (tests). Only loopback addresses: the simulator is a test fixture and must
         * not be reachable from the network.
         */
        public Builder listen(InetSocketAddress first) {
            if (first.isUnresolved() || !first.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException("simulator listen address must be a loopback address (127.0.0.0/8 or ::1), got "
                        + first.getHostString() + ":" + first.getPort());
            }
            this.listen = first;
            return this;
        }

        public Builder clock(SimClock c) {
            this.clock = Objects.requireNonNull(c);
            return this;
        }

        public Builder faults(FaultPolicy f) {
            this.faults = Objects.requireNonNull(f);
            return this;
        }

        /** Community every device port answers to besides the device name; default {@code public}. */
        public Builder community(String c) {
            this.community = Objects.requireNonNull(c);
            return this;
        }

        /** Largest response message in bytes, 484..65507; default 65507. */
        public Builder maxMessageSize(int size) {
            if (size < 484 || size > 65507) throw new IllegalArgumentException("max message size must be 484..65507, got " + size);
            this.maxMessageSize = size;
            return this;
        }

        public Builder v3User(V3User user) {
            this.v3User = user;
            return this;
        }

        public Builder ioThreads(int n) {
            if (n < 1) throw new IllegalArgumentException("ioThreads must be >= 1, got " + n);
            this.ioThreads = n;
            return this;
        }

        /** Binds every port and starts serving. */
        public SnmpSimulator start() throws IOException {
            if (devices.isEmpty()) throw new IllegalArgumentException("no devices to simulate");
            if (clock == null) throw new IllegalStateException("no SimClock given");
            if (listen.getPort() != 0 && listen.getPort() + devices.size() - 1 > 65535) {
                throw new IllegalArgumentException(devices.size() + " devices from port " + listen.getPort() + " would pass port 65535");
            }
            SnmpSimulator s = new SnmpSimulator(this);
            try {
                s.bind();
            } catch (IOException | RuntimeException e) {
                s.close();
                throw e;
            }
            return s;
        }
    }

    private void bind() throws IOException {
        if (v3User != null) {
            v3 = new V3Gateway(v3User, byName::get);
        }
        for (int t = 0; t < ioThreads; t++) {
            loops.add(new Loop(t));
        }
        for (int k = 0; k < devices.size(); k++) {
            Device d = devices.get(k);
            int port = listen.getPort() == 0 ? 0 : listen.getPort() + k;
            DatagramChannel ch = DatagramChannel.open();
            try {
                ch.setOption(StandardSocketOptions.SO_RCVBUF, k == 0 ? 4 << 20 : 256 << 10);
                ch.bind(new InetSocketAddress(listen.getAddress(), port));
            } catch (IOException e) {
                ch.close();
                throw new IOException("cannot bind device " + d.name() + " to " + listen.getAddress().getHostAddress() + ":" + port
                        + ": " + e.getMessage(), e);
            }
            ch.configureBlocking(false);
            InetSocketAddress bound = (InetSocketAddress) ch.getLocalAddress();
            endpoints.add(new Endpoint(d.name(), bound));
            loops.get(k % ioThreads).add(new Port(ch, d, k == 0));
        }
        for (Loop l : loops) l.start();
        LOG.info("simulating {} device(s) on {} .. port {}", devices.size(), endpoints.get(0).address(),
                endpoints.get(endpoints.size() - 1).address().getPort());
    }

    /** Device name to address, in device order; the first one also serves every device by community. */
    public List<Endpoint> endpoints() {
        return List.copyOf(endpoints);
    }

    public Stats stats() {
        return new Stats(received.sum(), answered.sum(), varbinds.sum(), malformed.sum(), badCommunity.sum(),
                unanswered.sum(), faulted.sum());
    }

    @Override
    public void close() {
        for (Loop l : loops) l.stop();
        for (Loop l : loops) l.await();
    }

    private record Port(DatagramChannel channel, Device device, boolean first) {
    }

    private record Pending(long dueNanos, DatagramChannel channel, ByteBuffer data, SocketAddress to, int vbs) {
    }

    /** One I/O thread: a selector over its ports, a responder, and the delayed answers it owes. */
    private final class Loop implements Runnable {
        private final Selector selector;
        private final Thread thread;
        private final List<Port> ports = new ArrayList<>();
        private final V2cRequest request = new V2cRequest();
        private final Responder responder = new Responder();
        private final ByteBuffer in = ByteBuffer.allocateDirect(65536);
        private final byte[] inBytes = new byte[65536];
        private final PriorityQueue<Pending> delayed = new PriorityQueue<>((a, b) -> Long.compare(a.dueNanos(), b.dueNanos()));
        private final CountDownLatch done = new CountDownLatch(1);
        private volatile boolean running = true;

        Loop(int n) throws IOException {
            selector = Selector.open();
            thread = new Thread(this, "mibwatch-sim-io-" + n);
            thread.setDaemon(true);
        }

        void add(Port p) throws IOException {
            p.channel().register(selector, SelectionKey.OP_READ, p);
            ports.add(p);
        }

        void start() {
            thread.start();
        }

        void stop() {
            running = false;
            selector.wakeup();
        }

        void await() {
            if (thread.isAlive() && Thread.currentThread() != thread) {
                try {
                    done.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            closeAll();
        }

        private void closeAll() {
            for (Port p : ports) {
                try {
                    p.channel().close();
                } catch (IOException e) {
                    LOG.debug("closing {}", p.device().name(), e);
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                LOG.debug("closing selector", e);
            }
        }

        @Override
        public void run() {
            try {
                while (running) {
                    long timeoutMs = 0;
                    if (!delayed.isEmpty()) {
                        // real (wall) time for answers the Delay fault holds back; System.nanoTime is monotonic
                        timeoutMs = Math.max(1, (delayed.peek().dueNanos() - System.nanoTime()) / 1_000_000);
                    }
                    selector.select(timeoutMs);
                    Iterator<SelectionKey> it = selector.selectedKeys().iterator();
                    while (it.hasNext()) {
                        SelectionKey key = it.next();
                        it.remove();
                        if (key.isValid() && key.isReadable()) drain((Port) key.attachment());
                    }
                    sendDue();
                }
            } catch (ClosedSelectorException e) {
                // closed while stopping
            } catch (IOException e) {
                LOG.error("simulator I/O thread {} failed", thread.getName(), e);
            } catch (RuntimeException | Error e) {
                LOG.error("simulator I/O thread {} died", thread.getName(), e);
            } finally {
                done.countDown();
            }
        }

        private void drain(Port port) {
            for (int i = 0; i < 64; i++) {
                in.clear();
                SocketAddress from;
                try {
                    from = port.channel().receive(in);
                } catch (IOException e) {
                    LOG.debug("receive on {}", port.device().name(), e);
                    return;
                }
                if (from == null) return;
                in.flip();
                int len = in.remaining();
                in.get(inBytes, 0, len);
                received.increment();
                try {
                    handle(port, len, (InetSocketAddress) from);
                } catch (RuntimeException e) {
                    // never let one datagram stop the agent
                    malformed.increment();
                    LOG.debug("request from {} to {} failed", from, port.device().name(), e);
                }
            }
        }

        private void handle(Port port, int len, InetSocketAddress from) {
            int version = V2cRequest.peekVersion(inBytes, len);
            if (version == V2cRequest.VERSION_3) {
                handleV3(port, len, from);
                return;
            }
            if (!request.decode(inBytes, len)) {
                malformed.increment();
                return;
            }
            Device device = route(port);
            if (device == null) {
                badCommunity.increment();
                return;
            }
            Instant now = clock.now();
            ProtocolFault fault = faults.at(device.name(), now);
            if (fault instanceof ProtocolFault.Drop || fault instanceof ProtocolFault.WrongAuth) {
                faulted.increment();
                return;
            }
            if (!responder.respond(request, device.view(), now, maxMessageSize)) {
                unanswered.increment();
                return;
            }
            send(port, responder.out, responder.outStart, responder.outLen, from, fault, responder.served);
        }

        private void handleV3(Port port, int len, InetSocketAddress from) {
            if (v3 == null) {
                unanswered.increment();
                return;
            }
            V3Gateway.Result r = v3.handle(inBytes, len, from, port.device(), port.first(), clock.now());
            if (r.reply() == null) {
                unanswered.increment();
                return;
            }
            ProtocolFault fault = r.device() == null ? ProtocolFault.NONE : faults.at(r.device().name(), clock.now());
            if (fault instanceof ProtocolFault.Drop || fault instanceof ProtocolFault.WrongAuth) {
                faulted.increment();
                return;
            }
            send(port, r.reply(), 0, r.reply().length, from, fault, r.device() == null ? 0 : v3.lastVarbinds());
        }

        /** Community routing: device name on any port's own device, any device's name on the first port. */
        private Device route(Port port) {
            byte[] b = request.buf;
            int off = request.communityOff;
            int len = request.communityLen;
            Device own = port.device();
            if (Arrays.equals(b, off, off + len, community, 0, community.length)) return own;
            if (port.first()) {
                return byName.get(new String(b, off, len, StandardCharsets.ISO_8859_1));
            }
            byte[] name = own.name().getBytes(StandardCharsets.ISO_8859_1);
            return Arrays.equals(b, off, off + len, name, 0, name.length) ? own : null;
        }

        private void send(Port port, byte[] data, int off, int len, InetSocketAddress to, ProtocolFault fault, int vbs) {
            if (!(fault instanceof ProtocolFault.None)) faulted.increment();
            if (fault instanceof ProtocolFault.Garble) {
                data = Arrays.copyOfRange(data, off, off + len);
                off = 0;
                // keep the outer SEQUENCE header, scramble everything after it: a client sees a
                // message it cannot decode (wrong version, tags and lengths), not a plausible answer
                for (int i = 2; i < len; i++) data[i] ^= (byte) 0xA5;
            } else if (fault instanceof ProtocolFault.Truncate) {
                len = len / 2;
            } else if (fault instanceof ProtocolFault.Delay d) {
                ByteBuffer copy = ByteBuffer.wrap(Arrays.copyOfRange(data, off, off + len));
                delayed.add(new Pending(System.nanoTime() + d.delay().toNanos(), port.channel(), copy, to, vbs));
                return;
            }
            transmit(port.channel(), ByteBuffer.wrap(data, off, len), to, vbs);
        }

        private void sendDue() {
            long now = System.nanoTime();
            while (!delayed.isEmpty() && delayed.peek().dueNanos() <= now) {
                Pending p = delayed.poll();
                transmit(p.channel(), p.data(), p.to(), p.vbs());
            }
        }

        private void transmit(DatagramChannel ch, ByteBuffer data, SocketAddress to, int vbs) {
            try {
                if (ch.send(data, to) > 0) {
                    answered.increment();
                    varbinds.add(vbs);
                }
            } catch (IOException e) {
                LOG.debug("send to {} failed", to, e);
            }
        }
    }

    /** A human table of devices and ports, for the CLI. */
    public String endpointTable() {
        StringBuilder sb = new StringBuilder();
        int w = "device".length();
        for (Endpoint e : endpoints) w = Math.max(w, e.device().length());
        sb.append(String.format("%-" + w + "s  %s%n", "device", "address (v1/v2c community: public or the device name)"));
        for (Endpoint e : endpoints) {
            sb.append(String.format("%-" + w + "s  %s:%d%n", e.device(), e.address().getAddress().getHostAddress(), e.address().getPort()));
        }
        return sb.toString();
    }

}
