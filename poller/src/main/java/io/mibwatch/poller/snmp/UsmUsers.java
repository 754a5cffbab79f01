package io.mibwatch.poller.snmp;

import io.mibwatch.config.AuthProtocol;
import io.mibwatch.config.Credentials;
import io.mibwatch.config.PrivProtocol;
import io.mibwatch.config.Secret;
import io.mibwatch.poller.snmp.PollFailure.Cause;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.snmp4j.mp.MPv3;
import org.snmp4j.security.AuthHMAC128SHA224;
import org.snmp4j.security.AuthHMAC192SHA256;
import org.snmp4j.security.AuthHMAC256SHA384;
import org.snmp4j.security.AuthHMAC384SHA512;
import org.snmp4j.security.AuthMD5;
import org.snmp4j.security.AuthSHA;
import org.snmp4j.security.PrivAES128;
import org.snmp4j.security.PrivAES192;
import org.snmp4j.security.PrivAES256;
import org.snmp4j.security.PrivDES;
import org.snmp4j.security.SecurityProtocols;
import org.snmp4j.security.USM;
import org.snmp4j.security.UsmUser;
import org.snmp4j.security.UsmUserEntry;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.UdpAddress;

/**
 * The SNMPv3 user-based security model (RFC 3414) of one {@link SnmpClient}: its USM and message
 * processing model, the users registered per agent engine, forgetting an engine after a timeout,
 * and the checks of USM credentials that fail before anything is sent.
 *
 * <p>The USM keeps one entry per (agent engine ID, user name). Two configured credential sets that
 * use the same user name with different pass phrases for the same agent replace each other's entry;
 * before an agent's engine ID is known the entry is shared by all agents not yet contacted.
 */
final class UsmUsers {

    private final USM usm;
    private final MPv3 mpv3;
    /** What is registered in the USM, key "engineIdHex|user" ("|user" before discovery). */
    private final ConcurrentMap<String, Credentials.Usm> registeredUsers = new ConcurrentHashMap<>();

    UsmUsers() {
        // A private protocol set instead of the JVM-wide SecurityProtocols.getInstance(): SNMP4J 3.x
        // leaves MD5, SHA-1 and DES out of its defaults, but installed agents still speak them.
        // maxCompatibility = MD5, SHA-1, SHA-2 family, DES, AES-128/192/256.
        SecurityProtocols protocols = new SecurityProtocols(SecurityProtocols.SecurityProtocolSet.maxCompatibility);
        this.usm = new USM(protocols, new OctetString(MPv3.createLocalEngineID()), 0);
        this.mpv3 = new MPv3(usm);
    }

    /** The SNMPv3 message processing model (RFC 3412) over this USM, for the client's dispatcher. */
    MPv3 messageProcessing() {
        return mpv3;
    }

    /**
     * Makes sure the USM holds {@code u} for the agent at {@code addr}. Once SNMP4J knows the
     * agent's engine ID the user is added localized for exactly that engine (RFC 3414 section 2.6),
     * so a changed pass phrase replaces the old keys; before discovery it is added engine-less and
     * SNMP4J localizes it when the engine ID arrives. Re-adding costs two password-to-key runs
     * (1 MB of hashing each), so it only happens when the credentials changed.
     */
    void register(Credentials.Usm u, UdpAddress addr) {
        OctetString engineId = mpv3.getEngineID(addr);
        String key = (engineId == null ? "" : engineId.toHexString()) + "|" + u.user();
        Credentials.Usm previous = registeredUsers.put(key, u);
        if (u.equals(previous)) {
            return;
        }
        OctetString name = new OctetString(u.user());
        UsmUser user = new UsmUser(name,
                u.auth() == null ? null : authProtocol(u.auth()), octets(u.authPass()),
                u.priv() == null ? null : privProtocol(u.priv()), octets(u.privPass()));
        if (engineId == null) {
            usm.addUser(user);
        } else {
            usm.addUser(user, engineId);
        }
    }

    /**
     * After a v3 timeout the agent may have come back with another engine ID (replaced hardware,
     * reset configuration); SNMP4J would keep sending to the old one and drop the agent's reports
     * as not matching. Forgetting it makes the next request rediscover (RFC 3414 section 4). The
     * keys localized for that engine go too: the next request registers its user again, so keys
     * made from other (e.g. since corrected) credentials cannot linger.
     */
    void forgetEngine(UdpAddress addr) {
        OctetString engineId = mpv3.removeEngineID(addr);
        if (engineId == null) {
            return;
        }
        usm.removeEngineTime(engineId);
        for (UsmUserEntry entry : usm.getUserTable().getUserEntries()) {
            if (engineId.equals(entry.getEngineID())) {
                usm.removeAllUsers(entry.getUserName(), engineId);
            }
        }
        String prefix = engineId.toHexString() + "|";
        registeredUsers.keySet().removeIf(k -> k.startsWith(prefix));
    }

    private static OctetString octets(Secret s) {
        return s == null ? null : new OctetString(s.reveal());
    }

    static OID authProtocol(AuthProtocol p) {
        return switch (p) {
            case MD5 -> AuthMD5.ID;
            case SHA -> AuthSHA.ID;
            case SHA224 -> AuthHMAC128SHA224.ID;
            case SHA256 -> AuthHMAC192SHA256.ID;
            case SHA384 -> AuthHMAC256SHA384.ID;
            case SHA512 -> AuthHMAC384SHA512.ID;
        };
    }

    static OID privProtocol(PrivProtocol p) {
        return switch (p) {
            case DES -> PrivDES.ID;
            case AES128 -> PrivAES128.ID;
            case AES192 -> PrivAES192.ID;
            case AES256 -> PrivAES256.ID;
        };
    }

    /**
     * RFC 3414 section 11.2: pass phrases shorter than 8 characters are not allowed (SNMP4J would
     * throw deep inside the send). Checked before anything goes out, reported as AUTH.
     */
    static PollFailure check(AgentTarget t) {
        if (t.credentials() instanceof Credentials.Usm u) {
            if (u.auth() != null && (u.authPass() == null || u.authPass().reveal().length() < 8)) {
                return new PollFailure(Cause.AUTH, t.where() + ": auth pass phrase of user '" + u.user()
                        + "' is shorter than 8 characters (RFC 3414 section 11.2)");
            }
            if (u.priv() != null && u.auth() == null) {
                return new PollFailure(Cause.AUTH, t.where() + ": user '" + u.user()
                        + "' has privacy without authentication, which USM does not allow (RFC 3414 section 3)");
            }
            if (u.priv() != null && (u.privPass() == null || u.privPass().reveal().length() < 8)) {
                return new PollFailure(Cause.AUTH, t.where() + ": privacy pass phrase of user '" + u.user()
                        + "' is shorter than 8 characters (RFC 3414 section 11.2)");
            }
        }
        return null;
    }
}
