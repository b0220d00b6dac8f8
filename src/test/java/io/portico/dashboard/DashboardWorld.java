package io.portico.dashboard;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.openqa.selenium.By;
import org.springframework.context.ApplicationContext;

import io.portico.connection.TerminateCause;
import io.portico.guest.Guest;
import io.portico.hotspot.Hotspot;
import io.portico.platform.Role;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Browser;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.LoopbackNas;
import io.portico.support.LoopbackRadius;
import io.portico.support.Radclient;

/**
 * An operator for the dashboard's tests: a client, a venue (America/New_York), a hotspot whose
 * NAS answers Disconnect-Requests on loopback, guests with a history of sessions, an
 * administrator and a customer-support user, and real RADIUS accounting through radclient.
 */
final class DashboardWorld implements AutoCloseable {

    static final String SECRET = "dashboard-nas-secret-1";

    final GuestWorld guests;
    final Hotspot hotspot;
    final LoopbackNas nas;
    final String admin;
    final String support;
    final Guest ana;
    final Guest bruno;
    private final ApplicationContext context;

    DashboardWorld(ApplicationContext context, String company, byte nasAnswer) throws IOException {
        this.context = context;
        Fixtures fixtures = context.getBean(Fixtures.class);
        guests = new GuestWorld(context, company);
        hotspot = guests.hotspot("Lobby " + company);
        nas = new LoopbackNas(SECRET, 0, nasAnswer, new byte[0]);
        context.getBean(RadiusService.class).register(new NewNasClient(guests.operator.id(), "Lobby gateway " + company,
                NasNetwork.parse("127.0.0.1"), hotspot.nasIdentifier(), SECRET, Optional.of(hotspot.id()), Optional.empty(),
                nas.address().getPort()));
        admin = fixtures.administrator(guests.operator, Role.DOMAIN_ADMINISTRATORS);
        support = fixtures.administrator(guests.operator, Role.CUSTOMER_SUPPORT);
        ana = guests.guest(mac(1), GuestWorld.profile("ana." + Fixtures.unique().toLowerCase() + "@example.com", "Ana", "Lima",
                "Mozilla/5.0 (iPhone)"));
        bruno = guests.guest(mac(2), GuestWorld.profile("bruno@example.com", "Bruno", "Costa", "Mozilla/5.0 (Android)"));
        Instant now = Instant.now();
        guests.session(hotspot, ana.macAddress().value(), "H-" + Fixtures.unique(), now.minus(Duration.ofDays(3)), Duration.ofMinutes(40),
                30_000_000, 250_000_000, TerminateCause.USER_REQUEST, "Mozilla/5.0 (iPhone)");
        guests.session(hotspot, bruno.macAddress().value(), "H-" + Fixtures.unique(), now.minus(Duration.ofHours(2)), Duration.ofMinutes(25),
                10_000_000, 90_000_000, TerminateCause.IDLE_TIMEOUT, "Mozilla/5.0 (Android)");
    }

    /** A MAC unique to this world: 02-DA-xx-xx-xx-nn. */
    String mac(int n) {
        long id = guests.operator.id() % 0xFFFFFF;
        return String.format("02-DA-%02X-%02X-%02X-%02X", (id >> 16) & 0xFF, (id >> 8) & 0xFF, id & 0xFF, n);
    }

    /** Sends a real Accounting-Request with radclient for the MAC at the hotspot. */
    Radclient.Result accounting(LoopbackRadius radius, String status, String mac, String acctSessionId, String... more) {
        String[] attributes = new String[6 + more.length];
        attributes[0] = "Acct-Status-Type = " + status;
        attributes[1] = "Acct-Session-Id = \"" + acctSessionId + "\"";
        attributes[2] = "User-Name = \"" + mac.replace("-", "").toLowerCase() + "\"";
        attributes[3] = "Calling-Station-Id = \"" + mac + "\"";
        attributes[4] = "NAS-Identifier = \"" + hotspot.nasIdentifier() + "\"";
        attributes[5] = "Framed-IP-Address = 10.5.50.20";
        System.arraycopy(more, 0, attributes, 6, more.length);
        // Accounting is idempotent, so a request the busy test machine answered too late is simply sent again.
        Radclient.Result result = Radclient.send(radius.acct().getPort(), "acct", SECRET, attributes);
        for (int i = 0; i < 2 && !result.received("Accounting-Response"); i++) {
            result = Radclient.send(radius.acct().getPort(), "acct", SECRET, attributes);
        }
        return result;
    }

    static void signIn(Browser browser, int port, String email) {
        browser.open(URI.create("http://127.0.0.1:" + port + "/dashboard/signin"));
        browser.type(By.id("email"), email);
        browser.type(By.id("password"), Fixtures.PASSWORD);
        browser.click(By.id("signin-submit"));
    }

    @Override
    public void close() {
        nas.close();
    }
}
