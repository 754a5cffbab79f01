package io.mibwatch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.mibwatch.thresholds.redbutton.Complaint;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testdata.DataScenario;
import io.mibwatch.web.testing.Browser;
import io.mibwatch.web.testing.TestWeb;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The devices, graphs, explorer and services pages in Debian's Chromium against the real server
 * (login, sessions, CSRF, CSP), real RRD files and the real event store.
 */
class DataPagesIT {
    static final Path SHOTS = Path.of("target", "screenshots");
    static Path dir;
    static DataScenario data;
    static TestWeb web;

    @BeforeAll
    static void start() throws Exception {
        assumeTrue(Browser.available(), "needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver)");
        dir = Files.createTempDirectory("mibwatch-data-it-");
        data = new DataScenario(dir);
        TestWeb.Builder b = TestWeb.builder();
        data.features.forEach(b::feature);
        web = b.start();
    }

    @AfterAll
    static void stop() {
        if (web != null) {
            web.close();
        }
        if (data != null) {
            data.close();
        }
    }

    @Test
    void fromTheDeviceListToADevicePageWithGraphs() {
        Browser b = web.browser(Role.VIEWER);
        b.open(web.url("/devices"));
        b.waitFor(By.cssSelector("#devices tr[data-device='core1'] a")).click();
        b.waitUntil(d -> d.getCurrentUrl().endsWith("/devices/core1"));
        b.waitFor(By.cssSelector("#g-interfaces\\/1\\/inOctets svg.chart path.line"));
        // the day's graph holds 5-minute rows; the hour has the minute rows
        b.waitFor(By.cssSelector("#ranges button[data-range='1h']")).click();
        // read the path in one script: a redraw replaces the SVG between two WebDriver calls
        String pathOf = "const p = document.querySelector(\"[id='g-interfaces/1/inOctets'] svg.chart path.line\");"
                + " return p ? p.getAttribute('d') : '';";
        b.waitUntil(x -> ((String) b.js(pathOf)).split("L").length > 50);
        String d = (String) b.js(pathOf);
        assertTrue(d.startsWith("M") && d.split("L").length > 50, "a line through the hour's points: " + d);
        WebElement svg = b.driver().findElement(By.cssSelector("#g-interfaces\\/1\\/inOctets svg.chart"));
        assertTrue(Integer.parseInt(svg.getAttribute("data-points")) > 50);
        // a column of the same RRD file that was never written: one muted line, no empty axes
        b.js("document.getElementById('g-interfaces/1/outOctets').scrollIntoView()");
        WebElement none = b.waitFor(By.cssSelector("figure.graph.empty[id='g-interfaces/1/outOctets'] .no-data"));
        assertEquals("no data in this range", none.getText());
        assertTrue(b.driver().findElements(By.cssSelector("[id='g-interfaces/1/outOctets'] svg.chart")).isEmpty());
        b.screenshot(SHOTS.resolve("device-page.png"));
    }

    @Test
    void theBaselineBandIsDrawnBehindALineWithAnArmedBaseline() {
        Browser b = web.browser(Role.VIEWER);
        b.open(web.url("/devices/core1?series=interfaces/3/inOctets"));
        WebElement fig = b.waitFor(By.cssSelector("figure.graph.focus"));
        assertEquals("interfaces/3/inOctets", fig.getAttribute("data-path"));
        WebElement band = b.waitFor(By.cssSelector("figure.graph.focus svg.chart[data-band='armed'] path.band"));
        assertTrue(band.getAttribute("d").contains("Z"), "a closed band polygon: " + band.getAttribute("d"));
        // the uptime series has no learned baseline: no band, says learning
        b.js("document.getElementById('g-system//uptime').scrollIntoView()");
        WebElement uptime = b.waitFor(By.cssSelector("#g-system\\/\\/uptime svg.chart"));
        assertEquals("learning", uptime.getAttribute("data-band"));
        assertTrue(b.driver().findElements(By.cssSelector("#g-system\\/\\/uptime path.band")).isEmpty());
        b.screenshot(SHOTS.resolve("device-baseline-band.png"));
    }

    @Test
    void deviceSuppliedMarkupIsShownAsText() {
        Browser b = web.browser(Role.VIEWER);
        b.open(web.url("/devices/core1"));
        WebElement alias = b.waitFor(By.cssSelector(".instance .alias"));
        assertEquals(DataScenario.ALIAS, alias.getText());
        assertEquals(DataScenario.SYS_DESCR, b.waitFor(By.id("sysdescr")).getText());
        assertEquals(0L, b.js("return document.querySelectorAll('main img, main script').length"));
        assertNull(b.js("return window.__xss === undefined ? null : window.__xss"));
    }

