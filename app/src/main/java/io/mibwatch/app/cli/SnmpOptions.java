package io.mibwatch.app.cli;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.AgentTarget;
import java.time.Duration;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * SNMP target options shared by the one-shot commands, named like net-snmp's
 * where they overlap ({@code -v}, {@code -c}) so admins need not relearn them.
 * Pass phrases can come from the environment so they stay out of {@code ps}.
 */
public final class SnmpOptions {

    @Option(names = {"-v", "--snmp-version"}, paramLabel = "1|2c|3",
            description = "SNMP version (default: 3 when --v3-user is given, else 2c).")
    String version;

    @Option(names = {"-c", "--community"}, paramLabel = "COMMUNITY", defaultValue = "${env:MIBWATCH_COMMUNITY:-public}",
            description = "v1/v2c community (default: $MIBWATCH_COMMUNITY or 'public').")
    String community;

    @Option(names = "--v3-user", paramLabel = "USER", description = "SNMPv3 USM user name.")
    String v3User;

    @Option(names = "--auth-proto", paramLabel = "PROTO",
            description = "v3 authentication: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512.")
    String authProto;

    @Option(names = "--auth-pass", paramLabel = "PASS", defaultValue = "${env:MIBWATCH_AUTH_PASS}",
            description = "v3 authentication pass phrase (or $MIBWATCH_AUTH_PASS).")
    String authPass;

    @Option(names = "--priv-proto", paramLabel = "PROTO", description = "v3 privacy: DES, AES-128, AES-192, AES-256.")
    String privProto;

    @Option(names = "--priv-pass", paramLabel = "PASS", defaultValue = "${env:MIBWATCH_PRIV_PASS}",
            description = "v3 privacy pass phrase (or $MIBWATCH_PRIV_PASS).")
    String privPass;

    @Option(names = "--context", paramLabel = "NAME", defaultValue = "", description = "v3 context name.")
    String context;

    @Option(names = {"-p", "--port"}, paramLabel = "PORT", description = "UDP port (default 161, or the one in HOST:PORT).")
    Integer port;

    @Option(names = {"-t", "--timeout"}, paramLabel = "SECONDS", defaultValue = "5",
            description = "Seconds to wait for each answer (default ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = {"-r", "--retries"}, defaultValue = "2", description = "Retries per request (default ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-repetitions", defaultValue = "25",
            description = "GETBULK max-repetitions (default ${DEFAULT-VALUE}).")
    int maxRepetitions;

    @Option(names = "--no-bulk", description = "Walk with GETNEXT instead of GETBULK.")
    boolean noBulk;

    /** Builds the target, failing with a usage message that names the bad option. */
    public AgentTarget target(String hostPort) {
        HostPort hp;
        try {
            hp = HostPort.parse(hostPort, 161);
        } catch (IllegalArgumentException e) {
            throw new CliFailure(e.getMessage(), ExitCodes.USAGE);
        }
        int p = port != null ? port : hp.port();
        SnmpVersion v = version != null ? SnmpVersion.parse(version) : (v3User != null ? SnmpVersion.V3 : SnmpVersion.V2C);
        if (v == null) {
            throw new CliFailure("--snmp-version '" + version + "': expected 1, 2c or 3", ExitCodes.USAGE);
        }
        Credentials creds = v == SnmpVersion.V3 ? usm() : new Credentials.Community("cli", Secret.of(community));
        if (timeoutSeconds <= 0 || retries < 0 || maxRepetitions < 1) {
            throw new CliFailure("--timeout must be > 0, --retries >= 0, --max-repetitions >= 1", ExitCodes.USAGE);
        }
        return new AgentTarget(hp.host(), p, v, creds, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                retries, maxRepetitions, !noBulk, 4);
    }

    private Credentials.Usm usm() {
        if (v3User == null || v3User.isBlank()) {
            throw new CliFailure("SNMPv3 needs --v3-user", ExitCodes.USAGE);
        }
        AuthProtocol auth = null;
        if (authProto != null) {
            auth = AuthProtocol.parse(authProto);
            if (auth == null) {
                throw new CliFailure("--auth-proto '" + authProto + "': expected one of " + Arrays.toString(AuthProtocol.values()),
                        ExitCodes.USAGE);
            }
            if (authPass == null) throw new CliFailure("--auth-proto needs --auth-pass (or $MIBWATCH_AUTH_PASS)", ExitCodes.USAGE);
        } else if (authPass != null) {
            auth = AuthProtocol.SHA; // net-snmp's default when only a pass phrase is given is MD5; SHA is the safer default
        }
        PrivProtocol priv = null;
        if (privProto != null) {
            priv = PrivProtocol.parse(privProto);
            if (priv == null) {
                throw new CliFailure("--priv-proto '" + privProto + "': expected one of " + Arrays.toString(PrivProtocol.values()),
                        ExitCodes.USAGE);
            }
            if (privPass == null) throw new CliFailure("--priv-proto needs --priv-pass (or $MIBWATCH_PRIV_PASS)", ExitCodes.USAGE);
        } else if (privPass != null) {
            priv = PrivProtocol.AES128;
        }
        if (priv != null && auth == null) {
            // RFC 3414 section 3.1.1: privacy without authentication is not a security level
            throw new CliFailure("--priv-proto needs --auth-proto: SNMPv3 has no privacy without authentication", ExitCodes.USAGE);
        }
        return new Credentials.Usm("cli", v3User, auth, auth == null ? null : Secret.of(authPass),
                priv, priv == null ? null : Secret.of(privPass), context);
    }
}
