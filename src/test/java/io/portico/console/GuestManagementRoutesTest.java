package io.portico.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.audit.AuditService;
import io.portico.audit.LogEntry;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The console's guest management routes: roles, validation, audit, and what the guest API then sees. */
@PorticoIntegrationTest
class GuestManagementRoutesTest {

    static final String BASE = "/preview/networkoperatorconsole";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    AuditService audit;

    Http http;
    GuestWorld world;
    ConsoleSession manager;
    ConsoleSession support;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        world = new GuestWorld(context, "Managed Cafe");
        manager = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS), Fixtures.PASSWORD);
        support = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);
    }

    private JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("errorProcessing").asBoolean()).isFalse();
        return r.json();
    }

    private static void assertError(Http.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(r.json().get("message").asString()).contains(messagePart);
    }

    private List<String> loggedFunctions() {
        Actor reader = new Actor(world.operator.id(), 1, "r@example.com", "", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        return audit.window(reader, clock.instant().minusSeconds(3600), clock.instant().plusSeconds(60), 1000).entries().stream()
                .map(LogEntry::functionName).toList();
    }

    private long addHotspot(String name, String nas) {
        return ok(manager.post(BASE + "/hotspots/addHotspot", "VenueID", world.venue.key(), "HotspotName", name,
                "NASIdentifier", nas)).get("HotspotID").asLong();
    }

    @Test
    void hotspotsAreAddedUpdatedListedAndAudited() {
        String nas = "NAS-" + Fixtures.unique();
        long id = addHotspot("Front Desk", nas);
        assertError(manager.post(BASE + "/hotspots/addHotspot", "VenueID", world.venue.key(), "HotspotName", "Copy",
                "NASIdentifier", nas), 409, "already used");
        assertError(manager.post(BASE + "/hotspots/addHotspot", "VenueID", world.venue.key(), "HotspotName", " ",
                "NASIdentifier", "X-" + Fixtures.unique()), 400, "HotspotName");
        assertError(manager.post(BASE + "/hotspots/addHotspot", "VenueID", world.venue.key(), "HotspotName", "A",
                "NASIdentifier", "has space"), 400, "NASIdentifier");
        assertError(manager.post(BASE + "/hotspots/addHotspot", "VenueID", "NO.SUCH.VENUE", "HotspotName", "A",
                "NASIdentifier", "X-" + Fixtures.unique()), 404, "Unknown venue");
        assertError(support.post(BASE + "/hotspots/addHotspot", "VenueID", world.venue.key(), "HotspotName", "A",
                "NASIdentifier", "X-" + Fixtures.unique()), 403, "role");
        JsonNode updated = ok(manager.post(BASE + "/hotspots/updateHotspot", "HotspotID", id, "VenueID", world.venue.key(),
                "HotspotName", "Front Desk East", "NASIdentifier", nas));
        assertThat(updated.get("HotspotName").asString()).isEqualTo("Front Desk East");
        JsonNode list = ok(support.post(BASE + "/hotspots/listHotspots", "ClientID", world.client.id()));
        assertThat(list.get("HotspotCount").asInt()).isEqualTo(1);
        assertThat(list.get("Hotspots").get(0).get("VenueID").asString()).isEqualTo(world.venue.key());
        var api = http.get("/v2/zapier/client/dropdown/hotspots?" + world.auth());
        assertThat(api.json().get(0).get("name").asString()).isEqualTo("Front Desk East");
        assertThat(loggedFunctions()).contains("/hotspots/addHotspot", "/hotspots/updateHotspot");
    }

    @Test
    void plansAndVouchersAreManagedWithSingleAndBatchVouchers() {
        long profile = ok(manager.post(BASE + "/guests/addSessionProfile", "ClientID", world.client.id(),
                "SessionProfileName", "Standard", "IdleTimeoutSeconds", 600, "DownloadKbps", 10000)).get("SessionProfileID").asLong();
        assertError(manager.post(BASE + "/guests/addSessionProfile", "ClientID", world.client.id(),
                "SessionProfileName", "Bad", "IdleTimeoutSeconds", 0), 400, "IdleTimeoutSeconds");
        long plan = ok(manager.post(BASE + "/guests/addGuestPlan", "ClientID", world.client.id(), "SessionProfileID", profile,
                "GuestPlanName", "Day", "DurationMinutes", 1440, "PriceCents", 499)).get("GuestPlanID").asLong();
        assertError(manager.post(BASE + "/guests/addGuestPlan", "ClientID", world.client.id(), "SessionProfileID", profile,
                "GuestPlanName", "Day", "DurationMinutes", 60), 409, "already exists");
        assertError(manager.post(BASE + "/guests/addGuestPlan", "ClientID", world.client.id(), "SessionProfileID", profile,
                "GuestPlanName", "Free", "DurationMinutes", 60, "Currency", "dollars"), 400, "Currency");
        assertError(manager.post(BASE + "/guests/addGuestPlan", "ClientID", world.client.id(), "SessionProfileID", profile,
                "GuestPlanName", "Forever", "DurationMinutes", Long.MAX_VALUE), 400, "DurationMinutes");
        JsonNode batch = ok(manager.post(BASE + "/guests/addVouchers", "ClientID", world.client.id(), "GuestPlanID", plan,
                "Count", 5, "MaxUses", 3, "ExpiresUTC.ISO8601", "2099-01-01T00:00:00.000Z"));
        assertThat(batch.get("VoucherCount").asInt()).isEqualTo(5);
        assertThat(batch.get("Vouchers").get(0).get("VoucherCode").asString()).matches("[2-9A-HJKMNP-Z]{10}");
        assertThat(batch.get("Vouchers").get(0).get("MaxUses").asInt()).isEqualTo(3);
        JsonNode single = ok(manager.post(BASE + "/guests/addVouchers", "ClientID", world.client.id(), "GuestPlanID", plan,
                "VoucherCode", "summer-2026"));
        assertThat(single.get("Vouchers").get(0).get("VoucherCode").asString()).isEqualTo("SUMMER-2026");
        assertError(manager.post(BASE + "/guests/addVouchers", "ClientID", world.client.id(), "GuestPlanID", plan,
                "ExpiresUTC.ISO8601", "2001-01-01T00:00:00Z"), 400, "future");
        assertError(manager.post(BASE + "/guests/addVouchers", "ClientID", world.client.id(), "GuestPlanID", plan,
                "Count", 10001), 400, "Count");
        long voucherId = single.get("Vouchers").get(0).get("VoucherID").asLong();
        ok(manager.post(BASE + "/guests/revokeVoucher", "ClientID", world.client.id(), "VoucherID", voucherId));
        JsonNode vouchers = ok(support.post(BASE + "/guests/listVouchers", "ClientID", world.client.id()));
        assertThat(vouchers.get("Vouchers")).hasSize(6);
        assertThat(ok(support.post(BASE + "/guests/listGuestPlans", "ClientID", world.client.id())).get("GuestPlans")).hasSize(1);
        assertThat(ok(support.post(BASE + "/guests/listSessionProfiles", "ClientID", world.client.id())).get("SessionProfiles")).hasSize(1);
        assertError(support.post(BASE + "/guests/addVouchers", "ClientID", world.client.id(), "GuestPlanID", plan), 403, "role");
        assertThat(loggedFunctions()).contains("/guests/addSessionProfile", "/guests/addGuestPlan", "/guests/addVouchers",
                "/guests/revokeVoucher");
    }

    @Test
    void guestsAreCreatedUpdatedUnsubscribedExportedAndErased() {
        JsonNode added = ok(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "02:42:ac:11:00:02",
                "Email", "grace@example.com", "FirstName", "Grace", "Birthdate", "1906-12-09", "Custom3", "=HYPERLINK(\"x\")"));
        long guestId = added.get("GuestID").asLong();
        assertThat(added.get("MACAddress").asString()).isEqualTo("02-42-AC-11-00-02");
        assertError(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "02-42-AC-11-00-02"),
                409, "already exists");
        assertError(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "nope"), 400, "MACAddress");
        assertError(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "02-42-AC-11-00-03",
                "Email", "not-an-email"), 400, "Email");
        assertError(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "02-42-AC-11-00-03",
                "Birthdate", "09/12/1906"), 400, "Birthdate");
        JsonNode updated = ok(manager.post(BASE + "/guests/updateGuest", "ClientID", world.client.id(), "GuestID", guestId,
                "Email", "grace@navy.example", "LastName", "Hopper"));
        assertThat(updated.get("FirstName").isNull()).isTrue();
        assertThat(updated.get("LastName").asString()).isEqualTo("Hopper");
        ok(manager.post(BASE + "/guests/unsubscribeGuest", "ClientID", world.client.id(), "GuestID", guestId));
        var api = http.get("/v2/zapier/client/guests?unsubscribed=true&" + world.auth());
        assertThat(api.json().get(0).get("email").asString()).isEqualTo("grace@navy.example");

        var csv = manager.post(BASE + "/guests/exportGuestsCSV", "ClientID", world.client.id());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        String[] lines = csv.raw().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("id,guest_token,macaddress,email");
        assertThat(lines[1]).startsWith(guestId + ",").contains("grace@navy.example").contains(",true,");
        assertError(manager.post(BASE + "/guests/exportGuestsCSV", "ClientID", 999_999_999L), 404, "Unknown client");

        ok(manager.post(BASE + "/guests/eraseGuest", "ClientID", world.client.id(), "GuestID", guestId));
        assertThat(http.get("/v2/zapier/client/guests?" + world.auth()).raw()).isEqualTo("[]");
        assertError(manager.post(BASE + "/guests/getGuest", "ClientID", world.client.id(), "GuestID", guestId), 404, "Unknown guest");
        assertThat(loggedFunctions()).contains("/guests/addGuest", "/guests/updateGuest", "/guests/unsubscribeGuest",
                "/guests/eraseGuest");
    }

    @Test
    void purchasesAreGrantedAndRevoked() {
        long guestId = ok(manager.post(BASE + "/guests/addGuest", "ClientID", world.client.id(), "MACAddress", "02-42-AC-11-00-09"))
                .get("GuestID").asLong();
        long plan = world.plan("Week", java.time.Duration.ofDays(7)).id();
        JsonNode granted = ok(manager.post(BASE + "/guests/grantGuestPlan", "ClientID", world.client.id(), "GuestID", guestId,
                "GuestPlanID", plan));
        assertThat(granted.get("PaymentGateway").asString()).isEqualTo("Manual");
        long purchase = granted.get("PurchaseID").asLong();
        var api = http.get("/v2/client/guests-guest-plans?" + world.auth());
        assertThat(api.json().get(0).get("guest_plan_state").asString()).isEqualTo("Active");
        JsonNode revoked = ok(manager.post(BASE + "/guests/revokeGuestPlan", "ClientID", world.client.id(), "PurchaseID", purchase));
        assertThat(revoked.get("RevokedUTC.ISO8601").isNull()).isFalse();
        assertError(manager.post(BASE + "/guests/revokeGuestPlan", "ClientID", world.client.id(), "PurchaseID", purchase), 409, "already");
        assertThat(http.get("/v2/client/guests-guest-plans?state=expired&" + world.auth()).json()).hasSize(1);
        JsonNode guest = ok(support.post(BASE + "/guests/getGuest", "ClientID", world.client.id(), "GuestID", guestId));
        assertThat(guest.get("Purchases")).hasSize(1);
        assertThat(loggedFunctions()).contains("/guests/grantGuestPlan", "/guests/revokeGuestPlan");
    }

    @Test
    void anotherOperatorsClientIsUnknown() {
        GuestWorld other = new GuestWorld(context, "Other Operator Cafe");
        assertError(manager.post(BASE + "/guests/addGuest", "ClientID", other.client.id(), "MACAddress", "02-42-AC-11-00-0A"),
                404, "Unknown client");
        assertError(manager.post(BASE + "/hotspots/listHotspots", "ClientID", other.client.id()), 404, "Unknown client");
        assertError(manager.post(BASE + "/hotspots/addHotspot", "VenueID", other.venue.key(), "HotspotName", "X",
                "NASIdentifier", "X-" + Fixtures.unique()), 404, "Unknown venue");
        assertError(manager.post(BASE + "/guests/listVouchers"), 400, "ClientID");
    }
}
