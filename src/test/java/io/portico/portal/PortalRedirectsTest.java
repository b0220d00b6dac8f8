package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.AfterLogin;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.PortalSettings;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;

/**
 * Where the portal sends a signed-in guest (the hotspot's after-login setting, passed as MikroTik's
 * {@code dst} and CoovaChilli's {@code userurl}), and which MikroTik login pages may receive the
 * one-time credential at all (the hotspot's login host, or else only the guest's own network).
 */
@PorticoIntegrationTest
class PortalRedirectsTest {

    private static final Map<String, String> CLICK = Map.of("method", "CLICK_THROUGH", "terms", "accepted");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private PortalWorld world(String company, GatewayKind kind, AfterLogin after, Optional<String> loginHost) {
        PortalWorld w = new PortalWorld(context, company, kind);
        w.reconfigure(s -> new PortalSettings(s.gatewayKind(), s.methods(), s.freePlanIds(), s.requiredFields(),
                s.optionalFields(), s.unifiSite(), after, loginHost));
        return w;
    }

    private static Map<String, String> click(String state) {
        Map<String, String> form = new java.util.HashMap<>(CLICK);
        form.put("state", state);
        return form;
    }

    /** The MikroTik login redirect's {@code dst}, decoded. */
    private static String dst(Http.Response done) {
        assertThat(done.status()).as(done.raw()).isEqualTo(302);
        String location = done.header("Location");
        return java.net.URLDecoder.decode(location.substring(location.indexOf("&dst=") + 5), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void originalSendsTheGuestWhereTheRouterSaidTheyWereGoing() {
        PortalWorld w = world("Portal After Original", GatewayKind.MIKROTIK, AfterLogin.ORIGINAL_URL, Optional.empty());
        PortalHttp phone = new PortalHttp(port);

        Http.Response done = phone.signIn(w, click(PortalHttp.state(phone.mikrotikLands(w, "02:00:00:00:e0:01"))));

        assertThat(done.header("Location")).startsWith("http://10.5.50.1/login?username=p-");
        assertThat(dst(done)).isEqualTo("http://example.com/news");
    }

    @Test
    void originalWithoutAUsableOriginalUrlFallsBackToTheStatusPage() {
        PortalWorld w = world("Portal After No Original", GatewayKind.MIKROTIK, AfterLogin.ORIGINAL_URL, Optional.empty());
        PortalHttp phone = new PortalHttp(port);
        Http.Response page = phone.post("/portal/" + w.hotspot.nasIdentifier(), Map.of("mac", "02:00:00:00:e0:02",
                "link-login-only", "http://10.5.50.1/login", "link-orig", "javascript:alert(1)"));

        Http.Response done = phone.signIn(w, click(PortalHttp.state(page)));

        assertThat(dst(done)).startsWith("http://127.0.0.1:" + port + "/portal/" + w.hotspot.nasIdentifier() + "/status?state=");
    }

    @Test
    void aFixedPageIsWhereCoovaChilliSendsTheGuestAndWhereItsSuccessReturnLeads() {
        PortalWorld w = world("Portal After Fixed", GatewayKind.COOVACHILLI,
                AfterLogin.parse("https://cafe.example.com/welcome"), Optional.empty());
        PortalHttp phone = new PortalHttp(port);
        String path = "/portal/" + w.hotspot.nasIdentifier();
        String query = "res=notyet&uamip=10.1.0.1&uamport=3990&challenge=0123456789abcdef0123456789abcdef"
                + "&mac=02-00-00-00-e0-03&ip=10.1.0.23&userurl=http%3A%2F%2Fexample.com%2F";
        Http.Response page = phone.http().get(path + "?" + query + "&md="
                + PortalPagesTest.md("http://127.0.0.1:" + port + path + "?" + query, "uam-secret-123"));

        Http.Response done = phone.signIn(w, click(PortalHttp.state(page)));

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith("http://10.1.0.1:3990/logon?username=p-")
                .endsWith("&userurl=https%3A%2F%2Fcafe.example.com%2Fwelcome");
        String success = "res=success&uamip=10.1.0.1&uamport=3990&mac=02-00-00-00-e0-03&ip=10.1.0.23"
                + "&userurl=https%3A%2F%2Fcafe.example.com%2Fwelcome";
        Http.Response back = phone.http().get(path + "?" + success + "&md="
                + PortalPagesTest.md("http://127.0.0.1:" + port + path + "?" + success, "uam-secret-123"));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).isEqualTo("https://cafe.example.com/welcome");
    }

    @Test
    void aForgedHandOverPointingTheLoginAtAPublicHostIsRefused() {
        PortalWorld w = world("Portal Forged Login", GatewayKind.MIKROTIK, AfterLogin.STATUS_PAGE, Optional.empty());
        PortalHttp phone = new PortalHttp(port);

        Http.Response forged = phone.mikrotikLands(w, "02:00:00:00:e0:04", "https://collector.evil.example/login");

        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.raw()).contains("could not be verified").doesNotContain("evil", "p-");
        assertThat(phone.mikrotikLands(w, "02:00:00:00:e0:04", "http://192.168.88.1/login").status())
                .as("the router's own address on the guest network").isEqualTo(200);
    }

    @Test
    void withALoginHostOnlyThatHostReceivesTheCredential() {
        PortalWorld w = world("Portal Login Host", GatewayKind.MIKROTIK, AfterLogin.STATUS_PAGE,
                Optional.of("hotspot.cafe.example.net"));
        PortalHttp phone = new PortalHttp(port);

        assertThat(phone.mikrotikLands(w, "02:00:00:00:e0:05", "http://10.5.50.1/login").status())
                .as("a private address is not the configured host").isEqualTo(400);
        assertThat(phone.mikrotikLands(w, "02:00:00:00:e0:05", "https://hotspot.cafe.example.net.evil.example/login")
                .status()).isEqualTo(400);

        Http.Response page = phone.mikrotikLands(w, "02:00:00:00:e0:05", "https://hotspot.cafe.example.net/login");
        assertThat(page.status()).isEqualTo(200);
        Http.Response done = phone.signIn(w, click(PortalHttp.state(page)));
        assertThat(done.header("Location")).startsWith("https://hotspot.cafe.example.net/login?username=p-");
    }
}
