package io.portico.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.identity.IdentityService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.platform.Role;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Operator;

/**
 * The settings pages in a real Chromium: branding seen in the live preview and then on the real
 * portal, terms refused by the sanitiser with the reason shown, an email template previewed and
 * saved, an administrator added with a role, two-factor sign-in required of the operator (an
 * administrator without it is sent to enrolment), and a CustomerSupport user who neither sees
 * the settings nor gets anything done with a forged form.
 */
@PorticoIntegrationTest
class DashboardSettingsBrowserTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired OperatorSettingsService settings;
    @Autowired IdentityService identity;
    @LocalServerPort int port;

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String brandColourOf(Browser browser, By by) {
        return (String) browser.driver().executeScript("return getComputedStyle(arguments[0]).backgroundColor", browser.find(by));
    }

    @Test
    void brandingTermsAndEmailTemplatesArePreviewedBeforeTheyAreSaved() {
        PortalWorld world = new PortalWorld(context, "Settings Hotel", GatewayKind.MIKROTIK);
        long operatorId = world.world.operator.id();
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Signed in as");
            browser.clickAndWaitForPage(By.id("nav-settings"));
            assertThat(browser.find(By.id("settings-index")).getText()).contains("Operator profile", "Branding", "Terms and conditions",
                    "Email templates", "Notifications", "Network configuration", "Webhook", "RADIUS clients", "Administrators");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-settings");

            // Profile: a time zone that does not exist is refused on the form; a real one becomes the logs' default.
            browser.clickAndWaitForPage(By.id("open-profile"));
            browser.type(By.id("profile-zone"), "Mars/Olympus_Mons");
            browser.clickAndWaitForPage(By.id("profile-save"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("time zone is not known");
            assertThat(settings.timeZone(operatorId)).isEqualTo(java.time.ZoneOffset.UTC);
            browser.type(By.id("profile-zone"), "America/Chicago");
            browser.type(By.id("profile-phone"), "+1 312 555 0100");
            browser.clickAndWaitForPage(By.id("profile-save"));
            browser.waitForText("Saved.");
            assertThat(settings.timeZone(operatorId)).isEqualTo(ZoneId.of("America/Chicago"));
            assertThat(settings.section(operatorId, Section.PROFILE).phoneNumber()).isEqualTo("+1 312 555 0100");

            // Branding: the preview frame shows the real portal page in the unsaved colour.
            browser.clickAndWaitForPage(By.id("settings-branding"));
            browser.type(By.id("light-brand"), "#123456");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                    browser.find(By.id("portal-preview")).getAttribute("src").contains("123456"));
            browser.driver().switchTo().frame("portal-preview");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                    "rgb(18, 52, 86)".equals(brandColourOf(browser, By.id("click-submit"))));
            assertThat(browser.text()).contains("Welcome to the Wi-Fi of " + world.world.operator.name());
            browser.driver().switchTo().defaultContent();
            assertThat(settings.section(operatorId, Section.DISPLAY).configuration()).doesNotContainKey("ThemeLight");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-branding");
            browser.type(By.id("brand-colour"), "blue");
            browser.clickAndWaitForPage(By.id("branding-save"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("blue is not a colour");
            assertThat(settings.section(operatorId, Section.DISPLAY).configuration()).doesNotContainKey("ThemeLight");
            browser.type(By.id("brand-colour"), "#654321");
            browser.clickAndWaitForPage(By.id("branding-save"));
            browser.waitForText("Saved.");
            assertThat(settings.section(operatorId, Section.DISPLAY).configuration().get("ThemeLight"))
                    .isEqualTo(Map.of("primary", "#123456"));

            // The real portal behind a MikroTik gateway now wears it.
            browser.open(url("/portal/" + world.hotspot.nasIdentifier() + "?mac=02:5E:77:00:00:01&ip=10.5.50.23"
                    + "&link-login-only=http://10.5.50.1/login&link-orig=http://example.com/"));
            browser.waitForText("Welcome to the Wi-Fi of " + world.hotspot.name());
            assertThat(brandColourOf(browser, By.id("click-submit"))).isEqualTo("rgb(18, 52, 86)");

            // Terms: active content is refused, the reason and the cleaned text are shown, nothing is stored.
            browser.open(url("/dashboard/settings/terms"));
            browser.type(By.id("terms-text"), "<h2>House rules</h2><p onclick=\"steal()\">Be kind to other guests.</p>"
                    + "<script>alert(1)</script>");
            browser.clickAndWaitForPage(By.id("terms-save"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("Not saved", "<script> element");
            assertThat(browser.find(By.id("terms-removed")).getText()).contains("<script> element",
                    "event-handler attribute onclick on <p>");
            assertThat(browser.find(By.id("terms-rendered")).getText()).contains("House rules", "Be kind to other guests.");
            assertThat(browser.driver().findElements(By.cssSelector("#terms-rendered script, #terms-rendered [onclick]"))).isEmpty();
            assertThat(settings.section(operatorId, Section.TANDC).byLocale()).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-terms");
            browser.type(By.id("terms-text"), "<h2>House rules</h2><p>Be kind to other guests.</p>");
            browser.clickAndWaitForPage(By.id("terms-preview"));
            browser.waitForText("plain formatting");
            browser.clickAndWaitForPage(By.id("terms-save"));
            browser.waitForText("Saved.");
            assertThat(settings.section(operatorId, Section.TANDC).byLocale()).containsEntry("en-us",
                    "<h2>House rules</h2><p>Be kind to other guests.</p>");

            // Email templates: the unsaved subject previews with example values in the operator's branding.
            browser.clickAndWaitForPage(By.id("settings-email-templates"));
            browser.type(By.id("email-subject"), "Hello {givenname}, welcome to {venuename}");
            browser.click(By.id("email-preview-button"));
            browser.driver().switchTo().frame("email-preview");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15)).until(d ->
                    browser.text().contains("Hello Ana, welcome to Harbour View"));
            assertThat(browser.text()).contains("your WiFi service at Harbour View");
            browser.driver().switchTo().defaultContent();
            assertThat(settings.section(operatorId, Section.EMAIL).templates()).isEmpty();
            browser.screenshot("dashboard-email-templates");
            browser.clickAndWaitForPage(By.id("email-save"));
            browser.waitForText("Saved.");
            assertThat(settings.section(operatorId, Section.EMAIL).templates().get("en-us"))
                    .isEqualTo(Map.of("WelcomeEmail", Map.of("NewSubscriber", Map.of("Subject", "Hello {givenname}, welcome to {venuename}"))));

            // Every change is in the operator log, as the console API writes it.
            browser.open(url("/dashboard/logs?kind=operator"));
            browser.waitForText("/operator/configureDisplayConfiguration");
            assertThat(browser.text()).contains("/operator/configureOperatorProfile", "/operator/configureTimeZone",
                    "/equipment/configureTandC", "/operator/configureEmailConfiguration");
        }
    }

    @Test
    void administratorsRolesAndTheTwoFactorRequirementAndWhatCustomerSupportCannotDo() {
        Operator operator = fixtures.operator();
        String admin = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
        String support = fixtures.administrator(operator, Role.CUSTOMER_SUPPORT);
        String added = "added-" + Fixtures.unique().toLowerCase() + "@example.com";
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));

            // CustomerSupport: no settings in the navigation, a 403 page for the page and for a forged form.
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), support);
            browser.waitForText("Signed in as");
            assertThat(browser.driver().findElements(By.id("nav-settings"))).isEmpty();
            browser.open(url("/dashboard/settings/branding"));
            browser.waitForText("Not allowed");
            browser.open(url("/dashboard/settings/administrators"));
            browser.waitForText("Not allowed");
            browser.driver().executeScript("const token = document.querySelector('input[name=_csrf]').value;"
                    + "const f = document.createElement('form'); f.method = 'post'; f.action = '/dashboard/settings/administrators';"
                    + "for (const [k, v] of [['_csrf', token], ['email', arguments[0]], ['password', 'a-long-password-1'],"
                    + " ['roles', 'DomainAdministrators']]) { const i = document.createElement('input'); i.type = 'hidden';"
                    + " i.name = k; i.value = v; f.appendChild(i); } document.body.appendChild(f); f.submit();", added);
            browser.waitForText("Not allowed");
            assertThat(identity.listAdministrators(operator.id())).extracting(a -> a.email()).doesNotContain(added);
            browser.click(By.id("sign-out"));
            browser.waitForText("You have signed out.");

            // A DomainAdministrator adds an administrator with a role; a bad password is refused on the form, in Spanish too.
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Signed in as");
            browser.open(url("/dashboard/settings/administrators?lang=es-xl"));
            browser.type(By.id("admin-email"), added);
            browser.type(By.id("admin-password"), "short");
            browser.driver().executeScript("document.getElementById('admin-password').removeAttribute('minlength')");
            browser.clickAndWaitForPage(By.id("admin-add"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("No se guardó", "12 caracteres");
            browser.open(url("/dashboard/settings/administrators?lang=en-us"));
            browser.type(By.id("admin-email"), added);
            browser.type(By.id("admin-name"), "Added Manager");
            browser.type(By.id("admin-password"), Fixtures.PASSWORD);
            browser.click(By.id("new-role-CustomerSupport"));
            browser.click(By.id("new-role-AccountManagers"));
            browser.clickAndWaitForPage(By.id("admin-add"));
            browser.waitForText("Saved.");
            assertThat(browser.find(By.id("administrators")).getText()).contains(added, "Added Manager");
            assertThat(identity.listAdministrators(operator.id())).filteredOn(a -> a.email().equals(added))
                    .singleElement().satisfies(a -> assertThat(a.roles()).containsExactly(Role.ACCOUNT_MANAGERS));
            assertThat(browser.accessibilityProblems()).isEmpty();

            // Require two-factor sign-in for the operator: this administrator has no TOTP either, so enrolment comes first.
            browser.screenshot("dashboard-administrators");
            browser.click(By.id("require-two-factor"));
            browser.waitForText("Your operator requires two-factor sign-in");
            assertThat(browser.url()).contains("/dashboard/account/two-factor");
            browser.click(By.id("sign-out"));
            browser.waitForText("You have signed out.");

            // The new administrator has no TOTP: after the password, enrolment, and no other page.
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), added);
            browser.waitForText("Your operator requires two-factor sign-in");
            assertThat(browser.url()).contains("/dashboard/account/two-factor");
            browser.open(url("/dashboard/overview"));
            assertThat(browser.url()).contains("/dashboard/account/two-factor");
        }
    }

    @Test
    void networkWebhookRadiusClientsAndNotificationsKeepSecretsWriteOnly() {
        PortalWorld world = new PortalWorld(context, "Settings Network Hotel", GatewayKind.MIKROTIK);
        long operatorId = world.world.operator.id();
        String admin = fixtures.administrator(world.world.operator, Role.DOMAIN_ADMINISTRATORS);
        try (var browser = Browser.start()) {
            browser.driver().manage().window().setSize(new Dimension(1400, 1000));
            DashboardVoucherBrowserTest.signIn(browser, url("/dashboard/signin"), admin);
            browser.waitForText("Signed in as");

            // Network: a reversed VLAN range is refused with nothing stored; a RADIUS secret is stored sealed, shown masked.
            browser.open(url("/dashboard/settings/network"));
            browser.type(By.id("wired-min"), "1500");
            browser.type(By.id("wired-max"), "1400");
            browser.clickAndWaitForPage(By.id("network-save"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("VLAN range");
            assertThat(settings.network(operatorId).wiredPlusWireless().min()).isEqualTo(1000);
            browser.type(By.id("wired-min"), "1100");
            browser.type(By.id("wired-max"), "1400");
            browser.type(By.id("global-ssids"), "Harbour Guest\nHarbour Staff");
            browser.type(By.id("radius-secret"), "network-radius-secret-42");
            browser.clickAndWaitForPage(By.id("network-save"));
            browser.waitForText("Saved.");
            assertThat(settings.network(operatorId).globalSsids()).containsExactly("Harbour Guest", "Harbour Staff");
            assertThat(settings.secret(operatorId, io.portico.operator.SecretName.RADIUS_SECRET)).contains("network-radius-secret-42");
            assertThat(browser.find(By.id("radius-secret-help")).getText()).contains("A secret is set").doesNotContain("network-radius-secret-42");
            assertThat(browser.find(By.id("radius-secret")).getAttribute("value")).isEmpty();
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-network");

            // Notifications.
            browser.clickAndWaitForPage(By.id("settings-notifications"));
            browser.click(By.id("notify-end"));
            browser.type(By.id("notify-sms"), "555");
            browser.clickAndWaitForPage(By.id("notifications-save"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("E.164");
            browser.type(By.id("notify-sms"), "+15551234567");
            browser.clickAndWaitForPage(By.id("notifications-save"));
            browser.waitForText("Saved.");
            assertThat(settings.section(operatorId, Section.NOTIFICATIONS).sendSubscriptionEndEmail()).isFalse();
            assertThat(browser.accessibilityProblems()).isEmpty();

            // Webhook: URL saved; a new signing secret is shown once, then only masked.
            browser.clickAndWaitForPage(By.id("settings-webhook"));
            browser.type(By.id("webhook-url"), "https://hooks.example.com/portico");
            browser.clickAndWaitForPage(By.id("webhook-save"));
            browser.waitForText("Saved.");
            org.openqa.selenium.WebElement oldPage = browser.find(By.tagName("html"));
            browser.click(By.id("webhook-rotate"));
            browser.driver().switchTo().alert().accept();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(oldPage));
            String secret = browser.find(By.id("webhook-secret")).getText();
            assertThat(secret).startsWith("whsec_").hasSizeGreaterThan(40);
            assertThat(context.getBean(io.portico.webhook.WebhookService.class).signingSecret(operatorId)).contains(secret);
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-webhook");
            browser.open(url("/dashboard/settings/webhook"));
            assertThat(browser.text()).doesNotContain(secret).contains("A secret is set");

            // RADIUS clients: added for the hotspot; the shared secret never comes back.
            browser.clickAndWaitForPage(By.id("settings-radius-clients"));
            browser.type(By.id("nas-name"), "Lobby controller");
            browser.type(By.id("nas-network"), "not-an-address");
            browser.type(By.id("nas-secret"), "nas-shared-secret-123");
            browser.clickAndWaitForPage(By.id("radius-add"));
            assertThat(browser.find(By.id("settings-error")).getText()).contains("IP address or CIDR");
            browser.type(By.id("nas-network"), "198.51.100.0/24");
            browser.type(By.id("nas-identifier"), "lobby-ctl-" + Fixtures.unique());
            browser.type(By.id("nas-secret"), "nas-shared-secret-123");
            browser.clickAndWaitForPage(By.id("radius-add"));
            browser.waitForText("Saved.");
            assertThat(browser.find(By.id("radius-clients")).getText()).contains("Lobby controller", "198.51.100.0/24",
                    "Hotspot " + world.hotspot.name()).doesNotContain("nas-shared-secret-123");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.screenshot("dashboard-radius-clients");
        }
    }
}
