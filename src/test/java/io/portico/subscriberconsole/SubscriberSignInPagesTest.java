package io.portico.subscriberconsole;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.FormClient;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;

/**
 * The subscriber console's sign-in pages over real HTTP: the session cookie, the form token on
 * every form, the strict security headers, and that only a resident's session opens the pages.
 */
@PorticoIntegrationTest
class SubscriberSignInPagesTest {

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @LocalServerPort int port;

    ResidentWorld world;
    FormClient browser;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        browser = new FormClient(new Http(port));
    }

    @Test
    void aPageWithoutSessionSendsToSignInAndBackAfterSigningIn() {
        String email = world.residentWithPassword();
        Http.Response wifi = browser.get("/subscriber/wifi");
        assertThat(wifi.status()).isEqualTo(303);
        assertThat(wifi.header("Location")).isEqualTo("/subscriber/signin?next=/subscriber/wifi");

        Http.Response page = browser.get(wifi.header("Location"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.raw()).contains("name=\"_csrf\"", "action=\"/subscriber/signin\"").doesNotContain("style=");

        Http.Response signedIn = browser.post("/subscriber/signin", "email", email.toUpperCase(), "password", ResidentWorld.PASSWORD,
                "next", "/subscriber/wifi");
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location")).endsWith("/subscriber/wifi");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c)
                .startsWith("portico_subscriber=rs_").contains("Path=/subscriber", "HttpOnly", "SameSite=Lax"));

        Http.Response home = browser.get("/subscriber/wifi");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.raw()).contains(email, "My WiFi", "My devices", "My plan", "Sign out");
    }

    @Test
    void aWrongPasswordShowsTheReasonAndTheLockoutIsExplained() {
        String email = world.residentWithPassword();
        browser.get("/subscriber/signin");
        for (int i = 1; i <= 4; i++) {
            Http.Response wrong = browser.post("/subscriber/signin", "email", email, "password", "not the password " + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.raw()).contains("The email address or password is incorrect.").contains("value=\"" + email + "\"");
        }
        Http.Response locked = browser.post("/subscriber/signin", "email", email, "password", "not the password 5");
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isNotNull();
        assertThat(locked.raw()).contains("locked", "15 minutes");
        Http.Response evenRight = browser.post("/subscriber/signin", "email", email, "password", ResidentWorld.PASSWORD);
        assertThat(evenRight.status()).isEqualTo(429);
        assertThat(browser.cookies()).doesNotContainKey("portico_subscriber");
    }

    @Test
    void formsWithoutTheTokenOrFromAnotherSiteAreRefused() {
        String email = world.residentWithPassword();
        browser.get("/subscriber/signin");
        Http.Response noToken = browser.post("/subscriber/signin", "email", email, "password", ResidentWorld.PASSWORD, "_csrf", "");
        assertThat(noToken.status()).isEqualTo(403);
        assertThat(noToken.raw()).contains("This form has expired or was sent from another site.");

        FormClient other = new FormClient(new Http(port));
        other.get("/subscriber/signin");
        Http.Response foreign = other.post("/subscriber/signin", "email", email, "password", ResidentWorld.PASSWORD,
                "_csrf", browser.csrf());
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(browser.cookies()).doesNotContainKey("portico_subscriber");
    }

    @Test
    void signingOutEndsTheSessionOnTheServer() {
        String email = world.residentWithPassword();
        browser.get("/subscriber/signin");
        browser.post("/subscriber/signin", "email", email, "password", ResidentWorld.PASSWORD);
        String access = browser.cookies().get("portico_subscriber");
        browser.get("/subscriber/wifi");
        Http.Response out = browser.post("/subscriber/signout");
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.header("Location")).endsWith("/subscriber/signin?done=signedOut");
        assertThat(browser.cookies()).doesNotContainKey("portico_subscriber");

        FormClient replay = new FormClient(new Http(port));
        replay.cookie("portico_subscriber", access);
        assertThat(replay.get("/subscriber/wifi").status()).isEqualTo(303);
        assertThat(browser.get("/subscriber/signin?done=signedOut").raw()).contains("You have signed out.");
    }

    @Test
    void anAdministratorsTokenDoesNotOpenTheResidentsPages() {
        String admin = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        ConsoleSession staff = ConsoleSession.login(new Http(port), admin, Fixtures.PASSWORD);
        browser.cookie("portico_subscriber", staff.accessToken());
        assertThat(browser.get("/subscriber/wifi").status()).isEqualTo(303);
        browser.get("/subscriber/signin");
        assertThat(browser.post("/subscriber/signin", "email", admin, "password", Fixtures.PASSWORD).status()).isEqualTo(401);
    }

    @Test
    void theLanguageSwitcherShowsSpanishAndRemembersIt() {
        Http.Response es = browser.get("/subscriber/signin?lang=es-xl");
        assertThat(es.raw()).contains("lang=\"es-xl\"", "Iniciar sesión", "¿Olvidó su contraseña?");
        assertThat(browser.get("/subscriber/signin").raw()).contains("Iniciar sesión");
        assertThat(new FormClient(new Http(port)).get("/subscriber/signin", "Accept-Language", "es-MX,es;q=0.9").raw())
                .contains("Iniciar sesión");
    }
}
