package io.mibwatch.app.cli;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import java.util.Arrays;
import picocli.CommandLine.Option;

/**
 * The SNMPv3 user-based security options (USM, RFC 3414), declared once for the commands that
 * speak SNMP as a manager ({@code get}, {@code walk}, {@code discover}, through {@link SnmpOptions})
 * and for {@code simulate}, whose agents answer as that user. Pass phrases can come from the
 * environment so they stay out of {@code ps}; {@code --v3-auth-pass}/{@code --v3-priv-pass} are
 * the names {@code simulate} has always taken.
 */
public final class V3Options {

    @Option(names = "--v3-user", paramLabel = "USER", description = "SNMPv3 USM user name.")
    String user;

    @Option(names = "--auth-proto", paramLabel = "PROTO",
            description = "v3 authentication: MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512.")
    String authProto;

    @Option(names = {"--auth-pass", "--v3-auth-pass"}, paramLabel = "PASS", defaultValue = "${env:MIBWATCH_AUTH_PASS}",
            description = "v3 authentication pass phrase (or $MIBWATCH_AUTH_PASS).")
    String authPass;

    @Option(names = "--priv-proto", paramLabel = "PROTO", description = "v3 privacy: DES, AES-128, AES-192, AES-256.")
    String privProto;

    @Option(names = {"--priv-pass", "--v3-priv-pass"}, paramLabel = "PASS", defaultValue = "${env:MIBWATCH_PRIV_PASS}",
            description = "v3 privacy pass phrase (or $MIBWATCH_PRIV_PASS).")
    String privPass;

    @Option(names = "--context", paramLabel = "NAME", defaultValue = "", description = "v3 context name.")
    String context;

    /** The authentication protocol named by --auth-proto (null without it), failing with a usage message that names the value. */
    AuthProtocol authProtocol() {
        if (authProto == null) return null;
        AuthProtocol auth = AuthProtocol.parse(authProto);
        if (auth == null) {
            throw new CliFailure("--auth-proto '" + authProto + "': expected one of " + Arrays.toString(AuthProtocol.values()),
                    ExitCodes.USAGE);
        }
        return auth;
    }

    /** The privacy protocol named by --priv-proto (null without it), failing with a usage message that names the value. */
    PrivProtocol privProtocol() {
        if (privProto == null) return null;
        PrivProtocol priv = PrivProtocol.parse(privProto);
        if (priv == null) {
            throw new CliFailure("--priv-proto '" + privProto + "': expected one of " + Arrays.toString(PrivProtocol.values()),
                    ExitCodes.USAGE);
        }
        return priv;
    }

    /** The manager's USM credentials, failing with a usage message that names the bad option. */
    Credentials.Usm usm() {
        if (user == null || user.isBlank()) {
            throw new CliFailure("SNMPv3 needs --v3-user", ExitCodes.USAGE);
        }
        AuthProtocol auth = authProtocol();
        if (auth != null) {
            if (authPass == null) throw new CliFailure("--auth-proto needs --auth-pass (or $MIBWATCH_AUTH_PASS)", ExitCodes.USAGE);
        } else if (authPass != null) {
            auth = AuthProtocol.SHA; // net-snmp's default when only a pass phrase is given is MD5; SHA is the safer default
        }
        PrivProtocol priv = privProtocol();
        if (priv != null) {
            if (privPass == null) throw new CliFailure("--priv-proto needs --priv-pass (or $MIBWATCH_PRIV_PASS)", ExitCodes.USAGE);
        } else if (privPass != null) {
            priv = PrivProtocol.AES128;
        }
        if (priv != null && auth == null) {
            // RFC 3414 section 3.1.1: privacy without authentication is not a security level
            throw new CliFailure("--priv-proto needs --auth-proto: SNMPv3 has no privacy without authentication", ExitCodes.USAGE);
        }
        return new Credentials.Usm("cli", user, auth, auth == null ? null : Secret.of(authPass),
                priv, priv == null ? null : Secret.of(privPass), context);
    }
}
