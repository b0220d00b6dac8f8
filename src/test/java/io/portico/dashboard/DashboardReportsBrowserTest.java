package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.platform.Role;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;

/**
 * The Reports page in a real Chromium: the subscriptions ending within the operator's lookahead,
 * soonest first, with the CSV link; a SIEM administrator has no Reports; the language an
 * administrator picks is kept for the emailed report.
 */
@PorticoIntegrationTest
class DashboardReportsBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void reportsListTheSubscriptionsEndingWithinTheLookahead() {
        ResidentWorld world = new ResidentWorld(context);
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.REPORTING, new Sections.Reporting(72, 24),
                Map.of());
        Instant now = Instant.now();
        add(world, "Unit 4B", "ana@example.com", "Ana", now.plus(Duration.ofHours(30)));
        add(world, "Unit 2A", "ben@example.com", "Ben", now.plus(Duration.ofHours(5)));
        add(world, "Unit 9C", "cy@example.com", "Cy", now.plus(Duration.ofHours(200)));
        String admin = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        String siem = fixtures.administrator(world.operator, Role.SIEM_ADMINISTRATORS);
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/overview"), admin);
            browser.waitForText("Overview");
            browser.clickAndWaitForPage(By.id("nav-reports"));
            browser.waitForText("Subscriptions ending soon");
            assertThat(browser.find(By.id("report-window")).getText()).contains("next 72 hours");
            assertThat(browser.find(By.id("report-schedule")).getText()).contains("every 24 hours");
            String table = browser.find(By.id("ending-subscriptions")).getText();
            assertThat(table).contains("Unit 2A", "Ben Rivera", "ben@example.com", "Unit 4B", "Ana Rivera").doesNotContain("Unit 9C");
            assertThat(table.indexOf("Unit 2A")).as("soonest first").isLessThan(table.indexOf("Unit 4B"));
            assertThat(browser.find(By.id("report-csv")).getAttribute("href")).endsWith("/dashboard/reports/subscriptions-ending.csv");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-reports");

            browser.clickAndWaitForPage(By.linkText("Español"));
            browser.waitForText("Suscripciones que terminan pronto");
            assertThat(jdbc.sql("select locale from administrator where email = ?").param(admin).query(String.class).single())
                    .as("the emailed report is written in the language picked").isEqualTo("es-xl");
        }
        try (var browser = Browser.start()) {
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin?next=/dashboard/logs"), siem);
            browser.waitForText("Operator log");
            assertThat(browser.driver().findElements(By.id("nav-reports"))).isEmpty();
            browser.open(url("/dashboard/reports"));
            assertThat(browser.find(By.tagName("main")).getText()).doesNotContain("Subscriptions ending soon");
        }
    }

    private void add(ResidentWorld world, String unit, String email, String name, Instant endsAt) {
        context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(world.unit(unit).key(), world.plan.key(),
                new SubscriberDetails(email, name, "Rivera", "+15551230000", "en-us", false, false), Instant.now().minus(Duration.ofDays(3)),
                endsAt, null));
    }
}
