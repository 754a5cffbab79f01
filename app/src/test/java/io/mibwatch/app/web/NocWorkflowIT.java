package io.mibwatch.app.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.mibwatch.app.daemon.Daemon;
import io.mibwatch.app.datadir.DataDir;
import io.mibwatch.config.ConfigLoader;
import io.mibwatch.config.HttpConfig;
import io.mibwatch.config.MibwatchConfig;
import io.mibwatch.simulator.agent.SimClock;
import io.mibwatch.simulator.agent.SnmpSimulator;
import io.mibwatch.simulator.model.TrafficShape;
import io.mibwatch.simulator.scenario.ScenarioLoader;
import io.mibwatch.simulator.sim.Simulation;
import io.mibwatch.simulator.snmprec.LoadReport;
import io.mibwatch.simulator.snmprec.Recording;
import io.mibwatch.web.auth.UserStore;
import io.mibwatch.web.http.Role;
import io.mibwatch.web.testing.Browser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.slf4j.LoggerFactory;
import org.snmp4j.smi.OID;
import org.snmp4j.smi.OctetString;
import org.snmp4j.smi.Variable;
import org.snmp4j.smi.VariableBinding;

/**
 * The NOC's day in a real browser, end to end through the real appliance: the simulator's agents
 * on 127.0.0.1, the daemon polling them every 2 s, the web server of {@code serve}, Chromium. The
 * simulator takes an interface down while the operator watches the alert page: the alert appears
 * without a reload, the operator acknowledges it (a viewer cannot), its graph link opens a drawn
 * chart, a reporter presses the red button and the complaint is counted, a device whose sysDescr
 * is a script tag shows it as text, and the community string appears in no page, API answer or
 * log line.
 */
class NocWorkflowIT {
    private static final String COMMUNITY = "noc-s3cret-community";
    private static final String XSS = "<script>alert(1)</script>";
    private static final OID SYS_DESCR = new OID("1.3.6.1.2.1.1.1.0");
    private static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void theSimulatorRaisesAnAlertAndTheNocWorksItInTheBrowser(@TempDir Path dir) throws Exception {
        assumeTrue(Browser.available(), "needs /usr/bin/chromium and /usr/bin/chromedriver");
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        // the packaged service logs at INFO: capture at least that (the tests' config is quieter)
        ch.qos.logback.classic.Level level = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.INFO);
        List<String> answers = new ArrayList<>();

