package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.LoopbackNas;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.Radclient;

/**
 * Staff at the dashboard in a real headless Chromium: signing in (and a wrong password), the
 * overview's figures and charts, live sessions fed by real RADIUS accounting (radclient) that
 * appear after Start and go after Stop, a disconnect a loopback NAS ACKs (done once the Stop
 * arrives) and one it NAKs (failed, retried, in the operator log), guest search and profile, and a
 * customer-support user who neither sees nor reaches what its role cannot do. axe-core finds no
 * serious or critical problem on any page; screenshots go to docs/img/dashboard-*.png.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius radius = new LoopbackRadius();

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void signsInShowsTheOverviewWithChartsAndRefusesAWrongPassword() throws Exception {
        try (var world = new DashboardWorld(context, "Overview " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK);
             var browser = Browser.start()) {
            browser.open(url("/dashboard"));
            browser.waitForText("Sign in to the dashboard");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-signin");

            browser.type(By.id("email"), world.admin);
            browser.type(By.id("password"), "not the password");
            browser.click(By.id("signin-submit"));
            browser.waitForText("Email address or password is incorrect.");

            browser.type(By.id("password"), Fixtures.PASSWORD);
            browser.click(By.id("signin-submit"));
            browser.waitForText("Busiest hotspots");
            assertThat(browser.text()).contains(world.guests.operator.name(), "America/New_York", world.hotspot.name());
            assertThat(browser.find(By.id("month-sessions")).getText()).isEqualTo("2");
            assertThat(browser.find(By.id("month-new")).getText()).isEqualTo("2");
            Awaitility.await().atMost(Duration.ofSeconds(15))
                    .until(() -> "3".equals(browser.find(By.id("overview-charts")).getAttribute("data-drawn")));
            assertThat(browser.driver().findElements(By.cssSelector("#overview-charts canvas"))).hasSize(3);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-overview");
        }
    }

    @Test
    void liveSessionAppearsAfterStartGoesAfterStopAndADisconnectIsDoneOnlyWithItsStop() throws Exception {
        try (var world = new DashboardWorld(context, "Live " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK);
             var browser = Browser.start()) {
            String phone = world.mac(7);
            String session = "L-" + Fixtures.unique();
            assertThat(world.accounting(radius, "Start", phone, session).received("Accounting-Response")).isTrue();

            DashboardWorld.signIn(browser, port, world.admin);
            browser.waitForText("Busiest hotspots");
            browser.click(By.id("nav-sessions"));
            browser.waitForText(phone);
            assertThat(browser.text()).contains("Online now: 1", world.hotspot.name(), "10.5.50.20");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-sessions");

            assertThat(world.accounting(radius, "Stop", phone, session, "Acct-Session-Time = 60").received("Accounting-Response")).isTrue();
            // htmx refreshes the list every 5 s: the stopped session leaves without a reload.
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !browser.text().contains(phone));
            assertThat(browser.text()).contains("Online now: 0");

            String second = "L-" + Fixtures.unique();
            assertThat(world.accounting(radius, "Start", phone, second).received("Accounting-Response")).isTrue();
            browser.open(url("/dashboard/sessions"));
            browser.waitForText(phone);
            browser.click(By.cssSelector("button[id^='disconnect-']"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText("ACKed, waiting for the Stop");
            assertThat(world.nas.lastRequestText()).contains(second);

            assertThat(world.accounting(radius, "Stop", phone, second, "Acct-Session-Time = 30",
                    "Acct-Terminate-Cause = Admin-Reset").received("Accounting-Response")).isTrue();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> browser.text().contains("Done (ACK and Stop)"));
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-disconnect");
        }
    }

    @Test
    void aDisconnectTheNasRefusesIsShownAsFailedAndLogged() throws Exception {
        try (var world = new DashboardWorld(context, "Refusing " + Fixtures.unique(), LoopbackNas.DISCONNECT_NAK);
             var browser = Browser.start()) {
            String phone = world.mac(8);
            String session = "N-" + Fixtures.unique();
            assertThat(world.accounting(radius, "Start", phone, session).received("Accounting-Response")).isTrue();
            DashboardWorld.signIn(browser, port, world.admin);
            browser.waitForText("Busiest hotspots");
            browser.open(url("/dashboard/sessions"));
            browser.waitForText(phone);
            browser.click(By.cssSelector("button[id^='disconnect-']"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText("Failed, will retry");
            assertThat(browser.text()).contains("Disconnect-NAK", phone);
            assertThat(jdbc.sql("select count(*) from operator_log where operator_id = ? and event_json like ?")
                    .params(world.guests.operator.id(), "%" + session + "%failed%").query(Long.class).single()).isPositive();
        }
    }

    @Test
    void findsAGuestAndShowsItsProfileConnectionsAndPurchases() throws Exception {
        try (var world = new DashboardWorld(context, "Guests " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK);
             var browser = Browser.start()) {
            var plan = world.guests.plan("Day pass " + Fixtures.unique(), Duration.ofDays(1));
            world.guests.plans().recordPayment(world.guests.client.id(), world.ana.id(), plan.id(), "Card", "tx-" + Fixtures.unique(),
                    java.time.Instant.now());
            DashboardWorld.signIn(browser, port, world.admin);
            browser.waitForText("Busiest hotspots");
            browser.click(By.id("nav-guests"));
            browser.type(By.id("guest-search"), world.ana.profile().email());
            browser.click(By.id("guest-search-submit"));
            browser.waitForText(world.ana.macAddress().value());
            assertThat(browser.text()).doesNotContain(world.bruno.macAddress().value());
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-guests");

            browser.click(By.linkText(world.ana.macAddress().value()));
            browser.waitForText("Connections");
            assertThat(browser.text()).contains("Ana Lima", world.hotspot.name(), plan.name(), "Card");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-guest");

            browser.click(By.id("unsubscribe"));
            browser.waitForText("Unsubscribed");
            browser.click(By.id("erase"));
            browser.waitForText("It cannot be undone");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.type(By.id("erase-confirm"), world.ana.macAddress().value());
            browser.click(By.id("erase-submit"));
            browser.waitForText("Guest " + world.ana.id() + " was erased.");
            assertThat(browser.text()).doesNotContain(world.ana.macAddress().value()).contains(world.bruno.macAddress().value());
            assertThat(jdbc.sql("select count(*) from guest where id = ?").param(world.ana.id()).query(Long.class).single()).isZero();
        }
    }

    @Test
    void customerSupportNeitherSeesNorReachesWhatItsRoleCannotDo() throws Exception {
        try (var world = new DashboardWorld(context, "Support " + Fixtures.unique(), LoopbackNas.DISCONNECT_ACK);
             var browser = Browser.start()) {
            String phone = world.mac(9);
            assertThat(world.accounting(radius, "Start", phone, "S-" + Fixtures.unique()).received("Accounting-Response")).isTrue();
            DashboardWorld.signIn(browser, port, world.support);
            browser.waitForText("Busiest hotspots");
            assertThat(browser.driver().findElements(By.id("nav-settings"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("nav-logs"))).isNotEmpty();

            browser.open(url("/dashboard/sessions"));
            browser.waitForText(phone);
            assertThat(browser.driver().findElements(By.cssSelector("button[id^='disconnect-']"))).isEmpty();

            browser.open(url("/dashboard/guests/" + world.bruno.id()));
            browser.waitForText("Connections");
            assertThat(browser.driver().findElements(By.id("erase"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("unsubscribe"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("import-submit"))).isEmpty();

            browser.open(url("/dashboard/guests/" + world.bruno.id() + "/erase"));
            browser.waitForText("Not allowed");
            assertThat(browser.text()).contains("Your role does not allow this action");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-forbidden");
        }
    }
}
