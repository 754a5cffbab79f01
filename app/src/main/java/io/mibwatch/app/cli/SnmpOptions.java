package io.mibwatch.app.cli;

import io.mibwatch.config.Credentials;
import io.mibwatch.config.Secret;
import io.mibwatch.config.SnmpVersion;
import io.mibwatch.poller.snmp.AgentTarget;
import java.time.Duration;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * SNMP target options shared by the one-shot commands, named like net-snmp's
 * where they overlap ({@code -v}, {@code -c}) so admins need not relearn them.
 * The SNMPv3 user options are {@link V3Options}.
 */
public final class SnmpOptions {

    @Option(names = {"-v", "--snmp-version"}, paramLabel = "1|2c|3",
            description = "SNMP version (default: 3 when --v3-user is given, else 2c).")
    String version;

    @Option(names = {"-c", "--community"}, paramLabel = "COMMUNITY", defaultValue = "${env:MIBWATCH_COMMUNITY:-public}",
            description = "v1/v2c community (default: $MIBWATCH_COMMUNITY or 'public').")
    String community;

    @Mixin
    V3Options v3;

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
        SnmpVersion v = version != null ? SnmpVersion.parse(version) : (v3.user != null ? SnmpVersion.V3 : SnmpVersion.V2C);
        if (v == null) {
            throw new CliFailure("--snmp-version '" + version + "': expected 1, 2c or 3", ExitCodes.USAGE);
        }
        Credentials creds = v == SnmpVersion.V3 ? v3.usm() : new Credentials.Community("cli", Secret.of(community));
        if (timeoutSeconds <= 0 || retries < 0 || maxRepetitions < 1) {
            throw new CliFailure("--timeout must be > 0, --retries >= 0, --max-repetitions >= 1", ExitCodes.USAGE);
        }
        return new AgentTarget(hp.host(), p, v, creds, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                retries, maxRepetitions, !noBulk, 4);
    }
}
