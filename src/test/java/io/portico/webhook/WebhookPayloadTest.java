package io.portico.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.gateway.GatewayChangeFailed;
import io.portico.guest.Guest;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestProfile;
import io.portico.guest.Purchase;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.LoginPasswordCreated;
import io.portico.subscription.NewKey;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.JsonAssert;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;
import tools.jackson.databind.JsonNode;

/**
 * Pins the wire payload of every webhook type, key order included: each domain change is made
 * through its module at a fixed time, and the outbox row must hold exactly the expected JSON.
 */
@PorticoIntegrationTest
class WebhookPayloadTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    GuestWorld world;
    Venue venue;
    ServicePlan plan;
    ServicePlan other;
    Actor staff;

    @BeforeEach
    void setUp() {
        clock.fix(NOW);
        world = new GuestWorld(context, "Harbor Properties");
        venue = context.getBean(VenueService.class).add(world.operator.id(), new NewVenue(world.client.id(), "Harbor Lofts",
                new Address("1 Main St", "Suite 4", "Cambridge", "MA", "02139", "USA"), NewVenue.zone("America/New_York"),
                "EXT-V1"));
        PlanService plans = context.getBean(PlanService.class);
        plan = plans.add(world.operator.id(), planChanges("Fast"));
        other = plans.add(world.operator.id(), planChanges("Faster"));
        context.getBean(WebhookService.class).configure(world.operator.id(), "https://hooks.example/portico", null);
        staff = new Actor(world.operator.id(), 1, "staff@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void unitAndSubscriptionChangesSendTheDocumentedPayloads() {
        UnitService units = context.getBean(UnitService.class);
        SubscriptionService subscriptions = context.getBean(SubscriptionService.class);
        Unit unit = units.add(world.operator.id(), venue.key(), new NewUnit("101", "B", "2", UnitPurpose.WIRED_UNIT, 1501, "EXT-U1"));
        units.update(staff, unit.key(), null, 1502, null);
        IssuedKey key = subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), plan.key(), new SubscriberDetails(
                "ana-" + Fixtures.unique().toLowerCase() + "@example.com", "Ana", "Lopez", "+15551234567", "en-us", false, true),
                NOW.minus(Duration.ofHours(1)), null, null));
        long id = key.subscription().id();
        String firstPsk = key.subscription().psk();
        String psk = subscriptions.resetKey(staff, id, null).psk();
        subscriptions.changePlan(staff, id, other.key());
        subscriptions.adjust(staff, id, NOW.minus(Duration.ofHours(2)), NOW.plus(Duration.ofDays(30)), false);
        subscriptions.end(staff, id, null);

        String unitFields = """
                "VenueID": "%s", "purpose": "wiredunit", "externalVenueID": "EXT-V1", "VenueName": "Harbor Lofts",
                "AddressLine1": "1 Main St", "AddressLine2": "Suite 4", "City": "Cambridge", "State": "MA",
                "Country.ISO3166A3": "USA", "PostalCode": "02139", "UnitID_internal": "%s", "UnitID": "101",
                "UnitBuilding": "B", "UnitFloor": "2", "vlan": %%d, "externalVenueUnitID": "EXT-U1"
                """.formatted(venue.key(), unit.key());
        String subscription = unitFields.formatted(1502) + """
                , "SubscriptionID": %d, "SubscriberToken": "%s", "EmailAddress": "%s", "ServicePlanID": "%%s",
                "StartDateTimeUTC.ISO8601": "%%s", "EndDateTimeUTC.ISO8601": "%%s", "psk": "%%s"
                """.formatted(id, key.subscriber().token(), key.subscriber().email());
        String added = subscription.formatted(plan.key(), "2026-03-10T11:00:00.000Z", "", firstPsk);
        String reset = subscription.formatted(plan.key(), "2026-03-10T11:00:00.000Z", "", psk);
        String moved = subscription.formatted(other.key(), "2026-03-10T11:00:00.000Z", "", psk);
        String adjusted = subscription.formatted(other.key(), "2026-03-10T10:00:00.000Z", "2026-04-09T12:00:00.000Z", psk);
        String ended = subscription.formatted(other.key(), "2026-03-10T10:00:00.000Z", "2026-03-10T12:00:00.000Z", psk);
        String pskReplaced = ", \"event\": \"PSK replaced. \"";
        assertRows(List.of(
                row("VenueUnitAdded", "unit:" + unit.id(), unitFields.formatted(1501)),
                row("VenueUnitUpdated", "unit:" + unit.id(), unitFields.formatted(1502) + ", \"previousvlan\": 1501"),
                row("KeyStart", "subscription:" + id, added),
                row("SubscriptionStarted", "subscription:" + id, added),
                row("KeyEnd", "subscription:" + id, reset + pskReplaced),
                row("KeyStart", "subscription:" + id, reset + pskReplaced),
                row("SubscriptionPlanUpdated", "subscription:" + id, moved + ", \"PreviousServicePlanID\": \"" + plan.key() + "\""),
                row("SubscriptionStartDateAdjustment", "subscription:" + id,
                        adjusted + ", \"PreviousStartDateTimeUTC.ISO8601\": \"2026-03-10T11:00:00.000Z\""),
                row("SubscriptionEndDateAdjustment", "subscription:" + id, adjusted + ", \"PreviousEndDateTimeUTC.ISO8601\": \"\""),
                row("SubscriptionEndDateAdjustment", "subscription:" + id,
                        ended + ", \"PreviousEndDateTimeUTC.ISO8601\": \"2026-04-09T12:00:00.000Z\""),
                row("SubscriptionEnded", "subscription:" + id, ended)));
    }

    /** A row whose payload is the common header (Type, dateAddedUTC.ISO8601) and then {@code fields}. */
    private static Row row(String type, String orderingKey, String fields) {
        return new Row(type, orderingKey, "{\"Type\": \"" + type + "\", \"dateAddedUTC.ISO8601\": \"2026-03-10T12:00:00.000Z\", "
                + fields + "}");
    }

    @Test
    void guestChangesSendTheDocumentedPayloads() {
        Guest guest = world.guest("4a:4a:ea:4a:4a:fa", new GuestProfile("ada@example.com", "Ada", "Lovelace", null, null,
                null, null, null, null, null, null, null, null, List.of(), ""));
        GuestPlan dayPass = world.plan("Day Pass", Duration.ofDays(1));
        Purchase purchase = world.plans().recordPayment(world.client.id(), guest.id(), dayPass.id(), "Stripe", "pi_1",
                NOW.minus(Duration.ofHours(2)));
        String header = "\"ClientID\": \"" + world.client.key() + "\", \"GuestID\": " + guest.id() + ", ";
        assertRows(List.of(
                row("GuestCreated", "guest:" + guest.id(), header + """
                        "GuestToken": "%s", "MACAddress": "4A-4A-EA-4A-4A-FA", "EmailAddress": "ada@example.com",
                        "FirstName": "Ada", "LastName": "Lovelace\"""".formatted(guest.token())),
                row("GuestPlanPurchased", "guest:" + guest.id(), header + """
                        "PurchaseID": %d, "GuestPlanID": %d, "PaymentGateway": "Stripe",
                        "StartDateTimeUTC.ISO8601": "2026-03-10T10:00:00.000Z",
                        "ExpiryDateTimeUTC.ISO8601": "2026-03-11T10:00:00.000Z\"""".formatted(purchase.id(), dayPass.id()))));
    }

    @Test
    void passwordAndGatewayEventsSendTheDocumentedPayloads() {
        Unit unit = context.getBean(UnitService.class).add(world.operator.id(), venue.key(),
                new NewUnit("102", "B", "2", UnitPurpose.WIRED_UNIT, 1601, ""));
        Subscriber subscriber = context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(unit.key(),
                plan.key(), new SubscriberDetails("bo-" + Fixtures.unique().toLowerCase() + "@example.com", "Bo", "Chen",
                        "+15557654321", "es-mx", true, false), NOW.plus(Duration.ofDays(1)), null, null)).subscriber();
        jdbc.sql("delete from webhook_delivery where operator_id = ?").param(world.operator.id()).update();
        context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> {
            context.publishEvent(new LoginPasswordCreated(subscriber,
                    new RequestOrigin("203.0.113.9", "es-MX", "Firefox"), NOW));
            context.publishEvent(new GatewayChangeFailed(world.operator.id(), 77, "GW-KEY", venue.id(), venue.key(), 1601, true, 503,
                    "Service Unavailable", 1, NOW));
        });
        assertRows(List.of(
                row("LoginPasswordCreated", "subscriber:" + subscriber.id(), """
                        "SourceIP": "203.0.113.9", "AdministratorOS": "", "AdministratorBrowser": "", "SourceLocale": "es-MX",
                        "EmailAddress": "%s", "SubscriberToken": "%s", "GivenName": "Bo", "FamilyName": "Chen",
                        "locale": "es-mx", "contactpref_sms": true, "contactpref_email": false,
                        "event": "Subscriber set a password. ", "PhoneNumber.E164": "+15557654321"
                        """.formatted(subscriber.email(), subscriber.token())),
                row("GatewayChangeFailed", "gateway:77:1601", """
                        "VenueID": "%s", "EquipmentID": "GW-KEY", "vlan": 1601, "Request": "Enable VLAN 1601",
                        "statusCode": 503, "ERROR": "Service Unavailable", "attempts": 1
                        """.formatted(venue.key()))));
    }

    record Row(String type, String orderingKey, String payload) {
    }

    private void assertRows(List<Row> expected) {
        List<Row> actual = jdbc.sql("select event_type, ordering_key, payload_json from webhook_delivery where operator_id = ? order by id")
                .param(world.operator.id())
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        assertThat(actual).extracting(Row::type).containsExactlyElementsOf(expected.stream().map(Row::type).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).orderingKey()).as("ordering key of %s", expected.get(i).type()).isEqualTo(expected.get(i).orderingKey());
            JsonAssert.expecting(expected.get(i).payload()).keysInOrder().assertMatches(json(actual.get(i).payload()));
        }
    }

    private static JsonNode json(String text) {
        return io.portico.support.Http.json().readTree(text);
    }

    private static PlanChanges planChanges(String name) {
        return new PlanChanges(name, 300_000L, 50_000L, 10, false, true, name, "", null, "", "", 0, 730.5, List.of("USD"),
                Map.of("USD", 0L), 0, 0, 3600);
    }
}
