package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;

import io.portico.operator.OperatorSettingsService;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.SelfSignup;
import io.portico.support.Browser;
import io.portico.support.LoopbackParts;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.Fixtures;

/**
 * A resident in a real headless Chromium: signs up at a venue from its link, signs out and in,
 * meets the wrong-password and lockout messages, and recovers a forgotten password through the
 * email GreenMail receives. Every page passes axe-core without serious or critical violations;
 * screenshots go to docs/img/subscriber-*.png.
 */
@PorticoIntegrationTest
class SubscriberConsoleBrowserTest {

    static final GreenMail smtp = LoopbackParts.smtp();
    static final String PORTAL = "https://wifi.example.test";
    static final Pattern LINK = Pattern.compile(Pattern.quote(PORTAL) + "(/subscriber/password\\?token=[A-Za-z0-9_-]{43})");

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        LoopbackParts.sendMailTo(registry, smtp);
        registry.add("portico.notification.subscriber-portal-url", () -> PORTAL);
    }

    @AfterAll
    static void stopParts() {
        smtp.stop();
    }

    @Autowired ApplicationContext context;
    @Autowired SelfSignup signup;
    @LocalServerPort int port;

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private ResidentWorld world() {
        ResidentWorld world = new ResidentWorld(context);
        var admin = new io.portico.platform.Actor(world.operator.id(), 1, "staff@example.com", "Staff",
                java.util.Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
        OperatorSettingsService settings = context.getBean(OperatorSettingsService.class);
        settings.configureTandC(admin, "en-us", "<h3>House rules</h3><p>Fair use applies. Do not share your key.</p>");
        settings.configureTandC(admin, "es-xl", "<h3>Normas</h3><p>Se aplica el uso razonable. No comparta su clave.</p>");
        return world;
    }

    private static void noSeriousAccessibilityProblems(Browser browser) {
        assertThat(browser.accessibilityProblems()).as("axe-core on " + browser.url()).isEmpty();
    }

    @Test
    void aResidentSignsUpAtTheVenueSignsOutAndSignsInAgain() {
        ResidentWorld world = world();
        world.unit("12B");
        var admin = new io.portico.platform.Actor(world.operator.id(), 1, "staff@example.com", "Staff",
                java.util.Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
        String token = signup.link(admin, world.venue.key(), false, "").token();
        String email = "maya-" + Fixtures.unique().toLowerCase() + "@example.com";
        try (Browser browser = Browser.start()) {
            browser.open(url("/subscriber/signup/" + token));
            browser.waitForText("Sign up for WiFi at Harbor Lofts");
            assertThat(browser.text()).contains("House rules", "Resident", "Free");
            noSeriousAccessibilityProblems(browser);
            browser.type(By.id("unit"), "12b");
            browser.type(By.id("given-name"), "Maya");
            browser.type(By.id("family-name"), "Ortiz");
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), "short");
            browser.click(By.id("terms"));
            browser.driver().executeScript("window.scrollTo(0, 0)");
            browser.screenshot("subscriber-signup");
            browser.driver().executeScript("document.getElementById('password').removeAttribute('minlength')");
            browser.click(By.id("signup"));
            browser.waitForText("The password must be 12 to 128 characters long.");
            assertThat(browser.find(By.id("email")).getAttribute("value")).isEqualTo(email);
            noSeriousAccessibilityProblems(browser);

            browser.type(By.id("password"), "maya's long wifi password");
            browser.click(By.id("terms"));
            browser.click(By.id("signup"));
            browser.waitForText("Signed in as " + email);
            assertThat(browser.url()).endsWith("/subscriber/wifi");
            assertThat(browser.text()).contains("My WiFi", "My devices", "My plan");
            noSeriousAccessibilityProblems(browser);

            browser.click(By.id("signout"));
            browser.waitForText("You have signed out.");
            browser.open(url("/subscriber/wifi"));
            browser.waitForText("Forgot your password?");
            assertThat(browser.url()).contains("/subscriber/signin?next=/subscriber/wifi");
            noSeriousAccessibilityProblems(browser);
            browser.screenshot("subscriber-signin");
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), "maya's long wifi password");
            browser.click(By.id("signin"));
            browser.waitForText("Signed in as " + email);
        }
    }

    @Test
    void aWrongPasswordIsExplainedAndTheLockoutToldInSpanish() {
        ResidentWorld world = world();
        String email = world.residentWithPassword();
        try (Browser browser = Browser.start()) {
            browser.open(url("/subscriber/signin"));
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), "not my password at all");
            browser.click(By.id("signin"));
            browser.waitForText("The email address or password is incorrect.");
            noSeriousAccessibilityProblems(browser);
            browser.open(url("/subscriber/signin?lang=es-xl"));
            for (int i = 2; i <= 5; i++) {
                browser.type(By.id("email"), email);
                browser.type(By.id("password"), "not my password " + i);
                browser.click(By.id("signin"));
                browser.waitForText(i < 5 ? "El correo electrónico o la contraseña no son correctos." : "la cuenta está bloqueada");
            }
            assertThat(browser.text()).contains("vuelva a intentarlo en 15 minutos");
            noSeriousAccessibilityProblems(browser);
            browser.screenshot("subscriber-signin-locked");
        }
    }

    @Test
    void aForgottenPasswordIsResetFromTheEmailedLink() {
        ResidentWorld world = world();
        String email = world.residentWithPassword();
        try (Browser browser = Browser.start()) {
            browser.open(url("/subscriber/signin"));
            browser.click(By.id("forgot"));
            browser.waitForText("We will email you a link");
            noSeriousAccessibilityProblems(browser);
            browser.type(By.id("email"), email);
            browser.click(By.id("send"));
            browser.waitForText("a link to set a new password is on its way");
            browser.screenshot("subscriber-forgot");

            MimeMessage message = await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(smtp.getReceivedMessages())
                    .filter(m -> to(m).equals(email) && subject(m).startsWith("Set your")).findFirst(), java.util.Optional::isPresent).orElseThrow();
            Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", "").replace("=3D", "="));
            assertThat(link.find()).as("a subscriber console link in the email").isTrue();

            browser.open(url(link.group(1)));
            browser.waitForText("Set your password");
            noSeriousAccessibilityProblems(browser);
            browser.screenshot("subscriber-password");
            browser.type(By.id("password"), "my brand new wifi password");
            browser.click(By.id("save"));
            browser.waitForText("Your password is set.");
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), ResidentWorld.PASSWORD);
            browser.click(By.id("signin"));
            browser.waitForText("The email address or password is incorrect.");
            browser.type(By.id("email"), email);
            browser.type(By.id("password"), "my brand new wifi password");
            browser.click(By.id("signin"));
            browser.waitForText("Signed in as " + email);

            browser.open(url(link.group(1)));
            browser.type(By.id("password"), "yet another long password");
            browser.click(By.id("save"));
            browser.waitForText("This link is not valid any more");
        }
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static String to(MimeMessage m) {
        try {
            return m.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            return "";
        }
    }
}
