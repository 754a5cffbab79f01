package io.mibwatch.config;

import static io.mibwatch.core.yaml.YamlReader.absent;
import static io.mibwatch.core.yaml.YamlReader.key;

import com.fasterxml.jackson.databind.JsonNode;
import io.mibwatch.core.yaml.Closest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code credentials:} section: named community (v1/v2c, RFC 3584) and USM (v3, RFC
 * 3414) sets. Remembers the kind of each set so that references from {@code defaults} and devices
 * can be checked against it; a set whose kind could not be told is still declared, so referring
 * to it is not a second error.
 */
final class CredentialsReader {

    static final Set<String> COMMUNITY_KEYS = Set.of("community");
    static final Set<String> USM_KEYS = Set.of("user", "auth", "auth_pass", "priv", "priv_pass", "context");

    /**
     * RFC 3414 section 11.2: pass phrases should be at least 8 characters; net-snmp's
     * snmp_api refuses shorter ones (USM_LENGTH_P_MIN), so such a user could never authenticate.
     */
    static final int MIN_PASS_LENGTH = 8;
    /** RFC 3414 usmUserName is SnmpAdminString (SIZE(1..32)). */
    static final int MAX_USER_LENGTH = 32;

    static final String AUTH_NAMES = "MD5, SHA, SHA-224, SHA-256, SHA-384, SHA-512";
    static final String PRIV_NAMES = "DES, AES-128, AES-192, AES-256";

    /** What a credential set holds, which decides the SNMP versions it can serve. */
    enum Kind { COMMUNITY, USM }

    private final Problems problems;
    private final SecretReader secrets;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();
    /** Names declared under credentials whose kind could not be told: referring to them is not "unknown". */
    private final Set<String> brokenSets = new LinkedHashSet<>();

    CredentialsReader(Problems problems, SecretReader secrets) {
        this.problems = problems;
        this.secrets = secrets;
    }

    /** The valid sets by name; every problem is recorded. */
    Map<String, Credentials> read(JsonNode n) {
        Map<String, Credentials> out = new LinkedHashMap<>();
        if (absent(n)) {
            return out;
        }
        if (!n.isObject()) {
            // no value shown: a list of sets holds secrets
            problems.add("credentials", null, "expected a mapping of credential set names to sets");
            return out;
        }
        n.fields().forEachRemaining(e -> {
            String name = e.getKey();
            String path = key("credentials", name);
            JsonNode set = e.getValue();
            if (absent(set) || !set.isObject()) {
                brokenSets.add(name);
                // no value shown: "name: public" is a community written in the wrong place
                problems.add(path, null, "expected a mapping: {community: ...} for v1/v2c, "
                        + "or {user: ..., auth: ..., auth_pass: ..., priv: ..., priv_pass: ...} for v3");
                return;
            }
            boolean community = set.has("community");
            boolean usm = set.has("user");
            if (community && usm) {
                brokenSets.add(name);
                problems.add(path, null, "a credential set is either a community (v1/v2c) or a user (v3), not both");
                return;
            }
            if (!community && !usm) {
                brokenSets.add(name);
                Set<String> all = new LinkedHashSet<>(COMMUNITY_KEYS);
                all.addAll(USM_KEYS);
                problems.unknownKeys(path, set, all);
                problems.add(path, null, "needs 'community' (v1/v2c) or 'user' (v3)");
                return;
            }
            kinds.put(name, community ? Kind.COMMUNITY : Kind.USM);
            Credentials c = community ? communitySet(name, path, set) : usmSet(name, path, set);
            if (c != null) {
                out.put(name, c);
            }
        });
        return out;
    }

    /**
     * The set named at {@code path}, or null after recording an error: not text, or no such set.
     * A set that is declared but broken is not reported again.
     */
    String reference(String path, JsonNode n) {
        String ref = problems.requiredText(path, n);
        if (ref != null && !kinds.containsKey(ref) && !brokenSets.contains(ref)) {
            problems.add(path, ref, "unknown credential set" + Closest.hint(ref, kinds.keySet())
                    + (kinds.isEmpty() ? "; none are defined under credentials"
                            : "; defined: " + String.join(", ", kinds.keySet())));
            return null;
        }
        return ref;
    }

