package io.mibwatch.web.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.core.alert.Severity;
import io.mibwatch.thresholds.alert.AlertState;
import io.mibwatch.thresholds.store.AlertRow;
import io.mibwatch.thresholds.store.TransitionRow;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.AlertDesk;
import io.mibwatch.web.testing.Browser;
import io.mibwatch.web.testing.TestWeb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/** The NOC alert page in Debian's Chromium against the real server, tracker and SQLite store. */
class AlertPageIT {
    static final Path SHOTS = Path.of("target/screenshots");
    AlertDesk desk;
    AlertsFeature alerts;
    TestWeb web;

    @BeforeAll
    static void chromium() {
        assumeTrue(Browser.available(), "chromium and chromium-driver are not installed");
    }

    @BeforeEach
    void start() throws Exception {
        Path dir = Files.createTempDirectory("mibwatch-alertpage-");
        desk = new AlertDesk(dir.resolve("mibwatch.db"), Clock.systemUTC());
        web = TestWeb.builder().dataDir(dir).featureWith(auth -> alerts = new AlertsFeature(desk.store(), desk,
                auth.users().audit(), Clock.systemUTC(), Duration.ofMillis(100))).start();
    }

    @AfterEach
    void stop() {
        alerts.close();
        web.close();
        desk.close();
    }

    static By row(String id) {
        return By.cssSelector("#alerts tbody tr[data-id='" + id.replace("'", "\\'") + "']");
    }

    static int rows(Browser b) {
        return b.driver().findElements(By.cssSelector("#alerts tbody tr")).size();
    }

    @Test
    void newAlertAppearsLiveWithoutReload() {
        desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        Browser b = web.browser(Role.OPERATOR);
        assertTrue(b.currentUrl().endsWith("/"), b.currentUrl());
        b.waitUntil(d -> rows(b) == 1);
        b.waitUntil(d -> "1".equals(d.findElement(By.tagName("body")).getAttribute("data-live")));
        b.js("window.__noReload = 'marker-42';");
        String id = desk.fire("cpu-high", "srv2", "cpu/1/load", Severity.CRITICAL, 97);
        WebElement tr = b.waitFor(row(id));
        assertEquals("marker-42", b.js("return window.__noReload;"), "the page must not have reloaded");
        assertEquals(2, rows(b));
        assertTrue(tr.getAttribute("class").contains("sev-critical"), tr.getAttribute("class"));
        List<WebElement> first = b.driver().findElements(By.cssSelector("#alerts tbody tr"));
        assertEquals(id, first.get(0).getAttribute("data-id"), "critical sorts first");
        assertEquals("1", b.driver().findElement(By.cssSelector("#count-critical .n")).getText());
        assertEquals("1", b.driver().findElement(By.cssSelector("#count-warning .n")).getText());
        WebElement graph = tr.findElement(By.cssSelector("td.metric a"));
        assertEquals(web.url("/devices/srv2?series=cpu/1/load").toString(), graph.getAttribute("href"));
        assertEquals(web.url("/devices/srv2").toString(), tr.findElement(By.cssSelector("td.device a")).getAttribute("href"));
        b.screenshot(SHOTS.resolve("alert-page.png"));
        desk.clear("cpu-high", "srv2", "cpu/1/load");
        b.waitUntil(d -> d.findElements(row(id)).isEmpty());
        assertEquals("marker-42", b.js("return window.__noReload;"));
        assertEquals("0", b.driver().findElement(By.cssSelector("#count-critical .n")).getText());
    }