        List<Simulation.Source> sources = new ArrayList<>();
        for (Simulation.Source s : Simulation.builtInSources()) {
            if (s.name().equals("sw1") || s.name().equals("wan1")) {
                sources.add(s);
            }
            if (s.name().equals("srv1")) {
                sources.add(renamed(s, "evil1", XSS));
            }
        }
        Instant t0 = Instant.ofEpochSecond(Clock.systemUTC().instant().getEpochSecond());
        // the fault comes once the operator's page is open and watching
        var scenario = ScenarioLoader.parse("faults:\n  - {at: 25s, duration: 10m, device: sw1, kind: interface_down, ifindex: 10201}\n",
                "noc-it.yaml");
        try (Simulation sim = Simulation.builder().sources(sources).scenario(scenario).shape(TrafficShape.DEFAULT)
                .community(COMMUNITY).listen(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .clock(new SimClock(Clock.systemUTC(), t0, 1)).start()) {
            MibwatchConfig cfg = ConfigLoader.parse(config(sim.endpoints()), "noc-it.yaml");
            try (UserStore users = UserStore.open(new DataDir(dir).usersDb(), Clock.systemUTC(), 4)) {
                for (Role r : Role.values()) {
                    users.add(r.label(), r, (r.label() + "-password").toCharArray());
                }
            }
            StringWriter console = new StringWriter();
            try (Daemon daemon = new Daemon(cfg, new DataDir(dir), Clock.systemUTC(), Duration.ofMillis(500))) {
                daemon.start();
                try (WebWiring web = WebWiring.start(daemon, cfg, new DataDir(dir), new HttpConfig.Listen("127.0.0.1", 0),
                        Clock.systemUTC(), new PrintWriter(console));
                     Browser op = Browser.start();
                     Browser viewer = Browser.start();
                     Browser reporter = Browser.start()) {
                    var base = web.url();
                    op.login(base, "operator", "operator-password");
                    op.waitFor(By.id("alerts"));
                    op.js("window.__noReload = 'still-here';");
                    answers.add(op.driver().getPageSource());

                    // the simulator takes sw1's interface down; the page shows the alert without a reload
                    // (sw1's recorded walk trips a vendor reference rule or two as well: look for the interface-down alert)
                    By sw1Row = By.cssSelector("#alerts tbody tr[data-id^='event:ifdown@sw1/interfaces/10201/']");
                    WebElement row = new org.openqa.selenium.support.ui.WebDriverWait(op.driver(), Duration.ofSeconds(60))
                            .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                            .until(d -> d.findElements(sw1Row).stream().findFirst().orElse(null));
                    assertEquals("still-here", op.js("return window.__noReload;"), "the alert came live, no reload");
                    String alertId = row.getAttribute("data-id");
                    assertTrue(row.getText().contains("sw1"), row.getText());
                    op.screenshot(SHOTS.resolve("noc-alert-page.png"));

                    // a viewer sees it but has no ack button
                    viewer.login(base, "viewer", "viewer-password");
                    viewer.waitFor(By.cssSelector("#alerts tbody tr[data-id='" + alertId + "']"));
                    assertTrue(viewer.driver().findElements(By.cssSelector("#alerts .ack-button")).isEmpty(),
                            "no ack for a viewer");

                    // the operator acknowledges it with a comment
                    op.waitFor(By.cssSelector("#alerts tbody tr[data-id='" + alertId + "'] .ack-button")).click();
                    op.type(By.id("ack-comment"), "field tech on the way");
                    op.driver().findElement(By.id("ack-confirm")).click();
                    assertEquals("ACK operator", op.waitForText(By.cssSelector("#alerts tr.acked .badge.ack"), "ACK operator"));
                    assertEquals("field tech on the way",
                            daemon.alerting().store().alert(alertId).orElseThrow().ack().orElseThrow().comment());

                    // its graph: the metric link opens the device page focused on a drawn chart
                    String graphHref = op.waitFor(By.cssSelector("#alerts tbody tr[data-id='" + alertId + "'] td.metric a"))
                            .getAttribute("href");
                    assertTrue(graphHref.contains("/devices/sw1?series=interfaces/10201/"), graphHref);
                    // the hour's graph (1-minute rows): polling began a minute ago, so the first rows are
                    // completing now; reload until the chart has them (the link itself opens the day)
                    String points = null;
                    String path = null;
                    long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
                    while (points == null && System.nanoTime() < deadline) {
                        op.open(java.net.URI.create(graphHref + "&range=1h"));
                        WebElement fig = op.waitFor(By.cssSelector("figure.graph.focus"));
                        path = fig.getAttribute("data-path");
                        try {
                            points = new org.openqa.selenium.support.ui.WebDriverWait(op.driver(), Duration.ofSeconds(10))
                                    .until(d -> {
                                        Object n = op.js("const s = document.querySelector(\"figure.graph.focus svg.chart\");"
                                                + " return s ? s.getAttribute('data-points') : null;");
                                        return n == null ? null : n.toString();
                                    });
                        } catch (org.openqa.selenium.TimeoutException notYet) {
                            points = null;
                        }
                    }
                    assertTrue(points != null, path + ": no chart drawn within 150 s of polling");
                    // something visible: a line segment or, for a lone first row, a dot
                    Object marks = op.js("const s = document.querySelector(\"figure.graph.focus svg.chart\");"
                            + " return s.querySelectorAll('circle.dot').length + (s.querySelector('path.line').getAttribute('d').includes('L') ? 1 : 0);");
                    assertTrue(((Number) marks).intValue() > 0, path + ": nothing drawn of " + points + " points");
                    assertTrue(Integer.parseInt(points) > 0, path + ": " + points + " points");
                    op.screenshot(SHOTS.resolve("noc-device-graph.png"));
                    answers.add(op.driver().getPageSource());

                    // a device whose sysDescr is a script tag: shown as text, nothing runs
                    op.js("window.alert = () => { window.__alerted = true; };");
                    op.open(base.resolve("/devices/evil1"));
                    op.waitUntil(d -> XSS.equals(d.findElement(By.id("sysdescr")).getText()));
                    assertEquals(0L, op.js("return document.querySelectorAll('main script').length"));
                    assertNull(op.js("return window.__alerted === undefined ? null : window.__alerted"));
                    answers.add(op.driver().getPageSource());

                    // the red button: a reporter on a phone; the complaint is counted
                    reporter.login(base, "reporter", "reporter-password");
                    reporter.driver().manage().window().setSize(new Dimension(390, 844));
                    reporter.open(base.resolve("/report"));
                    int before = daemon.alerting().store().redButton().complaints("voice", t0.minusSeconds(60)).size();
                    reporter.waitFor(By.cssSelector("button.redbutton[data-service='voice']")).click();
                    reporter.waitFor(By.cssSelector(".confirm .yes")).click();
                    reporter.waitUntil(d -> d.findElement(By.id("notice")).getText().contains("recorded"));
                    var complaints = daemon.alerting().store().redButton().complaints("voice", t0.minusSeconds(60));
                    assertEquals(before + 1, complaints.size());
                    assertEquals("reporter", complaints.get(complaints.size() - 1).user());
                    reporter.screenshot(SHOTS.resolve("noc-red-button.png"));

                    // the services page as the operator: Apdex and the complaint there
                    op.open(base.resolve("/services"));
                    op.waitFor(By.cssSelector("#services section.card[data-service='voice'] .score"));
                    op.screenshot(SHOTS.resolve("noc-services.png"));
                    answers.add(op.driver().getPageSource());
                    for (String api : List.of("/api/devices", "/api/devices/evil1", "/api/alerts", "/api/services", "/metrics")) {
                        Object body = op.js("const r = new XMLHttpRequest(); r.open('GET', arguments[0], false); r.send();"
                                + " return r.status + ' ' + r.responseText;", api);
                        assertTrue(body.toString().startsWith("200 "), api + ": " + body.toString().substring(0, Math.min(200, body.toString().length())));
                        answers.add(body.toString());
                    }
                }
            }
            answers.add(console.toString());
        } finally {
            root.detachAppender(logs);
            root.setLevel(level);
        }
        // the community is a secret: no page, API answer, console or log line shows it
        for (String a : answers) {
            assertFalse(a.contains(COMMUNITY), "community in an answer: " + a.substring(0, Math.min(300, a.length())));
        }
        assertTrue(logs.list.size() > 10, "logs were captured: " + logs.list.size());
        for (ILoggingEvent e : logs.list) {
            String line = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertFalse(line.contains(COMMUNITY), "community in a log line: " + line);
        }
    }