    @Test
    void theExplorerFlagsTheNodeWhoseCpuIsOutOfLine() {
        Browser b = web.browser(Role.VIEWER);
        b.open(web.url("/explorer?metric=cpu/load&top=5"));
        WebElement row = b.waitFor(By.cssSelector("#outliers tbody tr"));
        assertEquals("node07", row.getAttribute("data-device"));
        assertEquals(1, b.driver().findElements(By.cssSelector("#outliers tbody tr")).size());
        List<WebElement> top = b.driver().findElements(By.cssSelector("#top-table tbody tr"));
        assertEquals(5, top.size());
        assertEquals("node07", top.get(0).getAttribute("data-device"));
        assertTrue(top.get(0).getAttribute("class").contains("outlier"));
        assertFalse(top.get(1).getAttribute("class").contains("outlier"));
        assertTrue(Integer.parseInt(top.get(0).findElement(By.cssSelector("svg.spark")).getAttribute("data-points")) > 20);
        b.screenshot(SHOTS.resolve("explorer.png"));
    }

    @Test
    void theRedButtonOnAPhoneRecordsAComplaintForTheReporter() {
        Browser b = web.browser(Role.REPORTER);
        b.driver().manage().window().setSize(new Dimension(390, 844));
        b.open(web.url("/report"));
        WebElement button = b.waitFor(By.cssSelector("button.redbutton[data-service='voip']"));
        // a large touch target: the full width of the phone and far above the 48 px guideline
        assertTrue(button.getSize().getHeight() >= 90, "height " + button.getSize());
        int viewport = ((Number) b.js("return document.documentElement.clientWidth")).intValue();
        assertTrue(button.getSize().getWidth() >= viewport - 48, "width " + button.getSize() + " of " + viewport);
        int before = data.db.redButton().complaints("voip", data.now.minus(Duration.ofDays(1))).size();
        button.click();
        b.waitFor(By.cssSelector(".confirm .yes")).click();
        WebElement notice = b.waitFor(By.id("notice"));
        b.waitUntil(d -> notice.getText().contains("recorded"));
        assertFalse(b.driver().findElement(By.cssSelector(".confirm")).isDisplayed(), "the confirmation closes");
        List<Complaint> after = data.db.redButton().complaints("voip", data.now.minus(Duration.ofDays(1)));
        assertEquals(before + 1, after.size());
        assertEquals(TestWeb.user(Role.REPORTER), after.get(after.size() - 1).user());
        b.screenshot(SHOTS.resolve("red-button-phone.png"));
        // pressing again at once: the rate limit message, nothing stored
        b.open(web.url("/report"));
        WebElement again = b.waitFor(By.cssSelector("button.redbutton[data-service='voip']"));
        assertFalse(again.isEnabled(), "reported already: the button waits for the rate limit");
    }

    @Test
    void aReporterCannotSeeDevicesOrTheirApi() {
        assertEquals(403, web.http(Role.REPORTER).get("/devices").statusCode());
        assertEquals(403, web.http(Role.REPORTER).get("/api/devices").statusCode());
        assertEquals(403, web.http(Role.REPORTER).get("/api/series/core1/interfaces/3/inOctets").statusCode());
        HttpResponse<String> anon = web.anonymous().get("/api/devices");
        assertEquals(401, anon.statusCode());
    }

    @Test
    void theServicesPagesShowApdexAndTheAdminCanAdopt() {
        Browser b = web.browser(Role.ADMIN);
        b.open(web.url("/services"));
        WebElement card = b.waitFor(By.cssSelector(".card[data-service='voip'] .score"));
        b.waitUntil(d -> !card.getText().isEmpty());
        assertTrue(card.getText().matches("0\\.\\d\\d|1\\.00"), card.getText());
        b.screenshot(SHOTS.resolve("services.png"));
        b.open(web.url("/services/voip"));
        b.waitFor(By.cssSelector("#trend svg.chart path.line"));
        WebElement first = b.waitFor(By.cssSelector("#suggestions tbody tr"));
        assertEquals("core1:cisco_rtt/5/rtt", first.getAttribute("data-series"));
        b.screenshot(SHOTS.resolve("service-voip.png"));
        first.findElement(By.cssSelector("button.adopt")).click();
        WebElement adopted = b.waitFor(By.id("adopted"));
        assertTrue(adopted.getText().contains("adopted") && adopted.getText().contains("cisco_rtt/rtt"), adopted.getText());
        assertEquals(java.util.Optional.of(TestWeb.user(Role.ADMIN)),
                data.db.redButton().latestSuggestion("voip", "core1:cisco_rtt/5/rtt").orElseThrow().adoptedBy());
    }
}
