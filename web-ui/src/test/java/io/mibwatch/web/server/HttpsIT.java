package io.mibwatch.web.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.web.auth.AuthFeature;
import io.mibwatch.web.auth.LoginLimiter;
import io.mibwatch.web.auth.Sessions;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.auth.WebAuth;
import io.mibwatch.web.http.Role;
import java.io.FileInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from a PKCS#12 keystore made by the JDK's keytool: TLS works, cookies are Secure, HSTS is sent. */
class HttpsIT {
    @TempDir
    Path dir;

    Path keystore(String password) throws Exception {
        Path ks = dir.resolve("web.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "web", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(),
                "-storepass", password).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, out);
        return ks;
    }

    @Test
    void servesTlsWithSecureCookies() throws Exception {
        Path ks = keystore("ks-password-1");
        try (UserStore users = UserStore.open(dir.resolve("web.db"), Clock.systemUTC(), 4)) {
            users.add("ann", Role.VIEWER, "ann-password".toCharArray());
            WebAuth auth = new WebAuth(users, new Sessions(Clock.systemUTC(), Duration.ofMinutes(5)),
                    new LoginLimiter(Clock.systemUTC(), LoginLimiter.Limits.DEFAULT));
            WebServer server = WebServer.builder().listen("127.0.0.1", 0).auth(auth).feature(new AuthFeature(auth))
                    .https(WebServer.sslContext(ks, "ks-password-1".toCharArray())).build();
            server.start();
            try {
                assertEquals("https", server.url().getScheme());
                KeyStore trust = KeyStore.getInstance("PKCS12");
                try (FileInputStream in = new FileInputStream(ks.toFile())) {
                    trust.load(in, "ks-password-1".toCharArray());
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trust);
                SSLContext ctx = SSLContext.getInstance("TLS");
                ctx.init(null, tmf.getTrustManagers(), null);
                HttpClient client = HttpClient.newBuilder().sslContext(ctx).build();
                URI login = server.url().resolve("/login");
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(login)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"ann\",\"password\":\"ann-password\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, r.statusCode(), r.body());
                String cookie = r.headers().firstValue("Set-Cookie").orElse("");
                String lower = cookie.toLowerCase(java.util.Locale.ROOT);
                assertTrue(lower.contains("; secure") && lower.contains("; httponly") && lower.contains("; samesite=strict"), cookie);
                assertEquals("max-age=31536000", r.headers().firstValue("Strict-Transport-Security").orElse(""));
            } finally {
                server.close();
            }
        }
    }

    @Test
    void badKeystoreNamesTheFileNotThePassword() throws Exception {
        Path ks = keystore("ks-password-2");
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> WebServer.sslContext(ks, "not-the-password".toCharArray()));
        assertTrue(wrong.getMessage().startsWith("https keystore " + ks + ": cannot load"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("not-the-password"));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> WebServer.sslContext(dir.resolve("absent.p12"), "x".toCharArray()));
        assertEquals("https keystore " + dir.resolve("absent.p12") + " does not exist or is not readable", missing.getMessage());
    }
}