    /** A copy of a built-in device under another name and sysDescr (what its agent says about itself). */
    private static Simulation.Source renamed(Simulation.Source s, String name, String sysDescr) {
        TreeMap<OID, Variable> values = new TreeMap<>(s.values());
        values.put(SYS_DESCR, new OctetString(sysDescr));
        List<VariableBinding> vbs = new ArrayList<>(values.size());
        values.forEach((oid, v) -> vbs.add(new VariableBinding(oid, v)));
        LoadReport report = new LoadReport("test copy of " + s.name(), vbs.size(), vbs.size(), 0, 0, 0);
        return new Simulation.Source(name, Recording.of(name, vbs, report), values);
    }

    private static String config(List<SnmpSimulator.Endpoint> endpoints) {
        StringBuilder y = new StringBuilder("defaults:\n  interval: 2s\n  timeout: 1s\n  retries: 1\n  credentials: lab\n")
                .append("credentials:\n  lab: {community: ").append(COMMUNITY).append("}\ndevices:\n");
        for (SnmpSimulator.Endpoint e : endpoints) {
            y.append("  - {name: ").append(e.device()).append(", address: 127.0.0.1, port: ")
                    .append(e.address().getPort()).append(", version: v2c}\n");
        }
        y.append("services:\n  - name: voice\n    window: 5m\n    members:\n")
                .append("      - {device: wan1, series: cisco_rtt/20/rtt, t: 150ms}\n");
        return y.toString();
    }
}
