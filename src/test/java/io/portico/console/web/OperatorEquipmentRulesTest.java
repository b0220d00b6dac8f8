package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/** The rules behind the Operator/Equipment routes and the management routes feeding them. */
@PorticoIntegrationTest
class OperatorEquipmentRulesTest {

    private static final String EQ = "/preview/networkoperatorconsole/equipment/";
    private static final String CONSOLE = "/preview/networkoperatorconsole/";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    ConsoleWorld world;

    @BeforeEach
    void setUp() {
        world = new ConsoleWorld(context, new Http(port));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private List<String> planIds(ConsoleSession session) {
        List<String> ids = new ArrayList<>();
        session.post(EQ + "listServicePlans").json().forEach(p -> ids.add(p.get("ServicePlanID").asString()));
        return ids;
    }

    private static void assertError(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(r.json().get("message").asString()).contains(message);
    }

    // ---- service plans ---------------------------------------------------------------------------

    @Test
    void addServicePlanRejectsMissingRequiredFieldsNamingThem() {
        assertError(world.admin.post(EQ + "addServicePlan", "ServicePlanName", "X", "UploadKbps", 10, "ConcurrentDevices", 1),
                400, "DownloadKbps is required.");
        assertError(world.admin.post(EQ + "addServicePlan", "DownloadKbps", 10, "UploadKbps", 10, "ConcurrentDevices", 1),
                400, "ServicePlanName is required.");
        assertThat(planIds(world.admin)).hasSize(2);
    }

    @Test
    void addServicePlanRejectsOutOfRangeValuesUnknownFieldsAndCurrencies() {
        Object[] base = {"ServicePlanName", "Range", "DownloadKbps", 1000, "UploadKbps", 1000, "ConcurrentDevices", 10};
        assertError(post(base, "DownloadKbps", 100_000_001), 400, "DownloadKbps must be between 1 and 100000000.");
        assertError(post(base, "UploadKbps", 0), 400, "UploadKbps must be between 1 and 100000000.");
        assertError(post(base, "ConcurrentDevices", 513), 400, "ConcurrentDevices must be between 1 and 512.");
        assertError(post(base, "BillingCycleHours", 0), 400, "BillingCycleHours must be greater than 0");
        assertError(post(base, "BillingCyclePrice.USD", -1), 400, "BillingCyclePrice.USD must be at least 0");
        assertError(post(base, "BillingCyclePrice.XYZ", 5), 400, "Unknown currency code 'XYZ'");
        assertError(post(base, "Currencies", List.of("USD"), "BillingCyclePrice.GBP", 5), 400, "GBP is not in Currencies");
        assertError(post(base, "Colour", "red"), 400, "Unknown field 'Colour'.");
        assertError(post(base, "DownloadKbps", "fast"), 400, "Field 'DownloadKbps' must be a whole number.");
        assertThat(planIds(world.admin)).hasSize(2);
    }

    private Http.Response post(Object[] base, Object... extra) {
        java.util.Map<String, Object> body = Http.body(base);
        body.putAll(Http.body(extra));
        List<Object> flat = new ArrayList<>();
        body.forEach((k, v) -> {
            flat.add(k);
            flat.add(v);
        });
        return world.admin.post(EQ + "addServicePlan", flat.toArray());
    }

    @Test
    void addServicePlanRejectsADuplicateName() {
        assertError(world.admin.post(EQ + "addServicePlan", "ServicePlanName", "1 Gbps (Retail)", "DownloadKbps", 1,
                "UploadKbps", 1, "ConcurrentDevices", 1), 409, "already exists");
    }

    @Test
    void addServicePlanKeepsPricesPerCurrencyInMinorUnits() {
        world.admin.post(EQ + "addServicePlan", "ServicePlanName", "Euro Plan", "DownloadKbps", 50000, "UploadKbps", 10000,
                "ConcurrentDevices", 8, "Currencies", List.of("EUR", "USD"), "BillingCyclePrice.EUR", 1999);
        JsonNode plan = find(world.admin.post(EQ + "listServicePlans").json(), "Euro Plan");
        assertThat(plan.get("Currencies").toString()).isEqualTo("[\"EUR\",\"USD\"]");
        assertThat(plan.get("BillingCyclePrice.EUR").asLong()).isEqualTo(1999);
        assertThat(plan.get("BillingCyclePrice.USD").asLong()).isZero();
    }

    private static JsonNode find(JsonNode plans, String name) {
        for (JsonNode p : plans) {
            if (p.get("ServicePlanName").asString().equals(name)) {
                return p;
            }
        }
        throw new AssertionError("no plan " + name);
    }

    @Test
    void configureServicePlanChangesOnlyGivenFieldsAndWritesTheOperatorLog() {
        var r = world.admin.post(EQ + "configureServicePlan", "ServicePlanID", world.retail.key(), "ConcurrentDevices", 12);
        assertThat(r.json().get("message").asString()).isEqualTo("Updating ConcurrentDevices to 12. ");
        JsonNode plan = find(world.admin.post(EQ + "listServicePlans").json(), "1 Gbps (Retail)");
        assertThat(plan.get("ConcurrentDevices").asInt()).isEqualTo(12);
        assertThat(plan.get("DownloadKbps").asLong()).isEqualTo(1_000_000);
        JsonNode log = world.admin.post(EQ + "listOperatorLog").json().get("log").get(0);
        assertThat(log.get("function_name").asString()).isEqualTo("/equipment/configureServicePlan");
        assertThat(log.get("event").get("message").asString()).isEqualTo("Updating ConcurrentDevices to 12. ");
        assertThat(log.get("Administrator").asString()).contains("@example.com");
        assertThat(log.get("SourceIP").asString()).isEqualTo("127.0.0.1");
        assertThat(log.get("SourceUA").asString()).contains("Java-http-client");
        assertError(world.admin.post(EQ + "configureServicePlan", "ServicePlanID", "NOPE"), 404, "Unknown ServicePlanID");
    }

    // ---- roles -----------------------------------------------------------------------------------

    @Test
    void customerSupportReadsButCannotChangeAndNothingChanges() {
        ConsoleSession support = world.session(Role.CUSTOMER_SUPPORT);
        assertThat(support.post(EQ + "listServicePlans").status()).isEqualTo(200);
        assertThat(support.post(EQ + "listOperatorDetails").status()).isEqualTo(200);
        assertError(support.post(EQ + "addServicePlan", "ServicePlanName", "Sneaky", "DownloadKbps", 1, "UploadKbps", 1,
                "ConcurrentDevices", 1), 403, "does not allow");
        assertError(support.post(EQ + "configureServicePlan", "ServicePlanID", world.retail.key(), "DownloadKbps", 5), 403, "does not allow");
        assertError(support.post(EQ + "configureTandC", "locale", "en-us", "TandC", "changed"), 403, "does not allow");
        assertThat(planIds(world.admin)).hasSize(2);
        assertThat(find(world.admin.post(EQ + "listServicePlans").json(), "1 Gbps (Retail)").get("DownloadKbps").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void siemAdministratorsReadLogsOnly() {
        ConsoleSession siem = world.session(Role.SIEM_ADMINISTRATORS);
        assertThat(siem.post(EQ + "listOperatorLog").status()).isEqualTo(200);
        assertThat(siem.post(EQ + "listWebhookLog").status()).isEqualTo(200);
        assertThat(siem.post(EQ + "listEquipmentLog", "EquipmentID", world.gateway.key()).status()).isEqualTo(200);
        for (String route : List.of("listServicePlans", "listOperatorDetails", "listEmailTemplates",
                "gateway/listPendingGatewayVLANEnable", "gateway/listPendingGatewayVLANDisable")) {
            assertError(siem.post(EQ + route), 403, "does not allow");
        }
    }

    @Test
    void accountManagersManagePlansButNotTermsOrSettingsOrEquipment() {
        ConsoleSession manager = world.session(Role.ACCOUNT_MANAGERS);
        assertThat(manager.post(EQ + "addServicePlan", "ServicePlanName", "Manager Plan", "DownloadKbps", 1, "UploadKbps", 1,
                "ConcurrentDevices", 1).status()).isEqualTo(200);
        assertError(manager.post(EQ + "configureTandC", "locale", "en-us", "TandC", "x"), 403, "does not allow");
        assertError(manager.post(CONSOLE + "operator/configureNetworkConfiguration", "CustomPSK", false), 403, "does not allow");
        assertError(manager.post(EQ + "addEquipment", "VenueID", world.venue.key(), "EquipmentName", "SW1", "EquipmentType", "Switch",
                "Manufacturer", "Mikrotik", "Model", "CRS", "ConnectionProtocol", "https", "IPAddress", "10.0.0.2"), 403, "does not allow");
        assertThat(manager.post(CONSOLE + "units/addUnit", "VenueID", world.venue.key(), "UnitID", "12", "UnitBuilding", "A",
                "UnitFloor", "1").status()).isEqualTo(200);
    }

    @Test
    void missingOrInvalidTokenIs401() {
        assertError(world.http.postJson(EQ + "listServicePlans", Map.of()), 401, "AccessToken is missing.");
        assertError(world.http.postJson(EQ + "listServicePlans", Map.of("AccessToken", "nope")), 401, "invalid or expired");
    }

    // ---- secrets -----------------------------------------------------------------------------------

    @Test
    void operatorDetailsNeverShowSecretsInClear() {
        var r = world.admin.post(EQ + "listOperatorDetails");
        for (String secret : List.of(ConsoleWorld.RADIUS_SECRET, ConsoleWorld.STRIPE_PUBLISHABLE, ConsoleWorld.STRIPE_SIGNING,
                ConsoleWorld.CLIENT_SECRET, ConsoleWorld.PMS_KEY, "webhook-signing-secret-0001", "router-password")) {
            assertThat(r.raw()).doesNotContain(secret).doesNotContain(secret.substring(0, secret.length() - 4));
        }
        JsonNode body = r.json();
        assertThat(body.get("NetworkConfiguration").get("Radius").get("RadiusSecret").asString()).isEqualTo("********7781");
        assertThat(body.get("ShoppingCart").get("Stripe").get("Stripe_Webhook_signingsecret").asString()).isEqualTo("********7890");
        assertThat(body.get("PMS").get("RealPage").get("RealPageAPIKey").asString()).isEqualTo("********9911");
        assertThat(body.get("SignOn").get("Cognito").get("CognitoPool_appclientsecret").asString()).isEqualTo("********4455");
    }

    @Test
    void domainAdministratorsUpdateNetworkConfigurationWithValidationAndSecretsStayMasked() {
        var ok = world.admin.post(CONSOLE + "operator/configureNetworkConfiguration", "MinimumAutoGeneratedVLAN_GlobalWirelessPlusLocalWiredAccess", 1500,
                "Radius", Map.of("RadiusSecret", "a-brand-new-radius-secret-2468"));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        JsonNode network = world.admin.post(EQ + "listOperatorDetails").json().get("NetworkConfiguration");
        assertThat(network.get("MinimumAutoGeneratedVLAN_GlobalWirelessPlusLocalWiredAccess").asInt()).isEqualTo(1500);
        assertThat(network.get("MaximumAutoGeneratedVLAN_GlobalWirelessPlusLocalWiredAccess").asInt()).isEqualTo(1999);
        assertThat(network.get("Radius").get("RadiusSecret").asString()).isEqualTo("********2468");
        assertError(world.admin.post(CONSOLE + "operator/configureNetworkConfiguration",
                "MinimumAutoGeneratedVLAN_LocalWirelessAccess", 3500), 400, "VLAN range 3500..2999 is invalid");
        assertError(world.admin.post(CONSOLE + "operator/configureNetworkConfiguration", "Vlans", 1), 400, "Unknown field 'Vlans'.");
        String log = world.admin.post(EQ + "listOperatorLog").raw();
        assertThat(log).contains("Replaced RadiusSecret.").doesNotContain("a-brand-new-radius-secret-2468");
    }

    // ---- terms and conditions ---------------------------------------------------------------------

    @Test
    void configureTandCRejectsUnsupportedLocalesAndActiveContentAndKeepsTheOldText() {
        assertError(world.admin.post(EQ + "configureTandC", "locale", "fr-fr", "TandC", "<p>Bonjour</p>"), 400,
                "locale 'fr-fr' is not supported");
        assertError(world.admin.post(EQ + "configureTandC", "locale", "en-us", "TandC", "<p>Hi</p><script>steal()</script>"),
                400, "<script> element");
        assertThat(world.admin.post(EQ + "listOperatorDetails").json().get("TandC").get("en-us").asString()).isEqualTo("<h1>Terms</h1>");
        var ok = world.admin.post(EQ + "configureTandC", "locale", "es-xl", "TandC", "<p>Revise y <b>acepte</b>.</p>");
        assertThat(ok.json().get("TandC.es-xl").asString()).isEqualTo("<p>Revise y <b>acepte</b>.</p>");
    }

    // ---- pending VLAN lists across time -------------------------------------------------------------

    @Test
    void pendingListsFollowSubscriptionStartEndAndGatewayConfirmation() {
        Instant t0 = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        clock.fix(t0);
        ConsoleSession admin = world.session(Role.DOMAIN_ADMINISTRATORS);
        JsonNode unit = admin.post(CONSOLE + "units/addUnit", "VenueID", world.venue.key(), "UnitID", "777",
                "UnitBuilding", "B", "UnitFloor", "7").json();
        String unitKey = unit.get("UnitID_internal").asString();
        var added = admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", unitKey, "ServicePlanID", world.retail.key(),
                "EmailAddress", "timed@example.com", "GivenName", "Tim", "FamilyName", "Ed",
                "StartDateTimeUTC.ISO8601", ConsoleFormats.iso(t0.plus(Duration.ofMinutes(10))),
                "EndDateTimeUTC.ISO8601", ConsoleFormats.iso(t0.plus(Duration.ofMinutes(30))));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(units(admin, "gateway/listPendingGatewayVLANEnable")).doesNotContain(unitKey);

        clock.fix(t0.plus(Duration.ofMinutes(11)));
        assertThat(units(admin, "gateway/listPendingGatewayVLANEnable")).contains(unitKey);
        int vlan = unit.get("vlan").asInt();
        assertThat(admin.post(EQ + "gateway/confirmGatewayVLAN", "EquipmentID", world.gateway.key(), "vlan", vlan,
                "Enabled", true).status()).isEqualTo(200);
        assertThat(units(admin, "gateway/listPendingGatewayVLANEnable")).doesNotContain(unitKey);
        assertThat(units(admin, "gateway/listPendingGatewayVLANDisable")).doesNotContain(unitKey);

        clock.fix(t0.plus(Duration.ofMinutes(31)));
        assertThat(units(admin, "gateway/listPendingGatewayVLANDisable")).contains(unitKey);
        admin.post(EQ + "gateway/confirmGatewayVLAN", "EquipmentID", world.gateway.key(), "vlan", vlan, "Enabled", false);
        assertThat(units(admin, "gateway/listPendingGatewayVLANDisable")).doesNotContain(unitKey);
    }

    private static List<String> units(ConsoleSession session, String route) {
        List<String> keys = new ArrayList<>();
        JsonNode body = session.post(EQ + route).json();
        body.get("Subscriptions").forEach(s -> keys.add(s.get("UnitID_internal").asString()));
        assertThat(body.get("SubscriptionCount").asInt()).isEqualTo(keys.size());
        return keys;
    }

    // ---- subscriptions, units ----------------------------------------------------------------------

    @Test
    void addKeyGeneratesAPskRefusesOverlapAndResetKeyReplacesIt() {
        var first = world.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", world.endedUnit.key(),
                "ServicePlanID", world.bulk.key(), "EmailAddress", "New.Resident@Example.com", "GivenName", "New",
                "FamilyName", "Resident", "PhoneNumber.E164", "+15550001111", "locale", "en-us", "contactpref_sms", true,
                "contactpref_email", false);
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        String psk = first.json().get("psk").asString();
        assertThat(psk).hasSize(16).matches("[A-Za-z2-9]+");
        assertThat(first.json().get("EmailAddress").asString()).isEqualTo("new.resident@example.com");
        assertError(world.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", world.endedUnit.key(),
                "ServicePlanID", world.bulk.key(), "EmailAddress", "other@example.com", "GivenName", "O", "FamilyName", "P"),
                409, "does not allow overlapping subscriptions");
        assertError(world.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", world.endedUnit.key(),
                "ServicePlanID", world.bulk.key(), "EmailAddress", "other@example.com", "GivenName", "O", "FamilyName", "P",
                "PhoneNumber.E164", "555-1234"), 400, "E.164");
        long id = first.json().get("SubscriptionID").asLong();
        var reset = world.admin.post(CONSOLE + "subscribers/resetKey", "SubscriptionID", id);
        assertThat(reset.json().get("psk").asString()).hasSize(16).isNotEqualTo(psk);
    }

    @Test
    void unitsGetTheLowestFreeVlanOfThePurposeRangeAndExplicitVlansMustBeFree() {
        var auto = world.admin.post(CONSOLE + "units/addUnit", "VenueID", world.venue.key(), "UnitID", "100", "UnitBuilding", "A",
                "UnitFloor", "1", "purpose", "localwireless");
        assertThat(auto.json().get("vlan").asInt()).isEqualTo(2000);
        assertThat(world.activeUnit.vlan()).isEqualTo(1000);
        assertError(world.admin.post(CONSOLE + "units/addUnit", "VenueID", world.venue.key(), "UnitID", "101", "UnitBuilding", "A",
                "UnitFloor", "1", "vlan", 2000), 409, "vlan 2000 is already used");
        assertError(world.admin.post(CONSOLE + "units/addUnit", "VenueID", world.venue.key(), "UnitID", "102", "UnitBuilding", "A",
                "UnitFloor", "1", "vlan", 4095), 400, "vlan must be between 1 and 4094.");
        JsonNode venues = world.admin.post(CONSOLE + "venues/listVenues").json();
        assertThat(venues.get("Venues").get(0).get("Units").size()).isEqualTo(4);
    }

    // ---- logs --------------------------------------------------------------------------------------

    @Test
    void logWindowsDefaultToFifteenDaysAndRejectReversedWindows() {
        world.admin.post(EQ + "configureServicePlan", "ServicePlanID", world.retail.key(), "TrialCycles", 1);
        Instant now = clock.instant();
        assertThat(world.admin.post(EQ + "listOperatorLog").json().get("log_count").asInt()).isEqualTo(1);
        JsonNode old = world.admin.post(EQ + "listOperatorLog", "MaxViewWindowDateUTC.ISO8601",
                ConsoleFormats.iso(now.minus(Duration.ofDays(1)))).json();
        assertThat(old.get("log_count").asInt()).isZero();
        assertThat(old.get("log_returned").asInt()).isZero();
        assertError(world.admin.post(EQ + "listOperatorLog", "MinViewWindowDateUTC.ISO8601", ConsoleFormats.iso(now),
                "MaxViewWindowDateUTC.ISO8601", ConsoleFormats.iso(now.minusSeconds(60))), 400, "must not be after");
        assertError(world.admin.post(EQ + "listOperatorLog", "MinViewWindowDateUTC.ISO8601", "yesterday"), 400, "ISO 8601");

        clock.fix(now.plus(Duration.ofDays(16)));
        ConsoleSession later = world.session(Role.DOMAIN_ADMINISTRATORS);
        assertThat(later.post(EQ + "listOperatorLog").json().get("log_count").asInt()).isZero();
        assertThat(later.post(EQ + "listWebhookLog").json().get("Webhooks").size()).isZero();
        JsonNode window = later.post(EQ + "listWebhookLog", "MinViewWindowDateUTC.ISO8601", ConsoleFormats.iso(now.minusSeconds(45)),
                "MaxViewWindowDateUTC.ISO8601", ConsoleFormats.iso(now)).json();
        assertThat(window.get("Webhooks").size()).isEqualTo(1);
    }

    @Test
    void listEquipmentLogIs404ForUnknownEquipment() {
        assertError(world.admin.post(EQ + "listEquipmentLog", "EquipmentID", world.venue.key() + "._V3EQUIPMENT.NOPE"), 404,
                "Unknown EquipmentID");
        assertError(world.admin.post(EQ + "listEquipmentLog"), 400, "EquipmentID is required.");
    }
}
