package io.mibwatch.poller.snmp;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import io.mibwatch.poller.snmp.Replies.Answer;
import io.mibwatch.poller.snmp.Replies.Failed;
import io.mibwatch.poller.snmp.Replies.Reply;
import org.snmp4j.AbstractTarget;
import org.snmp4j.CommunityTarget;
import org.snmp4j.MessageDispatcherImpl;
import org.snmp4j.PDU;
import org.snmp4j.SNMP4JSettings;
import org.snmp4j.UserTarget;
import org.snmp4j.event.ResponseEvent;
import org.snmp4j.event.ResponseListener;
import org.snmp4j.mp.MPv1;
import org.snmp4j.mp.MPv2c;
import org.snmp4j.mp.SnmpConstants;
import org.snmp4j.security.SecurityLevel;
import org.snmp4j.security.SecurityModel;
import org.snmp4j.smi.Address;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;
import org.snmp4j.smi.VariableBinding;
import org.snmp4j.transport.DefaultUdpTransportMapping;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one place mibwatch talks SNMP: GET and subtree walks over SNMPv1, v2c and v3 (USM),
 * asynchronous, for any number of agents through <em>one</em> SNMP4J {@link org.snmp4j.Snmp} session and
 * <em>one</em> UDP socket.
 *
 * <h2>Why this shape</h2>
 * <ul>
 *   <li>No thread per device: requests go out with SNMP4J's asynchronous send and complete from
 *       its response/timer threads; callbacks only classify and send the next PDU, they never block.
 *       A dead agent therefore costs a pending entry, not a thread, and does not delay live ones.</li>
 *   <li>Futures always complete normally with an {@link SnmpOutcome}; every exception, including a
 *       bug in this class, becomes a {@link PollFailure} (cause {@code IO}) naming {@code host:port}.</li>
 *   <li>At most {@link AgentTarget#maxOutstanding()} requests are in flight per {@code host:port}; the
 *       rest queue without blocking ({@link OutstandingGate}).</li>
 * </ul>
 *
 * <h2>Protocol behaviour</h2>
 * <ul>
 *   <li>Walks use GETBULK with {@code maxRepetitions} (v2c/v3, RFC 3416 section 4.2.3) or GETNEXT
 *       (v1, or {@code bulk=false}). A walk ends at endOfMibView, at a noSuchObject/noSuchInstance
 *       value, at the first OID outside the subtree, and in v1 at error-status noSuchName (RFC 1157
 *       section 4.1.3; RFC 3584 section 4.4). An answer whose last OID does not increase past
 *       the OID asked for (RFC 3416 section 4.2.2 requires lexicographic successors) fails the walk
 *       with {@code DECODE} instead of looping; order inside one answer is not policed (as net-snmp).</li>
 *   <li>tooBig (RFC 3416 section 4.2.1/4.2.3): a GETBULK is retried with half the max-repetitions
 *       (down to 1), a GET of several OIDs is split in halves whose answers are merged in order; a
 *       single varbind that is still too big is an {@code ERROR_STATUS} failure.</li>
 *   <li>SNMPv3: the USM user is registered per request target; SNMP4J discovers the agent's
 *       engine ID and time (RFC 3414 section 4) and re-synchronises after agent restarts. Auth:
 *       MD5, SHA-1 (RFC 3414), SHA-224/256/384/512 (RFC 7860). Priv: DES (RFC 3414), AES-128
 *       (RFC 3826), AES-192/256 with the key extension of draft-blumenthal-aes-usm-04 as net-snmp
 *       implements it (SNMP4J {@code PrivAES192/PrivAES256}). USM Report PDUs
 *       (usmStatsWrongDigests, ...UnknownUserNames, ...DecryptionErrors, ...UnsupportedSecLevels)
 *       become {@code AUTH} failures, so a wrong pass phrase reads as such and not as a timeout.</li>
 *   <li>An answer SNMP4J cannot decode (garbage, truncated BER, bad lengths, an integer wider than
 *       its type; X.690 section 8) is dropped before it is matched to a request. When one came from
 *       the request's own address and port while the request was outstanding, the request fails with
 *       {@code DECODE} and SNMP4J's parse error instead of {@code TIMEOUT} (see {@link UndecodableAnswers}).</li>
 *   <li>Request-ids are unpredictable ({@link RequestIds}) and an answer is matched to its request on
 *       the request's address, port and request-id ({@link MatchingSnmp}); others are dropped and
 *       counted ({@link #strayAnswers()}, {@link #unmatchedAnswers()}).</li>
 * </ul>
 *
 * <h2>Limits</h2>
 * The USM keeps one entry per (agent engine ID, user name). Two configured credential sets that use
 * the same user name with different pass phrases for the same agent replace each other's entry;
 * before an agent's engine ID is known the entry is shared by all agents not yet contacted.
 * That only matters for contradictory configurations, which fail with {@code AUTH} either way.
 */
public final class SnmpClient implements SnmpTransport, AutoCloseable {

    private final Clock clock;
    private final MatchingSnmp snmp;
    private final UsmUsers usm = new UsmUsers();
    /** Answers SNMP4J dropped as undecodable, by source, so their requests fail with DECODE, not TIMEOUT. */
    private final UndecodableAnswers undecodable = new UndecodableAnswers();
    private final HostLookup hosts;
    private final LongAdder tooBigAnswers = new LongAdder();
    private final ConcurrentMap<String, OutstandingGate> gates = new ConcurrentHashMap<>();
    /** Bounds the requests in flight over all agents; entered after the agent's own gate. */
    private final OutstandingGate allAgents = new OutstandingGate();
    private final int maxInFlight;
    /** Exchanges sent and not yet answered, so {@link #close()} can complete them (SNMP4J does not). */
    private final ConcurrentMap<CompletableFuture<Reply>, AgentTarget> inFlight = new ConcurrentHashMap<>();
    private volatile boolean closed;

    /**
     * Opens the UDP socket (any local port, all interfaces) and starts listening.
     *
     * @param clock stamps {@link SnmpResponse#at()} and measures {@link SnmpResponse#elapsed()}
     * @throws IOException when the socket cannot be opened
     */
    public SnmpClient(Clock clock) throws IOException {
        this(clock, 0, InetAddress::getByName);
    }

    /**
     * Requests in flight over all agents together (besides each agent's own max_outstanding).
     * All answers arrive on one UDP socket, whose receive buffer is what Linux gives by default
     * (net.core.rmem_default, 208 KiB): a fleet polled at once (10,000 devices in the burst
     * benchmark, benchmarks/fleet/BurstRun) sent every request together, the answers overflowed
     * the buffer, the kernel dropped them and 96 % of the devices timed out. 128 answers of a 100-varbind GET
     * (about 3.5 KB each, one GET per device once the agent's tooBig limit is known) need
     * 450 KB: see {@link #RECEIVE_BUFFER}. On loopback or a LAN 128 still allow far more than a
     * million varbinds a second.
     */
    static final int DEFAULT_MAX_IN_FLIGHT = 128;

    /**
     * Receive buffer asked for the one UDP socket all answers arrive on. Linux grants at most
     * net.core.rmem_max (twice that, for its bookkeeping): 4 MiB where an admin raised it,
     * 416 KiB on a stock Debian kernel, double the 208 KiB default either way. With the default,
     * answers that arrived while the pipeline was busy (the first cycle after discovery, still
     * compiling) overflowed it: 50 of 10,000 devices timed out in the burst benchmark.
     */
    static final int RECEIVE_BUFFER = 4 << 20;

    /**
     * As {@link #SnmpClient(Clock)}, with the largest message this side accepts. SNMPv3 announces
     * it to agents as msgMaxSize (RFC 3412 section 6.1), which bounds their responses; 0 keeps
     * SNMP4J's default (65535). Tests use a small value to make a real agent answer tooBig.
     * {@code resolver} turns host names into addresses (the system resolver in production; tests
     * must not send DNS queries off the machine).
     */
    SnmpClient(Clock clock, int maxInboundMessageSize, HostResolver resolver) throws IOException {
        this(clock, maxInboundMessageSize, resolver, DEFAULT_MAX_IN_FLIGHT);
    }

    /** As above, with the bound on requests in flight over all agents ({@link #DEFAULT_MAX_IN_FLIGHT}). */
    SnmpClient(Clock clock, int maxInboundMessageSize, HostResolver resolver, int maxInFlight) throws IOException {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + maxInFlight);
        }
        this.maxInFlight = maxInFlight;
        this.clock = Objects.requireNonNull(clock, "clock");
        // RFC 3414 section 3.2 sends usmStatsWrongDigests/UnknownUserNames/DecryptionErrors/
        // UnsupportedSecLevels reports at noAuthNoPriv (the agent cannot authenticate to a user whose
        // key does not match). SNMP4J's default strategy drops such reports for authenticated requests,
        // which turns a wrong pass phrase into a timeout. Accepting them lets us tell AUTH from TIMEOUT;
        // the risk, a forged report failing one poll, is no more than what dropping packets achieves.
        // (JVM-wide setting: SnmpClient is the only SNMP4J command generator in mibwatch.)
        SNMP4JSettings.setReportSecurityLevelStrategy(SNMP4JSettings.ReportSecurityLevelStrategy.noAuthNoPrivIfNeeded);
        // SNMP4J drops a message it cannot parse before matching it to a request (the request then
        // times out); this dispatcher tells us who sent it and why.
        MessageDispatcherImpl dispatcher = new ParseErrorDispatcher(undecodable, new RequestIds(new SecureRandom()));
        dispatcher.addMessageProcessingModel(new MPv1());
        dispatcher.addMessageProcessingModel(new MPv2c());
        dispatcher.addMessageProcessingModel(usm.messageProcessing());
        DefaultUdpTransportMapping transport = new DefaultUdpTransportMapping();
        transport.setReceiveBufferSize(RECEIVE_BUFFER);
        if (maxInboundMessageSize > 0) {
            transport.setMaxInboundMessageSize(maxInboundMessageSize);
        }
        // answers are matched on the request's address and port as well as its request-id
        this.snmp = new MatchingSnmp(dispatcher, transport, clock);
        // Host names resolve off the caller's thread (see HostLookup).
        this.hosts = new HostLookup(resolver);
        snmp.listen();
    }

    /**
     * GET of {@code oids} (RFC 3416 section 4.2.1). The response has one varbind per OID in the same
     * order; in v2c/v3 a missing object comes back as a noSuchObject/noSuchInstance value, in v1 the
     * agent fails the whole request with noSuchName ({@code ERROR_STATUS}).
     */
    @Override
    public CompletableFuture<SnmpOutcome> get(AgentTarget t, List<OID> oids) {
        return guarded(t, () -> {
            List<OID> list = List.copyOf(oids);
            if (list.isEmpty()) {
                return done(Replies.io(t, "GET of no OIDs (caller error)"));
            }
            return withAddress(t, addr -> getChunked(t, addr, list));
        });
    }

    /**
     * Varbinds asked in one GET until the agent says otherwise. One request per device and cycle
     * (a 100-varbind answer is ~3.5 kB) instead of one per 40 OIDs: in the fleet benchmark every
     * request cost the daemon a Quartz-side send, a datagram each way and a decode (~15 % of its
     * CPU at three requests per device). Agents with small message buffers (Cisco IOS answers at
     * most 1,500 bytes by default) answer tooBig; the request is halved and the agent's limit
     * remembered, so that happens once per agent and not every cycle.
     */
    static final int MAX_GET_VARBINDS = 128;

    /** Per agent ({@code host:port}): the most varbinds one GET may ask, lowered by tooBig answers. */
    private final ConcurrentMap<String, AtomicInteger> getLimits = new ConcurrentHashMap<>();

    /** The number of varbinds one GET to {@code t} asks at most now (learned from tooBig answers). */
    public int getLimit(AgentTarget t) {
        AtomicInteger limit = getLimits.get(t.where());
        return limit == null ? MAX_GET_VARBINDS : limit.get();
    }

    private CompletableFuture<SnmpOutcome> getChunked(AgentTarget t, UdpAddress addr, List<OID> oids) {
        int limit = getLimit(t);
        if (oids.size() <= limit) {
            return getSplit(t, addr, oids);
        }
        CompletableFuture<SnmpOutcome> all = null;
        for (int i = 0; i < oids.size(); i += limit) {
            CompletableFuture<SnmpOutcome> part = getSplit(t, addr, oids.subList(i, Math.min(oids.size(), i + limit)));
            all = all == null ? part : all.thenCombine(part, SnmpClient::merge);
        }
        return all;
    }

    /** The whole subtree under {@code root}, in OID order (root itself is not part of it). */
    public CompletableFuture<SnmpOutcome> walk(AgentTarget t, OID root) {
        return walk(t, List.of(root));
    }

    /**
     * Several subtrees, concatenated in the order of {@code roots}. The walks run side by side
     * (still within the target's outstanding limit); the first failure in root order is the outcome.
     */
    @Override
    public CompletableFuture<SnmpOutcome> walk(AgentTarget t, List<OID> roots) {
        return guarded(t, () -> {
            List<OID> list = List.copyOf(roots);
            return withAddress(t, addr -> new MultiWalk(t, list,
                    root -> new Walk(t, addr, root, this::exchange, tooBigAnswers).start()).start());
        });
    }

    /**
     * Closes the socket. Every operation still under way completes with an {@code IO} failure:
     * requests in flight at once (SNMP4J forgets their listeners on close, so this class completes
     * them), queued ones as the queue drains, host name lookups when they return.
     */
    @Override
    public void close() {
        closed = true;
        try {
            snmp.close();
        } catch (IOException e) {
            // nothing to do: the socket is gone either way
        } finally {
            hosts.close(); // lookups under way finish and then see the client closed
            inFlight.forEach((f, t) -> f.complete(new Failed(Replies.io(t, "SNMP client closed before the agent answered"))));
        }
    }

    /**
     * Answers dropped since the socket opened because they carried an outstanding request's
     * request-id but came from another address or port than the request's target (or with another
     * SNMP version or community): stray or forged. The request stays outstanding.
     */
    public long strayAnswers() {
        return snmp.strayAnswers();
    }

    /** Answers dropped because no request with their request-id was outstanding (late, duplicated or forged). */
    public long unmatchedAnswers() {
        return snmp.unmatchedAnswers();
    }

    /** How many tooBig answers this client has worked around or reported (for tests and diagnostics). */
    long tooBigAnswers() {
        return tooBigAnswers.sum();
    }

    // ---------------------------------------------------------------- GET

    private CompletableFuture<SnmpOutcome> getSplit(AgentTarget t, UdpAddress addr, List<OID> oids) {
        PDU pdu = RequestPdu.of(t, PDU.GET);
        for (OID oid : oids) {
            pdu.add(new VariableBinding(oid));
        }
        return exchange(t, addr, pdu, null).thenCompose(reply -> {
            if (reply instanceof Failed f) {
                return done(f.failure());
            }
            PDU r = ((Answer) reply).pdu();
            if (r.getErrorStatus() == PDU.tooBig) {
                tooBigAnswers.increment();
            }
            if (r.getErrorStatus() == PDU.tooBig && oids.size() > 1) {
                // RFC 3416 4.2.1: the agent could not fit the answer in one message; ask in halves
                int half = oids.size() / 2;
                getLimits.computeIfAbsent(t.where(), k -> new AtomicInteger(MAX_GET_VARBINDS))
                        .accumulateAndGet(half, Math::min);
                CompletableFuture<SnmpOutcome> a = getSplit(t, addr, oids.subList(0, half));
                CompletableFuture<SnmpOutcome> b = getSplit(t, addr, oids.subList(half, oids.size()));
                return a.thenCombine(b, SnmpClient::merge);
            }
            if (r.getErrorStatus() != PDU.noError) {
                return done(Replies.errorStatus(t, pdu, r));
            }
            if (r.size() != oids.size()) {
                return done(new PollFailure(Cause.DECODE, t.where() + ": GET of " + oids.size()
                        + " OID(s) answered with " + r.size() + " varbind(s)"));
            }
            return done(new SnmpResponse(new ArrayList<VariableBinding>(r.getVariableBindings()), Instant.EPOCH, Duration.ZERO));
        });
    }

    private static SnmpOutcome merge(SnmpOutcome a, SnmpOutcome b) {
        if (a instanceof PollFailure) {
            return a;
        }
        if (b instanceof PollFailure) {
            return b;
        }
        List<VariableBinding> all = new ArrayList<>(((SnmpResponse) a).varbinds());
        all.addAll(((SnmpResponse) b).varbinds());
        return new SnmpResponse(all, Instant.EPOCH, Duration.ZERO);
    }

    // ---------------------------------------------------------------- walk

    // ---------------------------------------------------------------- one exchange

    /**
     * Sends {@code pdu} once a slot of the agent's gate is free and completes the returned future
     * with the classified reply. {@code then}, when given, is attached before anything is sent.
     */
    private CompletableFuture<Reply> exchange(AgentTarget t, UdpAddress addr, PDU pdu, Consumer<Reply> then) {
        CompletableFuture<Reply> f = new CompletableFuture<>();
        if (then != null) {
            f.thenAccept(then);
        }
        OutstandingGate gate = gates.computeIfAbsent(t.where(), k -> new OutstandingGate());
        gate.submit(t.maxOutstanding(), () -> allAgents.submit(maxInFlight, () -> {
            f.whenComplete((r, e) -> {
                inFlight.remove(f);
                allAgents.release();
                gate.release();
            });
            inFlight.put(f, t); // before the closed check: close() either sees it here or we see closed
            UndecodableAnswers.Mark mark = null;
            try {
                if (closed) {
                    f.complete(new Failed(Replies.io(t, "SNMP client is closed")));
                    return;
                }
                mark = undecodable.begin(addr);
                UndecodableAnswers.Mark sent = mark;
                snmp.send(pdu, snmpTarget(t, addr), null, new ResponseListener() {
                    @Override
                    public <A extends Address> void onResponse(ResponseEvent<A> event) {
                        try {
                            Optional<String> garbled = undecodable.end(sent);
                            // async requests stay registered in SNMP4J until cancelled
                            snmp.cancel(event.getRequest(), this);
                            Reply reply = Replies.classify(t, event);
                            if (reply instanceof Failed failed && failed.failure().cause() == Cause.TIMEOUT) {
                                if (t.version() == SnmpVersion.V3) {
                                    usm.forgetEngine(addr);
                                }
                                if (garbled.isPresent()) {
                                    // the agent did answer: what it sent is the problem, not reachability
                                    reply = new Failed(Replies.undecodable(t, garbled.get()));
                                }
                            }
                            f.complete(reply);
                        } catch (RuntimeException | Error e) {
                            f.complete(new Failed(Replies.internal(t, e)));
                        }
                    }
                });
            } catch (IOException e) {
                endWatch(mark);
                f.complete(new Failed(Replies.io(t, "send failed: " + Replies.describe(e))));
            } catch (RuntimeException | Error e) {
                endWatch(mark);
                f.complete(new Failed(Replies.internal(t, e)));
            }
        }));
        return f;
    }

    /** A request that was never sent stops watching its address for undecodable answers. */
    private void endWatch(UndecodableAnswers.Mark mark) {
        if (mark != null) {
            undecodable.end(mark);
        }
    }

    private AbstractTarget<UdpAddress> snmpTarget(AgentTarget t, UdpAddress addr) {
        AbstractTarget<UdpAddress> target;
        if (t.credentials() instanceof Credentials.Usm u) {
            usm.register(u, addr);
            UserTarget<UdpAddress> ut = new UserTarget<>();
            ut.setSecurityModel(SecurityModel.SECURITY_MODEL_USM);
            ut.setSecurityName(new OctetString(u.user()));
            ut.setSecurityLevel(u.auth() == null ? SecurityLevel.NOAUTH_NOPRIV
                    : u.priv() == null ? SecurityLevel.AUTH_NOPRIV : SecurityLevel.AUTH_PRIV);
            target = ut;
        } else {
            CommunityTarget<UdpAddress> ct = new CommunityTarget<>();
            ct.setCommunity(new OctetString(((Credentials.Community) t.credentials()).community().reveal()));
            target = ct;
        }
        target.setAddress(addr);
        target.setVersion(switch (t.version()) {
            case V1 -> SnmpConstants.version1;
            case V2C -> SnmpConstants.version2c;
            case V3 -> SnmpConstants.version3;
        });
        target.setTimeout(t.timeout().toMillis());
        target.setRetries(t.retries());
        return target;
    }

    // ---------------------------------------------------------------- plumbing

    /** Resolves the host (off-thread unless it is an IPv4/IPv6 literal), then runs {@code op}. */
    private CompletableFuture<SnmpOutcome> withAddress(AgentTarget t,
                                                       Function<UdpAddress, CompletableFuture<SnmpOutcome>> op) {
        PollFailure invalid = UsmUsers.check(t);
        if (invalid != null) {
            return done(invalid);
        }
        String host = t.host();
        CompletableFuture<InetAddress> ip;
        try {
            ip = hosts.lookup(host);
        } catch (RejectedExecutionException e) { // closed meanwhile
            return done(Replies.io(t, "SNMP client is closed"));
        }
        return ip.handle((address, error) -> {
            if (error == null) {
                return op.apply(new UdpAddress(address, t.port()));
            }
            Throwable cause = unwrap(error);
            if (cause instanceof UnknownHostException) {
                return done(new PollFailure(Cause.UNKNOWN_HOST, t.where() + ": unknown host '" + host + "'"));
            }
            return done(Replies.internal(t, cause));
        }).thenCompose(Function.identity());
    }

    /**
     * Runs {@code body}, maps anything exceptional (a bug included) to an IO failure, and stamps
     * successful responses. Only a null target is thrown at once: without it there is no
     * {@code host:port} to report.
     */
    private CompletableFuture<SnmpOutcome> guarded(AgentTarget t, Supplier<CompletableFuture<SnmpOutcome>> body) {
        Objects.requireNonNull(t, "target");
        Instant start;
        CompletableFuture<SnmpOutcome> inner;
        try {
            start = clock.instant();
            inner = closed ? done(Replies.io(t, "SNMP client is closed")) : body.get();
        } catch (RuntimeException | Error e) {
            return done(Replies.internal(t, e));
        }
        return inner.handle((outcome, error) -> {
            try {
                if (error != null) {
                    return Replies.internal(t, unwrap(error));
                }
                if (outcome instanceof SnmpResponse r) {
                    Instant now = clock.instant();
                    return new SnmpResponse(r.varbinds(), now, Duration.between(start, now));
                }
                return outcome;
            } catch (RuntimeException | Error e) {
                return Replies.internal(t, e);
            }
        });
    }

    private static CompletableFuture<SnmpOutcome> done(SnmpOutcome o) {
        return CompletableFuture.completedFuture(o);
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }
}
