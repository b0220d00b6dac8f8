package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.equipment.EquipmentService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.SecretName;
import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The management routes behind the Operator/Equipment section: venues, equipment, subscriptions, settings, roles. */
@PorticoIntegrationTest
class ConsoleManagementRoutesTest {

    private static final String CONSOLE = "/preview/networkoperatorconsole/";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;
    ConsoleWorld world;

    @BeforeEach
    void setUp() {
        world = new ConsoleWorld(context, new Http(port));
    }

    private JsonNode ok(ConsoleSession session, String route, Object... body) {
        Http.Response r = session.post(CONSOLE + route, body);
        assertThat(r.status()).as("%s: %s", route, r.raw()).isEqualTo(200);
        assertThat(r.json().get("errorProcessing").asBoolean()).isFalse();
        return r.json();
    }

    private static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().get("message").asString()).contains(message);
    }

    @Test
    void venuesAreAddedAndUpdatedWithAStableVenueId() {
        JsonNode added = ok(world.admin, "venues/addVenue", "ClientID", world.client.id(), "VenueName", "Harbor View",
                "AddressLine1", "9 Pier Rd", "City", "Boston", "State", "MA", "PostalCode", "02110", "Country.ISO3166A3", "USA",
                "TimeZone", "America/New_York");
        String id = added.get("VenueID").asString();
        assertThat(id).isEqualTo(world.client.key() + "._V3VENUE.USA.MA.02110.HARBORVIEW.BOSTON");
        JsonNode updated = ok(world.admin, "venues/updateVenue", "VenueID", id, "VenueName", "Harbor View North",
                "TimeZone", "America/Chicago");
        assertThat(updated.get("VenueID").asString()).isEqualTo(id);
        assertThat(updated.get("VenueName").asString()).isEqualTo("Harbor View North");
        assertThat(updated.get("City").asString()).isEqualTo("Boston");
        assertError(world.admin.post(CONSOLE + "venues/updateVenue", "VenueID", id, "TimeZone", "Mars/Base"), 400, "IANA");
        assertError(world.session(Role.CUSTOMER_SUPPORT).post(CONSOLE + "venues/updateVenue", "VenueID", id, "VenueName", "X"),
                403, "does not allow");
    }

    @Test
    void equipmentCredentialsAreStoredEncryptedAndNeverReturned() {
        JsonNode added = ok(world.admin, "equipment/addEquipment", "VenueID", world.venue.key(), "EquipmentName", "core-sw1",
                "EquipmentType", "Switch", "Manufacturer", "Mikrotik", "Model", "CRS326", "ConnectionProtocol", "ssh",
                "IPAddress", "10.0.0.2", "Username", "admin", "Password", "sw1tch-passw0rd");
        String key = added.get("EquipmentID").asString();
        assertThat(key).isEqualTo(world.venue.key() + "._V3EQUIPMENT.CORE-SW1");
        String stored = jdbc.sql("select credentials_sealed from equipment where equipment_key = ?").param(key)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("sw1tch-passw0rd");
        EquipmentService equipment = context.getBean(EquipmentService.class);
        long id = equipment.findByKey(world.operator.id(), key).orElseThrow().id();
        assertThat(equipment.credentials(world.operator.id(), id)).contains("sw1tch-passw0rd");
        assertThat(world.admin.post(CONSOLE + "equipment/listEquipment").raw()).doesNotContain("sw1tch-passw0rd").contains(key);

        ok(world.admin, "equipment/updateEquipment", "EquipmentID", key, "EquipmentType", "Switch", "Manufacturer", "Mikrotik",
                "Model", "CRS328", "ConnectionProtocol", "ssh", "IPAddress", "10.0.0.3");
        assertThat(equipment.credentials(world.operator.id(), id)).contains("sw1tch-passw0rd");
        JsonNode log = ok(world.admin, "equipment/listEquipmentLog", "EquipmentID", key);
        assertThat(log.get("Model").asString()).isEqualTo("CRS328");
        assertThat(log.get("log").get(0).get("Administrator").asString()).contains("@example.com");
        assertThat(log.toString()).doesNotContain("sw1tch-passw0rd");
        assertError(world.admin.post(CONSOLE + "equipment/addEquipment", "VenueID", world.venue.key(), "EquipmentName", "bad",
                "EquipmentType", "Toaster", "Manufacturer", "X", "Model", "Y", "ConnectionProtocol", "ssh", "IPAddress", "10.0.0.9"),
                400, "EquipmentType must be one of");
    }

    @Test
    void subscriptionsEndAndMoveWithinTheRules() {
        long id = world.active.subscription().id();
        assertError(world.admin.post(CONSOLE + "subscriptions/endSubscription", "SubscriptionID", id,
                "EndDateTimeUTC.ISO8601", ConsoleFormats.iso(world.active.subscription().startsAt().minusSeconds(60))),
                400, "must be after");
        Instant end = clock.instant().plus(Duration.ofDays(10));
        JsonNode ended = ok(world.admin, "subscriptions/endSubscription", "SubscriptionID", id, "EndDateTimeUTC.ISO8601",
                ConsoleFormats.iso(end));
        assertThat(ended.get("EndDateTimeUTC.ISO8601").asString()).isEqualTo(ConsoleFormats.iso(end));
        JsonNode open = ok(world.admin, "subscriptions/adjustSubscription", "SubscriptionID", id, "RemoveEndDate", true);
        assertThat(open.has("EndDateTimeUTC.ISO8601")).isFalse();
        assertError(world.admin.post(CONSOLE + "subscriptions/adjustSubscription", "SubscriptionID", 999_999_999L), 404,
                "Unknown SubscriptionID");
        JsonNode list = ok(world.session(Role.CUSTOMER_SUPPORT), "subscriptions/listSubscriptions");
        assertThat(list.get("Subscriptions").toString()).contains("\"Status\":\"active\"", "\"Status\":\"ended\"");
    }

    @Test
    void overlapAndCustomPskFollowTheOperatorsNetworkConfiguration() {
        ok(world.admin, "operator/configureNetworkConfiguration", "allowOverlappingSubscriptionWiredUnit", true, "CustomPSK", false);
        JsonNode second = ok(world.admin, "subscribers/addKey", "UnitID_internal", world.activeUnit.key(), "ServicePlanID",
                world.retail.key(), "EmailAddress", "roommate@example.com", "GivenName", "Room", "FamilyName", "Mate");
        assertThat(second.get("vlan").asInt()).isEqualTo(world.activeUnit.vlan());
        assertError(world.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", world.activeUnit.key(), "ServicePlanID",
                world.retail.key(), "EmailAddress", "third@example.com", "GivenName", "T", "FamilyName", "H", "psk", "mypassword1"),
                400, "does not allow custom PSKs");
    }

    @Test
    void customKeysAreStoredSealedAndUniqueAcrossTheOperatorsNetworks() {
        ok(world.admin, "operator/configureNetworkConfiguration", "allowOverlappingSubscriptionWiredUnit", true, "CustomPSK", true);
        JsonNode first = ok(world.admin, "subscribers/addKey", "UnitID_internal", world.activeUnit.key(), "ServicePlanID",
                world.retail.key(), "EmailAddress", "first-key@example.com", "GivenName", "F", "FamilyName", "K", "psk", "Shared-Key-2024");
        assertThat(first.get("psk").asString()).isEqualTo("Shared-Key-2024");
        String stored = jdbc.sql("select psk_sealed from subscription where id = ?").param(first.get("SubscriptionID").asLong())
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("Shared-Key-2024");

        assertError(world.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", world.endingUnit.key(), "ServicePlanID",
                world.retail.key(), "EmailAddress", "second-key@example.com", "GivenName", "S", "FamilyName", "K", "psk", "Shared-Key-2024"),
                409, "That psk is already used on this operator's WiFi networks; choose another.");
        assertError(world.admin.post(CONSOLE + "subscribers/resetKey", "SubscriptionID", world.active.subscription().id(),
                "psk", "Shared-Key-2024"), 409, "That psk is already used");
        // An ended subscription's key is free again.
        JsonNode reused = ok(world.admin, "subscribers/addKey", "UnitID_internal", world.endedUnit.key(), "ServicePlanID",
                world.retail.key(), "EmailAddress", "reuse-key@example.com", "GivenName", "R", "FamilyName", "K",
                "psk", world.ended.subscription().psk());
        assertThat(reused.get("psk").asString()).isEqualTo(world.ended.subscription().psk());
    }

    @Test
    void settingsSectionsAreValidatedAndSecretsStayWriteOnly() {
        ok(world.admin, "operator/configureShoppingCart", "Stripe", Map.of("Stripe_Webhook_signingsecret", "whsec_replacement_secret_5555"));
        JsonNode cart = world.admin.post(CONSOLE + "equipment/listOperatorDetails").json().get("ShoppingCart");
        assertThat(cart.get("Stripe").get("Stripe_Webhook_signingsecret").asString()).isEqualTo("********5555");
        assertThat(cart.get("enableShoppingCart").asBoolean()).isTrue();
        assertThat(context.getBean(OperatorSettingsService.class).secret(world.operator.id(), SecretName.STRIPE_SIGNING_SECRET))
                .contains("whsec_replacement_secret_5555");
        assertError(world.admin.post(CONSOLE + "operator/configureServicePlanConfiguration",
                "DefaultServicePlanID_LocalWirelessAccess", "NOPE"), 400, "is not a service plan of this operator");
        assertError(world.admin.post(CONSOLE + "operator/configureNotifications", "SMSConsolePhoneNumber", "12345"), 400, "E.164");
        assertError(world.admin.post(CONSOLE + "operator/configureWebhook", "WebhookURL", "ftp://x"), 400, "http or https");
        assertError(world.admin.post(CONSOLE + "operator/configureEmailTemplates", "locale", "en-us", "Templates",
                Map.of("WelcomeEmail", Map.of("Body", "<img src=x onerror=alert(1)>"))), 400, "event-handler attribute onerror");
        ok(world.admin, "operator/configureSupportedLocales", "SupportedLocales", Map.of("en-us", "English (US)", "fr-ca", "Français"));
        ok(world.admin, "equipment/configureTandC", "locale", "fr-ca", "TandC", "<p>Conditions</p>");
        JsonNode details = world.admin.post(CONSOLE + "equipment/listOperatorDetails").json();
        assertThat(details.get("TandC").get("fr-ca").asString()).isEqualTo("<p>Conditions</p>");
        assertThat(world.admin.post(CONSOLE + "equipment/listOperatorLog").raw()).contains("Updated SupportedLocales.")
                .doesNotContain("whsec_replacement_secret_5555");
    }

    @Test
    void rolesChangeButTheOperatorKeepsADomainAdministrator() {
        ConsoleSession only = world.admin;
        String email = world.fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT);
        JsonNode changed = ok(only, "administrators/updateAdministratorRoles", "EmailAddress", email,
                "Roles", List.of("AccountManagers"));
        assertThat(changed.get("Roles").toString()).isEqualTo("[\"AccountManagers\"]");
        JsonNode admins = ok(only, "administrators/listAdministrators");
        String self = null;
        for (JsonNode a : admins.get("Administrators")) {
            if (a.get("Roles").toString().contains("DomainAdministrators")) {
                self = a.get("EmailAddress").asString();
            }
        }
        assertError(only.post(CONSOLE + "administrators/updateAdministratorRoles", "EmailAddress", self,
                "Roles", List.of("CustomerSupport")), 409, "at least one DomainAdministrator");
        assertError(world.session(Role.ACCOUNT_MANAGERS).post(CONSOLE + "administrators/updateAdministratorRoles",
                "EmailAddress", email, "Roles", List.of("DomainAdministrators")), 403, "does not allow");
    }
}
