package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.platform.Role;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.WebhookReceiver;
import io.portico.webhook.WebhookService;

/**
 * The logs in a real Chromium, showing entries that real actions made: a voucher batch created on
 * the dashboard in the operator log (times in the chosen zone), and a test event sent from the
 * webhook log, queued for the operator's receiver, with its payload.
 */
@PorticoIntegrationTest
class DashboardLogsBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired WebhookService webhooks;
    @LocalServerPort int port;

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void operatorAndWebhookLogsShowWhatWasDone() throws Exception {
        PortalWorld world = new PortalWorld(context, "Logs Hotel", GatewayKind.MIKROTIK);
        String email = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        try (var receiver = new WebhookReceiver(); var browser = Browser.start()) {
            webhooks.configure(world.world.operator.id(), receiver.url(), "whsec_" + Fixtures.unique() + "0123456789abcdef");
            webhooks.allowPrivateTargets(world.world.operator.id(), true);
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/vouchers"), email);
            browser.waitForText("Create a batch");
            browser.type(By.id("batch-label"), "Logged batch");
            browser.type(By.id("batch-count"), "2");
            browser.click(By.id("create-submit"));
            browser.waitForText("2 vouchers created");

            browser.click(By.id("nav-logs"));
            browser.waitForText("Operator log");
            browser.type(By.id("log-tz"), "Europe/Madrid");
            browser.clickAndWaitForPage(By.id("log-show"));
            browser.waitForText("Times are shown and entered in Europe/Madrid");
            assertThat(browser.find(By.id("log-entries")).getText()).contains("/guests/addVoucherBatch", "Voucher batch Logged batch added");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-logs");

            browser.type(By.id("log-filter"), "/webhooks");
            browser.clickAndWaitForPage(By.id("log-show"));
            assertThat(browser.find(By.id("log-entries")).getText()).doesNotContain("/guests/addVoucherBatch");

            browser.clickAndWaitForPage(By.id("kind-webhook"));
            browser.click(By.id("send-test"));
            browser.waitForText("A test event was queued");
            // The shared test context runs without the delivery engine: the event waits in the outbox, shown as pending.
            assertThat(browser.find(By.id("log-entries")).getText()).contains("Test", receiver.url(), "PENDING");
            browser.clickAndWaitForPage(By.linkText("Test"));
            assertThat(browser.find(By.id("webhook-payload")).getText()).contains("\"Type\" : \"Test\"",
                    "A test event sent from the dashboard");
            assertThat(browser.find(By.id("webhook-responses")).getText()).contains("No response yet.");
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.open(url("/dashboard/logs?kind=operator&filter=/webhooks"));
            assertThat(browser.find(By.id("log-entries")).getText()).contains("/webhooks/sendTestEvent");
        }
    }
}
