package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.guest.GuestPlan;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.hotspot.UniFiController;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.simulator.GatewaySettings;
import io.portico.simulator.MikroTikHotspotSimulator;
import io.portico.simulator.Phone;
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.gateway.UniFiControllerSimulator;

/**
 * The status page and the RFC 8908 API show what is left of a capped plan's data: the cap less
 * what accounting reported for the device since the plan started; an uncapped plan shows no data.
 * The traffic comes the real way: a loopback MikroTik router logs the phone in with the portal's
 * one-time credential and reports its sessions to Portico's RADIUS server.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalDataLeftTest {

    private static final String SECRET = "portal-data-left-secret";
    private static final Pattern HIDDEN = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    RadiusService radius;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();

    /** A portal whose click-through plan is capped at 50 MB. */
    private PortalWorld cappedWorld(String company, GatewayKind kind) {
        PortalWorld w = new PortalWorld(context, company, kind);
        SessionProfile capped = w.world.plans().addSessionProfile(new SessionProfile(0, w.world.client.id(), "Capped",
                Duration.ofHours(1), null, null, null, 50_000_000L, Instant.EPOCH));
        GuestPlan plan = w.world.plans().addGuestPlan(new GuestPlan(0, w.world.client.id(), capped.id(), "Capped hour",
                Duration.ofHours(1), 0, "USD", Instant.EPOCH));
        w.reconfigure(s -> new PortalSettings(s.gatewayKind(), s.methods(),
                Map.of(SignInMethod.CLICK_THROUGH, plan.id(), SignInMethod.FORM, plan.id()), s.requiredFields(),
                s.optionalFields(), s.unifiSite()));
        return w;
    }

    /** The hotspot's MikroTik router on loopback, registered as its RADIUS client, with one phone. */
    private MikroTikHotspotSimulator router(PortalWorld w, String mac) {
        radius.register(NewNasClient.forHotspot(w.world.operator.id(), w.hotspot.name(), "127.0.0.1",
                w.hotspot.nasIdentifier(), SECRET, w.hotspot.id()));
        return new MikroTikHotspotSimulator(new GatewaySettings(w.hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), w.hotspot.nasIdentifier()), Optional.empty()),
                new Phone(mac, "10.5.50.40"));
    }

    /**
     * The phone signs in by click-through: the router's login.html hands it to the portal, the
     * portal sends it to the router's login URL with the one-time credential, and the router asks
     * Portico's RADIUS server (Access-Accept, then Accounting Start). Returns the phone's sealed state.
     */
    private String signedIn(PortalWorld w, MikroTikHotspotSimulator router) {
        PortalHttp phone = new PortalHttp(port);
        Map<String, String> handOver = hiddenFields(get(router.linkLoginOnly()));
        String state = PortalHttp.state(phone.post("/portal/" + w.hotspot.nasIdentifier(), handOver));
        Http.Response done = phone.signIn(w, Map.of("state", state, "method", "CLICK_THROUGH", "terms", "accepted"));
        assertThat(done.status()).as(done.raw()).isEqualTo(302);
        assertThat(done.header("Location")).startsWith(router.linkLoginOnly() + "?username=p-");
        assertThat(get(done.header("Location"))).contains("You are logged in");
        assertThat(router.lastAccessReply().orElseThrow().accepted()).isTrue();
        return state;
    }

    /** The phone's traffic, reported by the router in an Accounting Interim-Update; waits until the API counts it. */
    private void traffic(PortalWorld w, MikroTikHotspotSimulator router, String state, long uploaded, long downloaded,
                         long expectedLeft) {
        router.addTraffic(router.phone(), uploaded, downloaded);
        router.interim(router.phone());
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(api(w, state).json().get("bytes-remaining").asLong()).isEqualTo(expectedLeft));
    }

    private Http.Response status(PortalWorld w, String state, String lang) {
        return new Http(port).get("/portal/" + w.hotspot.nasIdentifier() + "/status?state=" + state + "&lang=" + lang);
    }

    private Http.Response api(PortalWorld w, String state) {
        return new Http(port).get("/portal/" + w.hotspot.nasIdentifier() + "/api?state=" + state);
    }

    @Test
    void cappedPlanShowsTheCapLessWhatAccountingReportedOnThePageAndInTheApi() {
        PortalWorld w = cappedWorld("Portal Data Left", GatewayKind.MIKROTIK);
        try (MikroTikHotspotSimulator router = router(w, "02-00-00-00-D0-01")) {
            String state = signedIn(w, router);
            assertThat(api(w, state).json().get("bytes-remaining").asLong()).as("nothing used yet").isEqualTo(50_000_000L);

            traffic(w, router, state, 3_000_000L, 12_000_000L, 35_000_000L);

            Http.Response page = status(w, state, "en-us");
            assertThat(page.raw()).contains("Data left", "id=\"data-left\">35 MB<", "Data used", "id=\"data-used\">15 MB<");
            Http.Response spanish = status(w, state, "es-xl");
            assertThat(spanish.raw()).contains("Datos restantes", "id=\"data-left\">35 MB<", "Datos usados");
            Http.Response api = api(w, state);
            assertThat(api.contentType()).startsWith("application/captive+json");
            assertThat(api.json().get("captive").asBoolean()).isFalse();
            assertThat(api.json().get("bytes-remaining").asLong()).isEqualTo(35_000_000L);
        }
    }

    @Test
    void usageBeyondTheCapLeavesNothingRatherThanANegativeAmount() {
        PortalWorld w = cappedWorld("Portal Data Spent", GatewayKind.MIKROTIK);
        try (MikroTikHotspotSimulator router = router(w, "02-00-00-00-D0-02")) {
            String state = signedIn(w, router);

            traffic(w, router, state, 20_000_000L, 40_000_000L, 0L);

            assertThat(status(w, state, "en-us").raw()).contains("id=\"data-left\">0 MB<", "id=\"data-used\">60 MB<");
            assertThat(status(w, state, "es-xl").raw()).contains("Datos restantes", "id=\"data-left\">0 MB<");
        }
    }

    @Test
    void planWithoutACapShowsNoDataLineAndNoBytesRemaining() {
        PortalWorld w = new PortalWorld(context, "Portal Uncapped", GatewayKind.MIKROTIK);
        try (MikroTikHotspotSimulator router = router(w, "02-00-00-00-D0-03")) {
            String state = signedIn(w, router);
            router.addTraffic(router.phone(), 1_000_000L, 2_000_000L);
            router.interim(router.phone());

            Http.Response page = status(w, state, "en-us");
            assertThat(page.raw()).contains("You are online", "Time left").doesNotContain("data-left", "Data left", "data-used");
            Http.Response api = api(w, state);
            assertThat(api.json().has("seconds-remaining")).isTrue();
            assertThat(api.json().has("bytes-remaining")).isFalse();
        }
    }

    @Test
    void unifiHotspotsSendNoAccountingSoTheirGuestsSeeNoDataLeft() throws Exception {
        PortalWorld w = cappedWorld("Portal UniFi Data", GatewayKind.UNIFI);
        PortalSettings settings = w.settings();
        String site = settings.unifiSite().orElseThrow();
        try (UniFiControllerSimulator controller = new UniFiControllerSimulator("portico", "controller-password", "k", site)) {
            w.portal().configurePortal(w.admin, w.hotspot.id(), new PortalConfiguration(settings, Optional.empty(),
                    Optional.of(new UniFiController(controller.url(), Optional.of("portico"), Optional.of("controller-password"),
                            Optional.empty(), Optional.empty()))));
            PortalHttp phone = new PortalHttp(port);
            String state = PortalHttp.state(phone.http().get("/guest/s/" + site + "/?id=02:00:00:00:d0:04&url=http%3A%2F%2Fexample.com%2F"));

            Http.Response done = phone.signIn(w, Map.of("state", state, "method", "CLICK_THROUGH", "terms", "accepted"));

            assertThat(done.status()).isEqualTo(302);
            assertThat(controller.authorizations()).extracting(UniFiControllerSimulator.Authorization::megabytes)
                    .containsExactly(Optional.of(48L)); // 50,000,000 bytes in MiB, rounded up
            Http.Response page = phone.http().get(done.header("Location").replace("http://127.0.0.1:" + port, ""));
            assertThat(page.raw()).contains("You are online", "Time left").doesNotContain("data-left");
            assertThat(api(w, state).json().has("bytes-remaining")).isFalse();
        }
    }

    private static String get(String url) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The hidden fields of the router's login.html form, as a browser would post them. */
    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&"));
        }
        assertThat(fields).as(html).containsKeys("mac", "chap-id", "chap-challenge", "link-login-only");
        return fields;
    }
}
