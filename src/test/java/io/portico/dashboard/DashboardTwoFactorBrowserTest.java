package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.identity.Totp;
import io.portico.platform.Role;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;

/**
 * Two-factor sign-in in a real Chromium: sign-in with only a password, enrolment from the
 * secret the page shows (the test computes the app's code from it), then sign-in asking for a
 * code; and a DomainAdministrator requiring it, which sends another administrator to enrolment.
 */
@PorticoIntegrationTest
class DashboardTwoFactorBrowserTest {

    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @LocalServerPort int port;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void signOut(Browser browser) {
        browser.click(By.id("sign-out"));
        browser.waitForText("You have signed out.");
    }

    @Test
    void signInWithAndWithoutTotpAndTheOperatorRequirement() {
        // Standing at the start of a 30-second step, so the next step's code is a new one.
        clock.fix(Instant.now().truncatedTo(ChronoUnit.MINUTES));
        Operator operator = fixtures.operator();
        String admin = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        String support = fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Signed in as");

            browser.clickAndWaitForPage(By.id("account-two-factor"));
            assertThat(browser.find(By.id("totp-status")).getText()).contains("Off");
            browser.clickAndWaitForPage(By.id("start-submit"));
            String secret = browser.find(By.id("totp-secret")).getText();
            assertThat(secret).matches("[A-Z2-7]{32}");
            assertThat(browser.find(By.cssSelector(".enrolment svg.qr")).getAttribute("aria-label")).contains("authenticator");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-totp");

            browser.type(By.id("confirm-code"), Totp.code(secret, clock.instant()));
            browser.click(By.id("confirm-submit"));
            browser.waitForText("Two-factor sign-in is on.");
            assertThat(browser.driver().findElements(By.cssSelector("#recovery-codes li"))).hasSize(10);
            String recovery = browser.find(By.cssSelector("#recovery-codes li")).getText();
            assertThat(browser.accessibilityProblems()).isEmpty();
            signOut(browser);

            // Password, then the code of the next step (the first step's code was taken by the confirmation).
            clock.advance(Duration.ofSeconds(30));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Enter your sign-in code");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.type(By.id("code"), Totp.code(secret, clock.instant()));
            browser.click(By.id("code-submit"));
            browser.waitForText("Signed in as");
            assertThat(browser.url()).doesNotContain("/signin");
            signOut(browser);

            // The same code again is refused; a recovery code works.
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Enter your sign-in code");
            browser.type(By.id("code"), Totp.code(secret, clock.instant()));
            browser.click(By.id("code-submit"));
            browser.waitForText("not right or was already used");
            browser.type(By.id("code"), recovery);
            browser.click(By.id("code-submit"));
            browser.waitForText("Signed in as");

            browser.open(url("/dashboard/account/two-factor"));
            browser.click(By.id("policy-submit"));
            browser.waitForText("required of every administrator");
            signOut(browser);

            // An administrator without it is sent to enrolment after the password.
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), support);
            browser.waitForText("Your operator requires two-factor sign-in");
            assertThat(browser.url()).contains("/dashboard/account/two-factor");
            browser.open(url("/dashboard/overview"));
            assertThat(browser.url()).contains("/dashboard/account/two-factor");
        }
    }
}