    /** The kind of a valid set, null for a broken or unknown one. */
    Kind kind(String name) {
        return kinds.get(name);
    }

    private Credentials communitySet(String name, String path, JsonNode set) {
        for (String k : iterable(set)) {
            if (USM_KEYS.contains(k)) {
                problems.add(key(path, k), null, "applies to v3 (user) sets only; this is a community set");
            }
        }
        Set<String> known = new LinkedHashSet<>(COMMUNITY_KEYS);
        known.addAll(USM_KEYS);
        problems.unknownKeys(path, set, known);
        Secret community = requiredSecret(key(path, "community"), set.get("community"));
        return community == null ? null : new Credentials.Community(name, community);
    }

    private Credentials usmSet(String name, String path, JsonNode set) {
        int before = problems.count();
        problems.unknownKeys(path, set, USM_KEYS);
        String user = problems.requiredText(key(path, "user"), set.get("user"));
        if (user != null && user.length() > MAX_USER_LENGTH) {
            problems.add(key(path, "user"), user, "longer than " + MAX_USER_LENGTH
                    + " characters (RFC 3414 usmUserName is 1..32 octets)");
        }

        JsonNode authNode = set.get("auth");
        JsonNode authPassNode = set.get("auth_pass");
        JsonNode privNode = set.get("priv");
        JsonNode privPassNode = set.get("priv_pass");

        AuthProtocol auth = null;
        if (!absent(authNode)) {
            String s = problems.text(key(path, "auth"), authNode);
            if (s != null) {
                auth = AuthProtocol.parse(s);
                if (auth == null) {
                    problems.add(key(path, "auth"), s, "unknown auth protocol (valid: " + AUTH_NAMES + ")");
                }
            }
        }
        Secret authPass = null;
        if (!absent(authPassNode)) {
            authPass = passPhrase(key(path, "auth_pass"), authPassNode);
            if (absent(authNode)) {
                problems.add(key(path, "auth"), null, "required when auth_pass is set (" + AUTH_NAMES + ")");
            }
        } else if (!absent(authNode)) {
            problems.add(key(path, "auth_pass"), null, "required when auth is set");
        }

        PrivProtocol priv = null;
        if (!absent(privNode)) {
            String s = problems.text(key(path, "priv"), privNode);
            if (s != null) {
                priv = PrivProtocol.parse(s);
                if (priv == null) {
                    problems.add(key(path, "priv"), s, "unknown privacy protocol (valid: " + PRIV_NAMES + ")");
                }
            }
            if (absent(authNode)) {
                // RFC 3414 section 3: the levels are noAuthNoPriv, authNoPriv, authPriv; there is no
                // privacy without authentication (the privacy keys are derived through the auth hash)
                problems.add(key(path, "priv"), s, "privacy needs authentication: set auth and auth_pass too "
                        + "(RFC 3414 has no noAuthPriv level)");
            }
        }
        Secret privPass = null;
        if (!absent(privPassNode)) {
            privPass = passPhrase(key(path, "priv_pass"), privPassNode);
            if (absent(privNode)) {
                problems.add(key(path, "priv"), null, "required when priv_pass is set (" + PRIV_NAMES + ")");
            }
        } else if (!absent(privNode)) {
            problems.add(key(path, "priv_pass"), null, "required when priv is set");
        }

        String context = "";
        if (!absent(set.get("context"))) {
            context = problems.text(key(path, "context"), set.get("context"));
        }
        if (problems.count() != before) {
            return null;
        }
        return new Credentials.Usm(name, user, auth, authPass, priv, privPass, context);
    }

    private Secret requiredSecret(String path, JsonNode n) {
        if (absent(n)) {
            problems.add(path, null, "required");
            return null;
        }
        return secrets.read(path, n);
    }

    private Secret passPhrase(String path, JsonNode n) {
        Secret s = secrets.read(path, n);
        if (s != null && s.reveal().length() < MIN_PASS_LENGTH) {
            problems.add(path, ConfigError.MASK, "too short" + SecretReader.origin(n) + ": pass phrases need at least "
                    + MIN_PASS_LENGTH + " characters (RFC 3414 section 11.2; net-snmp refuses shorter ones)");
            return null;
        }
        return s;
    }

    private static Iterable<String> iterable(JsonNode n) {
        List<String> keys = new ArrayList<>();
        n.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