    @Test
    void operatorAcknowledgesWithComment() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.CRITICAL, 99);
        Browser b = web.browser(Role.OPERATOR);
        b.waitFor(row(id)).findElement(By.cssSelector(".ack-button")).click();
        b.type(By.id("ack-comment"), "on it, ticket 4711");
        b.driver().findElement(By.id("ack-confirm")).click();
        // the row is re-rendered when the ack's transition arrives over SSE: wait on fresh lookups
        assertEquals("ACK operator", b.waitForText(By.cssSelector("#alerts tr.acked .badge.ack"), "ACK operator"));
        assertEquals("on it, ticket 4711",
                b.waitForText(By.cssSelector("#alerts tr.acked .ack-comment"), "on it, ticket 4711"));
        assertEquals("on it, ticket 4711", desk.store().alert(id).orElseThrow().ack().orElseThrow().comment());
        assertTrue(b.driver().findElements(By.cssSelector("#alerts .ack-button")).isEmpty(), "no second ack button");
        b.screenshot(SHOTS.resolve("alert-page-acked.png"));
    }

    @Test
    void viewerHasNoAckButtonAndTheServerRefusesItsAck() {
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.CRITICAL, 99);
        Browser b = web.browser(Role.VIEWER);
        b.waitFor(row(id));
        assertTrue(b.driver().findElements(By.cssSelector("#alerts .ack-button")).isEmpty());
        Object status = ((JavascriptExecutor) b.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const s = await (await fetch('/api/session')).json();
                const r = await fetch('/api/alerts/' + encodeURIComponent(arguments[0]) + '/ack', {method: 'POST',
                  headers: {'X-CSRF-Token': s.csrf, 'Content-Type': 'application/json'}, body: '{"comment":"x"}'});
                done(r.status + ' ' + (await r.json()).error);""", id);
        assertEquals("403 role viewer may not POST /api/alerts/" + id.replace("/", "%2F") + "/ack (needs operate)", status);
        assertTrue(desk.store().alert(id).orElseThrow().ack().isEmpty());
    }

    @Test
    void markupInDeviceStringsAndCommentsIsText() {
        String evilDevice = "<img src=x onerror=\"window.__xss=1\">";
        insertRaw("raw@evil1", evilDevice);
        Browser b = web.browser(Role.OPERATOR);
        WebElement tr = b.waitFor(row("raw@evil1"));
        assertEquals(evilDevice, tr.findElement(By.cssSelector("td.device a")).getText());
        String id = desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.CRITICAL, 99);
        desk.acknowledge(id, "operator", "<script>window.__xss=2</script><b>bold</b>");
        String liveDevice = "<script>window.__xss=3</script>";
        insertRaw("raw@evil2", liveDevice);
        WebElement live = b.waitFor(row("raw@evil2"));
        assertEquals(liveDevice, live.findElement(By.cssSelector("td.device a")).getText());
        b.waitUntil(d -> d.findElements(By.cssSelector("#alerts .ack-comment")).size() == 1);
        assertEquals("<script>window.__xss=2</script><b>bold</b>",
                b.driver().findElement(By.cssSelector("#alerts .ack-comment")).getText());
        assertNull(b.js("return window.__xss;"), "no injected script or handler ran");
        assertTrue(b.driver().findElements(By.cssSelector("#alerts img, #alerts script, #alerts b")).isEmpty());
        b.screenshot(SHOTS.resolve("alert-page-markup.png"));
    }

    @Test
    void filtersNarrowTheList() {
        desk.fire("cpu-high", "srv1", "cpu/1/load", Severity.WARNING, 85);
        desk.fire("cpu-high", "core-sw1", "cpu/1/load", Severity.CRITICAL, 97);
        Browser b = web.browser(Role.VIEWER);
        b.waitUntil(d -> rows(b) == 2);
        b.type(By.id("f-device"), "core");
        b.waitUntil(d -> rows(b) == 1);
        assertEquals("core-sw1", b.driver().findElement(By.cssSelector("#alerts td.device")).getText());
        b.driver().findElement(By.id("f-device")).clear();
        b.driver().findElement(By.id("count-warning")).click();
        b.waitUntil(d -> rows(b) == 1);
        assertEquals("srv1", b.driver().findElement(By.cssSelector("#alerts td.device")).getText());
        b.driver().findElement(By.id("theme")).click();
        assertEquals("light", b.js("return document.documentElement.className;"));
    }

    /** A row straight into the store: the page must be safe whatever a device reports. */
    private void insertRaw(String id, String device) {
        Instant now = Instant.now();
        AlertRow r = AlertRow.pending(id, "raw", device, "", Severity.CRITICAL, OptionalDouble.of(1), now,
                Map.of("ifAlias", "<b>uplink</b>")).withState(AlertState.FIRING, now);
        desk.store().apply(List.of(new TransitionRow(id, AlertState.PENDING, AlertState.FIRING, Severity.CRITICAL, now,
                OptionalDouble.of(1), "fired: " + device)), List.of(r), List.of());
    }
}
