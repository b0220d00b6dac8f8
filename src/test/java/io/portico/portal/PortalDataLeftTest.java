package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.connection.AccountingRecord;
import io.portico.connection.AccountingSessionId;
import io.portico.guest.GuestPlan;
import io.portico.guest.MacAddress;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.hotspot.UniFiController;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.gateway.UniFiControllerSimulator;

/**
 * The status page and the RFC 8908 API show what is left of a capped plan's data: the cap less
 * what accounting reported for the device since the plan started; an uncapped plan shows no data.
 */
@PorticoIntegrationTest
class PortalDataLeftTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    /** A MikroTik portal whose click-through plan is capped at 50 MB. */
    private PortalWorld cappedWorld(String company) {
        return cappedWorld(company, GatewayKind.MIKROTIK);
    }

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

    /** Signs the device in by click-through and returns its sealed state. */
    private String signedIn(PortalWorld w, String mac) {
        PortalHttp phone = new PortalHttp(port);
        String state = PortalHttp.state(phone.mikrotikLands(w, mac));
        assertThat(phone.signIn(w, Map.of("state", state, "method", "CLICK_THROUGH", "terms", "accepted")).status())
                .isEqualTo(302);
        return state;
    }

    /** The router reports the device's session: started, then an interim update with its counters. */
    private static void accounting(PortalWorld w, String mac, String acctSessionId, long uploaded, long downloaded) {
        AccountingSessionId id = AccountingSessionId.of(w.world.operator.id(), w.hotspot.nasIdentifier(), acctSessionId, mac, "AP");
        Instant start = Instant.now().plusSeconds(1);
        w.world.accounting().record(new AccountingRecord(AccountingRecord.Type.START, id, w.world.operator.id(),
                w.hotspot.nasIdentifier(), MacAddress.parse(mac), null, 0, 0, 0, null, start, null));
        w.world.accounting().record(new AccountingRecord(AccountingRecord.Type.INTERIM_UPDATE, id, w.world.operator.id(),
                w.hotspot.nasIdentifier(), MacAddress.parse(mac), null, uploaded, downloaded, 60, null, start.plusSeconds(60), null));
    }

    private Http.Response status(PortalWorld w, String state, String lang) {
        return new Http(port).get("/portal/" + w.hotspot.nasIdentifier() + "/status?state=" + state + "&lang=" + lang);
    }

    private Http.Response api(PortalWorld w, String state) {
        return new Http(port).get("/portal/" + w.hotspot.nasIdentifier() + "/api?state=" + state);
    }

    @Test
    void cappedPlanShowsTheCapLessWhatAccountingReportedOnThePageAndInTheApi() {
        PortalWorld w = cappedWorld("Portal Data Left");
        String mac = "02:00:00:00:d0:01";
        String state = signedIn(w, mac);

        assertThat(api(w, state).json().get("bytes-remaining").asLong()).as("nothing used yet").isEqualTo(50_000_000L);

        accounting(w, mac, "d0-01-a", 3_000_000L, 12_000_000L);

        Http.Response page = status(w, state, "en-us");
        assertThat(page.raw()).contains("Data left", "id=\"data-left\">35 MB<", "Data used", "id=\"data-used\">15 MB<");
        Http.Response spanish = status(w, state, "es-xl");
        assertThat(spanish.raw()).contains("Datos restantes", "id=\"data-left\">35 MB<", "Datos usados");
        Http.Response api = api(w, state);
        assertThat(api.json().get("captive").asBoolean()).isFalse();
        assertThat(api.json().get("bytes-remaining").asLong()).isEqualTo(35_000_000L);
    }

    @Test
    void usageBeyondTheCapLeavesNothingRatherThanANegativeAmount() {
        PortalWorld w = cappedWorld("Portal Data Spent");
        String mac = "02:00:00:00:d0:02";
        String state = signedIn(w, mac);

        accounting(w, mac, "d0-02-a", 20_000_000L, 40_000_000L);

        assertThat(api(w, state).json().get("bytes-remaining").asLong()).isZero();
        assertThat(status(w, state, "en-us").raw()).contains("id=\"data-left\">0 MB<", "id=\"data-used\">60 MB<");
    }

    @Test
    void planWithoutACapShowsNoDataLineAndNoBytesRemaining() {
        PortalWorld w = new PortalWorld(context, "Portal Uncapped", GatewayKind.MIKROTIK);
        String mac = "02:00:00:00:d0:03";
        String state = signedIn(w, mac);
        accounting(w, mac, "d0-03-a", 1_000_000L, 2_000_000L);

        Http.Response page = status(w, state, "en-us");
        assertThat(page.raw()).contains("You are online", "Time left").doesNotContain("data-left", "Data left", "data-used");
        Http.Response api = api(w, state);
        assertThat(api.json().has("seconds-remaining")).isTrue();
        assertThat(api.json().has("bytes-remaining")).isFalse();
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
}
