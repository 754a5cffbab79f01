package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Browser;
import io.mibwatch.web.testing.TestWeb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** The login form in Debian's Chromium against the real server. */
class LoginBrowserIT {
    static TestWeb web;

    @BeforeAll
    static void start() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
        web = TestWeb.start();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
    }

    @Test
    void logInAndLandOnTheRequestedPage() {
        Browser b = web.browser();
        b.open(web.url("/login?next=%2Fapi%2Fsession"));
        b.type(By.id("user"), "operator");
        b.type(By.id("password"), TestWeb.password(Role.OPERATOR));
        b.driver().findElement(By.id("login-submit")).click();
        b.waitUntil(d -> d.getCurrentUrl().endsWith("/api/session"));
        String body = b.driver().findElement(By.tagName("body")).getText();
        assertTrue(body.contains("\"user\":\"operator\""), body);
        assertTrue(body.contains("\"role\":\"operator\""), body);
    }

    @Test
    void wrongPasswordShowsTheMessageAndStaysOnTheForm() {
        Browser b = web.browser();
        b.open(web.url("/login"));
        b.type(By.id("user"), "viewer");
        b.type(By.id("password"), "not the password");
        b.driver().findElement(By.id("login-submit")).click();
        String message = b.waitFor(By.id("login-error")).getText();
        assertEquals("Wrong user name or password.", message);
        assertTrue(b.currentUrl().contains("/login?error=bad"), b.currentUrl());
        b.screenshot(java.nio.file.Path.of("target/screenshots/login-error.png"));
    }
}
