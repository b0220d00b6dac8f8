package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
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
import io.portico.support.TestClock;
import io.portico.simulator.CoovaChilliSimulator;

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
    @Autowired
    Clock clock;

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

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

        assertThat(dst(done)).matches("http://127\\.0\\.0\\.1:" + port + "/portal/" + w.hotspot.nasIdentifier()
                + "/status\\?s=[A-Za-z0-9_-]{22}&lang=en-us");
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

    /** A CoovaChilli hand-over (md-signed with the PortalWorld's UAM secret) whose phone first asked for {@code userurl}. */
    private Http.Response chilliLands(PortalHttp phone, PortalWorld w, String mac, String userurl) {
        String path = "/portal/" + w.hotspot.nasIdentifier();
        String query = "res=notyet&uamip=10.1.0.1&uamport=3990&challenge=0123456789abcdef0123456789abcdef"
                + "&mac=" + mac + "&ip=10.1.0.23&userurl=" + CoovaChilliSimulator.urlEncode(userurl);
        return phone.http().get(path + "?" + query + "&md="
                + PortalPagesTest.md("http://127.0.0.1:" + port + path + "?" + query, "uam-secret-123"));
    }

    /** A parameter of a URL's query, decoded. */
    private static String parameter(String url, String name) {
        for (String pair : URI.create(url).getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    @Test
    void coovaChilliGetsAShortStatusLinkWithinItsQueryBufferEvenForALongOriginalUrl() {
        PortalWorld w = world("Portal Short Link", GatewayKind.COOVACHILLI, AfterLogin.STATUS_PAGE, Optional.empty());
        PortalHttp phone = new PortalHttp(port);
        String original = "http://news.example.com/article?ref=" + "x".repeat(1_900);
        String nas = w.hotspot.nasIdentifier();

        Http.Response done = phone.signIn(w, click(PortalHttp.state(chilliLands(phone, w, "02-00-00-00-e0-06", original))),
                "Accept-Language", "es-419");

        assertThat(done.status()).isEqualTo(302);
        String logon = done.header("Location");
        assertThat(logon).startsWith("http://10.1.0.1:3990/logon?username=p-");
        assertThat(URI.create(logon).getRawQuery().length()).as("what Chilli keeps of the logon query")
                .isLessThanOrEqualTo(CoovaChilliSimulator.QUERY_LIMIT);
        String userurl = parameter(logon, "userurl");
        assertThat(userurl).matches("http://127\\.0\\.0\\.1:" + port + "/portal/" + nas + "/status\\?s=[A-Za-z0-9_-]{22}&lang=es-xl")
                .hasSizeLessThan(120);

        Http.Response status = phone.http().get(userurl.substring(userurl.indexOf("/portal/")));
        assertThat(status.status()).isEqualTo(200);
        assertThat(status.raw()).contains("Estás conectado", "news.example.com", "x".repeat(1_900));

        // Chilli's res=success return carries the link back; the portal follows it to the same page
        String success = "res=success&uamip=10.1.0.1&uamport=3990&mac=02-00-00-00-e0-06&ip=10.1.0.23&userurl="
                + CoovaChilliSimulator.urlEncode(userurl);
        String path = "/portal/" + nas;
        Http.Response back = phone.http().get(path + "?" + success + "&md="
                + PortalPagesTest.md("http://127.0.0.1:" + port + path + "?" + success, "uam-secret-123"));
        assertThat(back.status()).isEqualTo(302);
        assertThat(back.header("Location")).endsWith(userurl.substring(userurl.indexOf("/portal/")));
    }

    @Test
    void aStatusLinkOpensOnlyAtItsOwnHotspotAndExpiresWithTheHandOver() {
        PortalWorld w = world("Portal Link Bound", GatewayKind.MIKROTIK, AfterLogin.STATUS_PAGE, Optional.empty());
        PortalWorld other = world("Portal Link Other", GatewayKind.MIKROTIK, AfterLogin.STATUS_PAGE, Optional.empty());
        PortalHttp phone = new PortalHttp(port);
        String link = dst(phone.signIn(w, click(PortalHttp.state(phone.mikrotikLands(w, "02:00:00:00:e0:07")))));
        String id = parameter(link, "s");

        assertThat(phone.http().get("/portal/" + w.hotspot.nasIdentifier() + "/status?s=" + id).raw()).contains("You are online");
        assertThat(phone.http().get("/portal/" + w.hotspot.nasIdentifier() + "/api?s=" + id).json().get("captive").asBoolean())
                .isFalse();

        Http.Response elsewhere = phone.http().get("/portal/" + other.hotspot.nasIdentifier() + "/status?s=" + id);
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.raw()).contains("This page has expired").doesNotContain("You are online");
        Http.Response guessed = phone.http().get("/portal/" + w.hotspot.nasIdentifier() + "/status?s="
                + (id.charAt(0) == 'A' ? "B" : "A") + id.substring(1));
        assertThat(guessed.status()).isEqualTo(400);
        assertThat(phone.http().get("/portal/" + w.hotspot.nasIdentifier() + "/status").status())
                .as("neither a state nor a link").isEqualTo(403);

        ((TestClock) clock).advance(Duration.ofHours(1).plusMinutes(1));
        Http.Response late = phone.http().get("/portal/" + w.hotspot.nasIdentifier() + "/status?s=" + id);
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.raw()).contains("This page has expired");
    }

    @Test
    void anOriginalUrlTooLongForChillisQueryBufferIsReachedThroughTheStatusPage() {
        PortalWorld w = world("Portal Long Original", GatewayKind.COOVACHILLI, AfterLogin.ORIGINAL_URL, Optional.empty());
        PortalHttp phone = new PortalHttp(port);
        String shortOriginal = "http://news.example.com/article?ref=" + "y".repeat(1_000);
        String longOriginal = "http://news.example.com/article?ref=" + "z".repeat(1_950);

        Http.Response fits = phone.signIn(w, click(PortalHttp.state(chilliLands(phone, w, "02-00-00-00-e0-08", shortOriginal))));
        assertThat(parameter(fits.header("Location"), "userurl")).isEqualTo(shortOriginal);

        Http.Response tooLong = phone.signIn(w, click(PortalHttp.state(chilliLands(phone, w, "02-00-00-00-e0-09", longOriginal))));
        String logon = tooLong.header("Location");
        assertThat(URI.create(logon).getRawQuery().length()).isLessThanOrEqualTo(CoovaChilliSimulator.QUERY_LIMIT);
        String userurl = parameter(logon, "userurl");
        assertThat(userurl).contains("/status?s=");
        assertThat(phone.http().get(userurl.substring(userurl.indexOf("/portal/"))).raw()).contains("z".repeat(1_950));
    }
}
