package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.hotspot.GatewayKind;
import io.portico.operator.OperatorSettingsService;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;

/** The portal's pages over plain HTTP: hand-overs, sign-in, CSRF, redirects, status and RFC 8908. */
@PorticoIntegrationTest
class PortalPagesTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Http http() {
        return new Http(port);
    }

    private Http.Response post(String path, Map<String, String> fields, String... headers) {
        return new PortalHttp(port).post(path, fields, headers);
    }

    private Http.Response mikrotikLands(PortalWorld world, String mac) {
        return new PortalHttp(port).mikrotikLands(world, mac);
    }

    private static String state(Http.Response page) {
        return PortalHttp.state(page);
    }

    private Http.Response signIn(PortalWorld world, Map<String, String> fields, String... headers) {
        return new PortalHttp(port).signIn(world, fields, headers);
    }

    @Test
    void mikroTikPhoneAcceptsTheTermsAndIsSentToItsRouterWithAChapPassword() {
        PortalWorld world = new PortalWorld(context, "Portal MikroTik", GatewayKind.MIKROTIK);
        Http.Response page = mikrotikLands(world, "02:00:00:00:10:01");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.raw()).contains("Welcome to the Wi-Fi of Portal Lobby", "Accept and connect", "Voucher code", "E-mail")
                .doesNotContain("<script");
        assertThat(page.header("Content-Security-Policy")).startsWith("default-src 'none'; style-src 'self'");
        assertThat(page.header("Set-Cookie")).as("the portal needs no cookie").isNull();

        Http.Response done = signIn(world, Map.of("state", state(page), "method", "CLICK_THROUGH", "terms", "accepted",
                "dst", "http://evil.example/"), "Origin", "http://127.0.0.1:" + port);

        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location"))
                .matches("http://10\\.5\\.50\\.1/login\\?username=p-[a-z0-9]+&password=[0-9a-f]{32}&dst=http%3A%2F%2F127\\.0\\.0\\.1%3A"
                        + port + "%2Fportal%2F.*%2Fstatus%3Fs%3D[A-Za-z0-9_-]{22}%26lang%3Den-us")
                .doesNotContain("evil");
    }

    @Test
    void showsTheOperatorsNewTermsOnTheNextPage() {
        PortalWorld world = new PortalWorld(context, "Portal New Terms", GatewayKind.MIKROTIK);
        OperatorSettingsService settings = context.getBean(OperatorSettingsService.class);
        settings.configureTandC(world.admin, "en-us", "<p>House rules, first edition</p>");
        assertThat(mikrotikLands(world, "02:00:00:00:10:71").raw()).contains("House rules, first edition");

        settings.configureTandC(world.admin, "en-us", "<p>House rules, second edition</p>");

        assertThat(mikrotikLands(world, "02:00:00:00:10:72").raw()).contains("House rules, second edition")
                .doesNotContain("first edition");
    }

    @Test
    void termsMustBeAccepted() {
        PortalWorld world = new PortalWorld(context, "Portal Terms", GatewayKind.MIKROTIK);
        Http.Response page = mikrotikLands(world, "02:00:00:00:10:02");

        Http.Response refused = signIn(world, Map.of("state", state(page), "method", "CLICK_THROUGH"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("Please accept the terms of use.");
    }

    @Test
    void formsFromAnotherSiteOrWithoutOurStateAreRefused() {
        PortalWorld world = new PortalWorld(context, "Portal CSRF", GatewayKind.MIKROTIK);
        String state = state(mikrotikLands(world, "02:00:00:00:10:03"));
        Map<String, String> fields = Map.of("state", state, "method", "CLICK_THROUGH", "terms", "accepted");

        Http.Response crossSite = signIn(world, fields, "Origin", "http://evil.example");
        Http.Response altered = signIn(world, Map.of("state", state.substring(0, state.length() - 4) + "AAAA",
                "method", "CLICK_THROUGH", "terms", "accepted"));
        Http.Response missing = signIn(world, Map.of("method", "CLICK_THROUGH", "terms", "accepted"));
        Http.Response fetchCrossSite = signIn(world, fields, "Sec-Fetch-Site", "cross-site");

        for (Http.Response r : new Http.Response[] {crossSite, altered, missing, fetchCrossSite}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.raw()).contains("The form could not be accepted.").doesNotContain("Exception");
        }
        PortalWorld other = new PortalWorld(context, "Portal CSRF other", GatewayKind.MIKROTIK);
        assertThat(signIn(other, fields).status()).as("a state is bound to its hotspot").isEqualTo(403);
    }

    @Test
    void coovaChilliHandOverIsVerifiedAndLogsInAtTheUamServer() {
        PortalWorld world = new PortalWorld(context, "Portal Chilli", GatewayKind.COOVACHILLI);
        String path = "/portal/" + world.hotspot.nasIdentifier();
        String query = "res=notyet&uamip=10.1.0.1&uamport=3990&challenge=0123456789abcdef0123456789abcdef"
                + "&mac=02-00-00-00-10-04&ip=10.1.0.23&nasid=" + world.hotspot.nasIdentifier()
                + "&userurl=http%3A%2F%2Fexample.com%2F";
        String md = md("http://127.0.0.1:" + port + path + "?" + query, "uam-secret-123");

        Http.Response forged = http().get(path + "?" + query.replace("10.1.0.1", "10.6.6.6") + "&md=" + md);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.raw()).contains("could not be verified");

        Http.Response page = http().get(path + "?" + query + "&md=" + md);
        assertThat(page.status()).isEqualTo(200);
        Http.Response done = signIn(world, Map.of("state", state(page), "method", "VOUCHER", "voucherCode", world.voucher(),
                "terms", "accepted"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(done.header("Location"))
                .matches("http://10\\.1\\.0\\.1:3990/logon\\?username=p-[a-z0-9]+&response=[0-9a-f]{32}&userurl=http%3A%2F%2F127\\.0\\.0\\.1%3A"
                        + port + "%2Fportal%2F.*%2Fstatus%3Fs%3D[A-Za-z0-9_-]{22}%26lang%3Den-us");

        String success = "res=success&uamip=10.1.0.1&uamport=3990&mac=02-00-00-00-10-04&ip=10.1.0.23&userurl=http%3A%2F%2Fexample.com%2F";
        Http.Response back = http().get(path + "?" + success + "&md=" + md("http://127.0.0.1:" + port + path + "?" + success,
                "uam-secret-123"));
        assertThat(back.status()).isEqualTo(302);
        Http.Response status = http().get(back.header("Location").replace("http://127.0.0.1:" + port, ""));
        assertThat(status.raw()).contains("You are online", "Day pass", "http://10.1.0.1:3990/logoff", "Continue to example.com");
    }

    @Test
    void usedVoucherIsRefusedWithAClearMessage() {
        PortalWorld world = new PortalWorld(context, "Portal Voucher", GatewayKind.MIKROTIK);
        String voucher = world.voucher();
        assertThat(signIn(world, Map.of("state", state(mikrotikLands(world, "02:00:00:00:10:05")), "method", "VOUCHER",
                "voucherCode", voucher, "terms", "accepted")).status()).isEqualTo(302);

        Http.Response refused = signIn(world, Map.of("state", state(mikrotikLands(world, "02:00:00:00:10:06")),
                "method", "VOUCHER", "voucherCode", voucher, "terms", "accepted"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.raw()).contains("This voucher code is not valid, or it has been used up.");
    }

    @Test
    void returningDeviceGoesStraightToItsRouter() {
        PortalWorld world = new PortalWorld(context, "Portal Returning", GatewayKind.MIKROTIK);
        signIn(world, Map.of("state", state(mikrotikLands(world, "02:00:00:00:10:07")), "method", "CLICK_THROUGH",
                "terms", "accepted"));

        Http.Response again = mikrotikLands(world, "02:00:00:00:10:07");

        assertThat(again.status()).isEqualTo(302);
        assertThat(again.header("Location")).startsWith("http://10.5.50.1/login?username=p-");
    }

    @Test
    void captivePortalApiFollowsRfc8908() {
        PortalWorld world = new PortalWorld(context, "Portal API", GatewayKind.MIKROTIK);
        String nas = world.hotspot.nasIdentifier();

        Http.Response captive = http().get("/portal/" + nas + "/api");
        assertThat(captive.status()).isEqualTo(200);
        assertThat(captive.contentType()).startsWith("application/captive+json");
        assertThat(captive.header("Cache-Control")).contains("private");
        assertThat(captive.json().get("captive").asBoolean()).isTrue();
        assertThat(captive.json().get("user-portal-url").asString()).isEqualTo("http://127.0.0.1:" + port + "/portal/" + nas);

        String state = state(mikrotikLands(world, "02:00:00:00:10:08"));
        signIn(world, Map.of("state", state, "method", "CLICK_THROUGH", "terms", "accepted"));
        Http.Response online = http().get("/portal/" + nas + "/api?state=" + state);
        assertThat(online.json().get("captive").asBoolean()).isFalse();
        assertThat(online.json().get("seconds-remaining").asLong()).isBetween(3000L, 3600L);
        assertThat(online.json().get("can-extend-session").asBoolean()).isTrue();
    }

    @Test
    void signInPageSpeaksThePhonesLanguage() {
        PortalWorld world = new PortalWorld(context, "Portal Idioma", GatewayKind.MIKROTIK);
        String state = state(mikrotikLands(world, "02:00:00:00:10:09"));

        Http.Response page = http().get("/portal/" + world.hotspot.nasIdentifier() + "?state=" + state,
                "Accept-Language", "es-419,es;q=0.9");

        assertThat(page.raw()).contains("lang=\"es-xl\"", "Bienvenido al Wi-Fi de Portal Lobby", "Aceptar y conectar");
        assertThat(page.raw().length()).isLessThan(50_000);
    }

    @Test
    void unknownHotspotAndBadHandOverGetFriendlyPages() {
        Http.Response unknown = http().get("/portal/no-such-nas-" + System.nanoTime());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.raw()).contains("not set up for signing in here");

        PortalWorld world = new PortalWorld(context, "Portal Bad", GatewayKind.MIKROTIK);
        Http.Response direct = http().get("/portal/" + world.hotspot.nasIdentifier());
        assertThat(direct.status()).isEqualTo(200);
        assertThat(direct.raw()).contains("open any web page while connected to this Wi-Fi network");
        Http.Response bad = post("/portal/" + world.hotspot.nasIdentifier(), Map.of("mac", "nope"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.raw()).contains("could not be verified").doesNotContain("Exception");
    }

    static String md(String url, String secret) {
        try {
            var md5 = java.security.MessageDigest.getInstance("MD5");
            md5.update(url.getBytes(StandardCharsets.UTF_8));
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().withUpperCase().formatHex(md5.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
