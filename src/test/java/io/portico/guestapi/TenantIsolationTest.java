package io.portico.guestapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.connection.TerminateCause;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.hotspot.Hotspot;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** A token of client A never gets anything of client B, on any endpoint. */
@PorticoIntegrationTest
class TenantIsolationTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;

    @Test
    void clientTokensSeeOnlyTheirOwnClientsData() {
        Http http = new Http(port);
        GuestWorld a = new GuestWorld(context, "Client A");
        GuestWorld b = new GuestWorld(context, "Client B");
        Instant now = clock.instant();
        Hotspot hotspotB = b.hotspot("B Lobby");
        Guest guestB = b.guest("02-BB-00-00-00-01", GuestWorld.profile("b@example.com", "Bea", "Bee", "curl/8"));
        GuestPlan planB = b.plan("B Pass", Duration.ofDays(1));
        b.plans().recordPayment(b.client.id(), guestB.id(), planB.id(), "Card", "ch_b", now.minusSeconds(60));
        b.session(hotspotB, "02-BB-00-00-00-01", "B1", now.minus(Duration.ofHours(1)), Duration.ofMinutes(5), 1, 1,
                TerminateCause.USER_REQUEST, "curl/8");
        // Client A also has a guest with the same MAC: guests are per client.
        a.guest("02-BB-00-00-00-01", io.portico.guest.GuestProfile.EMPTY);

        for (String path : new String[] {"/v2/client/guests-guest-plans", "/v2/zapier/client/dropdown/hotspots",
                "/v2/client/connections", "/v2/client/connections?hotspotid=" + hotspotB.id()}) {
            var r = http.get(path + (path.contains("?") ? "&" : "?") + a.auth());
            assertThat(r.status()).as(path).isEqualTo(200);
            assertThat(r.raw()).as(path).isEqualTo("[]");
            var own = http.get(path + (path.contains("?") ? "&" : "?") + b.auth());
            assertThat(own.json().size()).as("B sees its own data on %s", path).isEqualTo(1);
        }
        var guests = http.get("/v2/zapier/client/guests?" + a.auth());
        assertThat(guests.json()).hasSize(1);
        assertThat(guests.raw()).doesNotContain(guestB.token().toString()).doesNotContain("b@example.com");
        assertThat(http.get("/v2/guests/get?" + a.auth() + "&guest_token=" + guestB.token()).status()).isEqualTo(404);
        assertThat(http.get("/v2/guests/get?" + b.auth() + "&guest_token=" + guestB.token()).status()).isEqualTo(200);
    }
}
