package io.mibwatch.web.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Browser;
import io.mibwatch.web.testing.Http;
import io.mibwatch.web.testing.TestWeb;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/** The admin user pages and API against the real server. */
class UsersIT {
    TestWeb web;

    @BeforeEach
    void start() {
        web = TestWeb.builder().featureWith(UsersFeature::new)
                .featureWith(a -> new AuditFeature(a.users().audit(), java.time.Clock.systemUTC())).start();
    }

    @AfterEach
    void stop() {
        web.close();
    }

    @Test
    void onlyAdminsManageUsers() {
        assertEquals(403, web.http(Role.OPERATOR).get("/api/users").statusCode());
        assertEquals(302, web.anonymous().get("/admin/users").statusCode());
        Http admin = web.http(Role.ADMIN);
        HttpResponse<String> added = admin.post("/api/users", "{\"name\":\"nina\",\"role\":\"viewer\",\"password\":\"nina-password\"}");
        assertEquals(201, added.statusCode(), added.body());
        HttpResponse<String> dup = admin.post("/api/users", "{\"name\":\"nina\",\"role\":\"viewer\",\"password\":\"nina-password\"}");
        assertEquals(409, dup.statusCode());
        HttpResponse<String> weak = admin.post("/api/users", "{\"name\":\"otto\",\"role\":\"viewer\",\"password\":\"short\"}");
        assertEquals("user 'otto': password must have at least 8 characters", Http.json(weak).get("error").asText());
        HttpResponse<String> badRole = admin.post("/api/users", "{\"name\":\"otto\",\"role\":\"god\",\"password\":\"long-enough\"}");
        assertEquals("unknown role 'god' (expected reporter, viewer, operator or admin)", Http.json(badRole).get("error").asText());

        Http nina = Http.login(web.url(), "nina", "nina-password");
        assertEquals("viewer", Http.json(nina.get("/api/session")).get("role").asText());
        assertEquals(200, admin.send("PUT", "/api/users/nina", "{\"role\":\"operator\"}", java.util.Map.of()).statusCode());
        assertEquals(401, nina.get("/api/session").statusCode(), "a role change ends the user's sessions");
        assertEquals("operator", Http.json(Http.login(web.url(), "nina", "nina-password").get("/api/session"))
                .get("role").asText());
        assertEquals(204, admin.delete("/api/users/nina").statusCode());
        assertTrue(web.users().find("nina").isEmpty());
    }

    @Test
    void theLastAdminStays() {
        Http admin = web.http(Role.ADMIN);
        HttpResponse<String> demote = admin.send("PUT", "/api/users/admin", "{\"role\":\"viewer\"}", java.util.Map.of());
        assertEquals(409, demote.statusCode());
        assertEquals("cannot demote 'admin': it is the last admin", Http.json(demote).get("error").asText());
        assertEquals(409, admin.delete("/api/users/admin").statusCode());
    }

    @Test
    void adminPageAddsAndChangesUsers() {
        Assumptions.assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
        Browser b = web.browser(Role.ADMIN);
        b.open(web.url("/admin/users"));
        b.waitFor(By.cssSelector("#users tr[data-user='operator']"));
        b.type(By.id("new-name"), "<b>x</b>");
        b.type(By.id("new-password"), "whatever-123");
        b.driver().findElement(By.id("add-submit")).click();
        String error = b.waitFor(By.cssSelector("#message.error")).getText();
        assertTrue(error.startsWith("user name '<b>x</b>' is not valid"), error);
        b.type(By.id("new-name"), "paula");
        b.type(By.id("new-password"), "paula-password");
        new Select(b.driver().findElement(By.id("new-role"))).selectByValue("operator");
        b.driver().findElement(By.id("add-submit")).click();
        b.waitFor(By.cssSelector("#users tr[data-user='paula']"));
        assertEquals(Role.OPERATOR, web.users().find("paula").orElseThrow().role());
        // chromedriver 156 headless changes a <select>'s value without dispatching 'change' (neither for an
        // option click nor for keys); pick the option with Selenium, then send the event the browser would
        new Select(b.driver().findElement(By.cssSelector("#users tr[data-user='paula'] select.role"))).selectByValue("viewer");
        b.js("document.querySelector(\"#users tr[data-user='paula'] select.role\").dispatchEvent(new Event('change'));");
        b.waitUntil(d -> web.users().find("paula").orElseThrow().role() == Role.VIEWER);
        // the page's audit section lists the change, newest first
        assertEquals("user_change", b.waitForText(By.cssSelector("#audit tbody tr:first-child td.action"), "user_change"));
        b.screenshot(Path.of("target/screenshots/admin-users.png"));
    }
}
