package io.mibwatch.config;

import java.util.Objects;

/** A named credential set: a v1/v2c community or a v3 USM user. */
public sealed interface Credentials permits Credentials.Community, Credentials.Usm {

    String name();

    /** v1/v2c community string. */
    record Community(String name, Secret community) implements Credentials {
        public Community {
            Objects.requireNonNull(name);
            Objects.requireNonNull(community);
        }
    }

    /**
     * SNMPv3 USM user. Security level follows from what is set: no auth = noAuthNoPriv,
     * auth only = authNoPriv, auth and priv = authPriv (RFC 3414 section 3).
     *
     * @param auth     null for noAuthNoPriv
     * @param authPass null when auth is null
     * @param priv     null for no privacy
     * @param privPass null when priv is null
     * @param context  SNMPv3 context name, "" by default
     */
    record Usm(String name, String user, AuthProtocol auth, Secret authPass,
               PrivProtocol priv, Secret privPass, String context) implements Credentials {
        public Usm {
            Objects.requireNonNull(name);
            Objects.requireNonNull(user);
            context = context == null ? "" : context;
        }

        public String securityLevel() {
            if (auth == null) return "noAuthNoPriv";
            return priv == null ? "authNoPriv" : "authPriv";
        }
    }
}
