package io.mibwatch.poller.testing;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Debian net-snmp agent ({@code /usr/sbin/snmpd}) for integration tests, bound to
 * 127.0.0.1 on a free UDP port, with a private configuration and state directory so nothing of
 * the system's snmpd setup is read or written.
 *
 * <pre>{@code
 * try (SnmpdFixture agent = SnmpdFixture.launch()) {
 *     int port = agent.port();            // community "public", v3 users below
 *     agent.stop();  agent.start();       // same port, same engine ID, engine boots + 1
 * }
 * }</pre>
 *
 * How snmpd is run, and why:
 * <ul>
 *   <li>{@code -f} foreground (the process is ours to stop), {@code -Lf <dir>/snmpd.log}.</li>
 *   <li>{@code -C -c <dir>/snmpd.conf}: only our config file, none of /etc/snmp.</li>
 *   <li>{@code -I -smux}: no SMUX sub-agent socket (TCP 199 needs root and is not ours).</li>
 *   <li>{@code -p <dir>/snmpd.pid}; environment {@code SNMP_PERSISTENT_DIR=<dir>/persist} so the
 *       {@code createUser} lines are localized there and not under /var/lib/snmp, {@code MIBS=}
 *       and an empty {@code MIBDIRS} so no MIB files are parsed (the tests use numeric OIDs).</li>
 *   <li>{@code engineID} is fixed in the config, so after {@link #stop()}/{@link #start()} the agent
 *       has the same engine ID (as a rebooted device has). With {@code -C} net-snmp 5.9.3 does not
 *       read its persistent engineBoots back, so boots stay 1 and the engine time restarts at 0;
 *       within the 150 s time window of RFC 3414 section 3.2 step 7 a client accepts that.</li>
 * </ul>
 * Root is fine for snmpd; it needs no {@code -u/-g} to run unprivileged on a port above 1024.
 *
 * <p>Other modules reuse this class through the poller test-jar
 * ({@code io.mibwatch:mibwatch-poller}, type {@code test-jar}, scope {@code test}).
 */
public final class SnmpdFixture implements AutoCloseable {

    public static final String SNMPD = "/usr/sbin/snmpd";
    public static final String HOST = "127.0.0.1";
    public static final String COMMUNITY = "public";

    /** A v3 user the agent knows (net-snmp {@code createUser} + {@code rouser}). */
    public record User(String name, AuthProtocol auth, String authPass, PrivProtocol priv, String privPass) {

        /** The user as mibwatch configuration, credential set named after the user. */
        public Credentials.Usm credentials() {
            return new Credentials.Usm(name, name, auth, auth == null ? null : Secret.of(authPass),
                    priv, priv == null ? null : Secret.of(privPass), "");
        }

        /** Same user name and protocols, another auth pass phrase (for wrong-password tests). */
        public Credentials.Usm withAuthPass(String pass) {
            return new Credentials.Usm(name, name, auth, Secret.of(pass),
                    priv, priv == null ? null : Secret.of(privPass), "");
        }

        /** Same user name and protocols, another privacy pass phrase. */
        public Credentials.Usm withPrivPass(String pass) {
            return new Credentials.Usm(name, name, auth, Secret.of(authPass), priv, Secret.of(pass), "");
        }

        String level() {
            return auth == null ? "noauth" : priv == null ? "auth" : "priv";
        }

        String createUserLine() {
            StringBuilder s = new StringBuilder("createUser ").append(name);
            if (auth != null) {
                s.append(' ').append(netSnmpAuth(auth)).append(' ').append(authPass);
                if (priv != null) {
                    s.append(' ').append(netSnmpPriv(priv)).append(' ').append(privPass);
                }
            }
            return s.toString();
        }

        /** Arguments for net-snmp command line tools ({@code -v3 -l ... -u ... -a ... }). */
        public List<String> netSnmpArgs() {
            List<String> a = new ArrayList<>(List.of("-v3", "-u", name, "-l",
                    auth == null ? "noAuthNoPriv" : priv == null ? "authNoPriv" : "authPriv"));
            if (auth != null) {
                a.addAll(List.of("-a", netSnmpAuth(auth), "-A", authPass));
                if (priv != null) {
                    a.addAll(List.of("-x", netSnmpPriv(priv), "-X", privPass));
                }
            }
            return a;
        }
    }

    // One user per auth protocol, every privacy protocol covered; AES-192/256 also with a short
    // auth key (MD5 16 bytes, SHA-1 20 bytes) so the Blumenthal key extension is exercised.
    public static final User MD5_DES = new User("mwMd5Des", AuthProtocol.MD5, "md5-auth-pass", PrivProtocol.DES, "des-priv-pass");
    public static final User SHA256_AES128 = new User("mwSha256Aes", AuthProtocol.SHA256, "sha256-auth-pass", PrivProtocol.AES128, "aes128-priv-pass");
    public static final User SHA_AES128 = new User("mwShaAes", AuthProtocol.SHA, "sha1-auth-pass", PrivProtocol.AES128, "aes-priv-pass1");
    public static final User SHA224_AES128 = new User("mwSha224Aes", AuthProtocol.SHA224, "sha224-auth-pass", PrivProtocol.AES128, "aes-priv-pass2");
    public static final User SHA384_AES192 = new User("mwSha384Aes192", AuthProtocol.SHA384, "sha384-auth-pass", PrivProtocol.AES192, "aes192-priv-pass");
    public static final User SHA512_AES256 = new User("mwSha512Aes256", AuthProtocol.SHA512, "sha512-auth-pass", PrivProtocol.AES256, "aes256-priv-pass");
    public static final User MD5_AES192 = new User("mwMd5Aes192", AuthProtocol.MD5, "md5-auth-pass2", PrivProtocol.AES192, "aes192-priv-pass2");
    public static final User SHA_AES256 = new User("mwShaAes256", AuthProtocol.SHA, "sha1-auth-pass2", PrivProtocol.AES256, "aes256-priv-pass2");
    public static final User SHA256_AUTH_ONLY = new User("mwSha256Auth", AuthProtocol.SHA256, "sha256-auth-only", null, null);
    public static final User NO_AUTH = new User("mwNoAuth", null, null, null, null);

    public static final List<User> USERS = List.of(MD5_DES, SHA256_AES128, SHA_AES128, SHA224_AES128,
            SHA384_AES192, SHA512_AES256, MD5_AES192, SHA_AES256, SHA256_AUTH_ONLY, NO_AUTH);

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(15);

    private final Path dir;
    private final Thread killOnExit;
    private int port;
    private volatile Process process;

    private SnmpdFixture(Path dir) {
        this.dir = dir;
        // a test JVM that dies without close() must not leave an snmpd behind
        this.killOnExit = new Thread(this::kill, "snmpd-fixture-cleanup");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    /** Writes a private configuration, picks a free port and starts the agent; returns once it answers. */
    public static SnmpdFixture launch() throws IOException {
        if (!Files.isExecutable(Path.of(SNMPD))) {
            throw new IllegalStateException(SNMPD + " not found: install Debian package snmpd (and snmp for the tools)");
        }
        SnmpdFixture f = new SnmpdFixture(Files.createTempDirectory("mibwatch-snmpd-"));
        try {
            f.writeConfig();
            IOException last = null;
            for (int attempt = 0; attempt < 5; attempt++) {
                f.port = freeUdpPort();
                try {
                    f.spawn();
                    return f;
                } catch (IOException e) { // most likely the port was taken between probe and bind
                    last = e;
                    f.kill();
                }
            }
            throw last;
        } catch (IOException | RuntimeException e) {
            f.close();
            throw e;
        }
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    /** {@code udp:127.0.0.1:PORT}, the agent address as net-snmp tools take it. */
    public String address() {
        return "udp:" + HOST + ":" + port;
    }

    public Path directory() {
        return dir;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /**
     * Stops the agent (SIGTERM, as an init system would). The fixture keeps its port number for
     * {@link #start()}; nothing else binds it meanwhile unless another process picks the same free port.
     */
    public void stop() {
        Process p = process;
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        process = null;
    }

    /**
     * Starts the agent again on the same port after {@link #stop()} (no-op while it runs); returns
     * once it answers. It keeps its engine ID; engine boots go up by one, as after a device reboot.
     */
    public void start() throws IOException {
        if (isRunning()) {
            return;
        }
        spawn();
    }

    /** Stops the agent and deletes its directory. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // temp directory; leaving it behind is harmless
        }
    }

    /**
     * Runs a net-snmp command line tool (snmpget, snmpbulkwalk, ...) with the same MIB-free,
     * private-state environment; returns stdout lines. Fails when the tool exits non-zero.
     */
    public List<String> tool(String tool, List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tool);
        cmd.addAll(args);
        Path errFile = Files.createTempFile(dir, "tool-", ".err");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(errFile.toFile());
        environment(pb.environment(), dir.resolve("tool-persist"));
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(cmd + " did not finish in 60 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(cmd + " interrupted", e);
        }
        String err = Files.readString(errFile).trim();
        Files.deleteIfExists(errFile);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", cmd) + " exited " + p.exitValue() + ": " + err);
        }
        return new String(out, StandardCharsets.UTF_8).lines().toList();
    }

    // ------------------------------------------------------------------ internals

    private void writeConfig() throws IOException {
        Files.createDirectories(dir.resolve("persist"));
        Files.createDirectories(dir.resolve("mibs"));
        StringBuilder conf = new StringBuilder();
        conf.append("# written by ").append(SnmpdFixture.class.getName()).append('\n');
        conf.append("rocommunity ").append(COMMUNITY).append(' ').append(HOST).append('\n');
        conf.append("sysLocation mibwatch test lab\n");
        conf.append("sysContact mibwatch tests <tests@example.invalid>\n");
        conf.append("sysName mibwatch-snmpd-fixture\n");
        // A fixed engine ID: with -C snmpd does not read its persistent state back, so it would pick
        // a new random engine ID on every start - unlike a real device, which keeps it across reboots
        // (RFC 3411 section 5, snmpEngineID). Unique per fixture so two agents never share one.
        // (at most 27 characters of text: 5 octets of prefix + text <= 32 octets, RFC 3411 SnmpEngineID)
        conf.append("engineID mibwatch-").append(String.format("%08x", new java.util.Random().nextInt())).append('\n');
        // snmpd turns createUser into a localized usmUser line in SNMP_PERSISTENT_DIR; on a restart
        // both are read and the user simply exists (checked with net-snmp 5.9.3)
        for (User u : USERS) {
            conf.append(u.createUserLine()).append('\n');
            conf.append("rouser ").append(u.name()).append(' ').append(u.level()).append('\n');
        }
        Files.writeString(dir.resolve("snmpd.conf"), conf.toString());
    }

    private void spawn() throws IOException {
        Path log = dir.resolve("snmpd.log");
        List<String> cmd = List.of(SNMPD, "-f", "-Lf", log.toString(), "-C", "-c", dir.resolve("snmpd.conf").toString(),
                "-I", "-smux", "-p", dir.resolve("snmpd.pid").toString(), "udp:" + HOST + ":" + port);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("snmpd.out").toFile());
        environment(pb.environment(), dir.resolve("persist"));
        process = pb.start();
        awaitAnswer(log);
    }

    private void environment(Map<String, String> env, Path persistentDir) {
        env.put("SNMP_PERSISTENT_DIR", persistentDir.toString());
        env.put("SNMPCONFPATH", dir.toString());
        env.put("MIBS", "");
        env.put("MIBDIRS", dir.resolve("mibs").toString());
    }

    /** Polls sysUpTime.0 with snmpget until the agent answers (it needs a moment to load its modules). */
    private void awaitAnswer(Path log) throws IOException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("snmpd exited with " + process.exitValue() + " on port " + port + ": " + tail(log));
            }
            try {
                tool("snmpget", List.of("-v2c", "-c", COMMUNITY, "-t", "0.3", "-r", "0", "-On",
                        address(), ".1.3.6.1.2.1.1.3.0"));
                return;
            } catch (IOException notYet) {
                // keep polling
            }
        }
        throw new IOException("snmpd on port " + port + " did not answer within " + READY_TIMEOUT + ": " + tail(log));
    }

    private void kill() {
        Process p = process;
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getByName(HOST))) {
            return s.getLocalPort();
        }
    }

    private static String netSnmpAuth(AuthProtocol p) {
        return switch (p) {
            case MD5 -> "MD5";
            case SHA -> "SHA";
            case SHA224 -> "SHA-224";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
    }

    private static String netSnmpPriv(PrivProtocol p) {
        return switch (p) {
            case DES -> "DES";
            case AES128 -> "AES";
            case AES192 -> "AES-192";
            case AES256 -> "AES-256";
        };
    }
}
