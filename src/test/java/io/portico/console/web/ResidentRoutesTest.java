package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import tools.jackson.databind.JsonNode;

/**
 * The resident routes ({@code /preview/subscriberconsole/resident/}) and staff's per-subscriber
 * device and enrolment routes over HTTP: wire shapes, errors in the console's format, a
 * resident's token only for their own things, an administrator's never for a resident's routes.
 */
@PorticoIntegrationTest
class ResidentRoutesTest {

    static final String RESIDENT = "/preview/subscriberconsole/resident/";
    static final String CONSOLE = "/preview/networkoperatorconsole/subscribers/";

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;
    @LocalServerPort int port;

    ResidentWorld world;
    Http http;
    String email;
    ConsoleSession resident;
    long subscriptionId;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        http = new Http(port);
        email = world.residentWithPassword();
        resident = ConsoleSession.login(http, email, ResidentWorld.PASSWORD);
        subscriptionId = ok(resident.post(RESIDENT + "getWiFi")).get("Keys").get(0).get("SubscriptionID").asLong();
    }

    @Test
    void wifiAnswersTheKeyWithItsQrPayloadAndRotationReplacesIt() {
        JsonNode wifi = ok(resident.post(RESIDENT + "getWiFi"));
        String psk = wifi.get("Keys").get(0).get("psk").asString();
        assertThat(psk).hasSize(16);
        assertThat(wifi.get("Keys").get(0).get("UnitID_internal").asString()).isNotEmpty();

        JsonNode rotated = ok(resident.post(RESIDENT + "rotateKey", "SubscriptionID", subscriptionId));
        assertThat(rotated.get("message").asString()).isEqualTo("Key replaced. ");
        assertThat(rotated.get("Key").get("psk").asString()).isNotEqualTo(psk).hasSize(16);
        assertThat(ok(resident.post(RESIDENT + "getWiFi")).get("Keys").get(0).get("psk").asString())
                .isEqualTo(rotated.get("Key").get("psk").asString());
    }

    @Test
    void aResidentTokenOnlyReachesTheirOwnSubscriptionsAndAnAdministratorsNeverActsAsAResident() {
        String other = world.residentWithPassword();
        long theirs = ok(ConsoleSession.login(http, other, ResidentWorld.PASSWORD).post(RESIDENT + "getWiFi"))
                .get("Keys").get(0).get("SubscriptionID").asLong();

        error(resident.post(RESIDENT + "rotateKey", "SubscriptionID", theirs), 404, "Unknown SubscriptionID " + theirs + ".");
        error(resident.post(RESIDENT + "rotateKey"), 400, "SubscriptionID is required.");
        error(resident.post(CONSOLE + "listDevices", "SubscriberEmail", email), 401, null);

        ConsoleSession admin = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
        error(admin.post(RESIDENT + "getWiFi"), 401, null);
    }

    @Test
    void plansCanBeChangedToFreeSelfServicePlansCancelledAndTheCancellationUndone() {
        var faster = world.plan("Faster " + Fixtures.unique(), true, Map.of("USD", 0L));
        var paid = world.plan("Paid " + Fixtures.unique(), true, Map.of("USD", 2500L));

        JsonNode subscriptions = ok(resident.post(RESIDENT + "listSubscriptions")).get("Subscriptions");
        assertThat(subscriptions.get(0).get("ServicePlan").get("ServicePlanID").asString()).isEqualTo(world.plan.key());
        assertThat(subscriptions.get(0).get("ServicePlan").get("DownloadKbps").asLong()).isEqualTo(100_000);
        assertThat(subscriptions.get(0).get("Cancelled").asBoolean()).isFalse();
        assertThat(ok(resident.post(RESIDENT + "listAvailablePlans", "SubscriptionID", subscriptionId)).get("ServicePlans"))
                .extracting(p -> p.get("ServicePlanID").asString()).contains(faster.key(), paid.key()).doesNotContain(world.plan.key());

        JsonNode changed = ok(resident.post(RESIDENT + "changeServicePlan", "SubscriptionID", subscriptionId, "ServicePlanID", faster.key()));
        assertThat(changed.get("Subscription").get("ServicePlan").get("ServicePlanID").asString()).isEqualTo(faster.key());
        error(resident.post(RESIDENT + "changeServicePlan", "SubscriptionID", subscriptionId, "ServicePlanID", paid.key()), 409, null);

        JsonNode cancelled = ok(resident.post(RESIDENT + "cancelSubscription", "SubscriptionID", subscriptionId));
        assertThat(cancelled.get("Subscription").get("Cancelled").asBoolean()).isTrue();
        assertThat(cancelled.get("Subscription").get("EndDateTimeUTC.ISO8601").asString())
                .isEqualTo(cancelled.get("Subscription").get("CycleEndDateTimeUTC.ISO8601").asString());
        JsonNode undone = ok(resident.post(RESIDENT + "undoCancelSubscription", "SubscriptionID", subscriptionId));
        assertThat(undone.get("Subscription").get("Cancelled").asBoolean()).isFalse();
        assertThat(undone.get("Subscription").has("EndDateTimeUTC.ISO8601")).isFalse();

        JsonNode contact = ok(resident.post(RESIDENT + "updateContactPreferences", "contactpref_sms", true, "contactpref_email", false,
                "locale", "es-xl"));
        assertThat(contact.get("Subscriber").get("locale").asString()).isEqualTo("es-xl");
        assertThat(contact.get("Subscriber").get("contactpref_sms").asBoolean()).isTrue();
        error(resident.post(RESIDENT + "updateContactPreferences", "locale", "not a locale"), 400, "locale must be a code such as en-us.");
    }

    @Test
    void devicesAreListedNamedAndStaffSeeThemWithEnrolmentLimitsAudited() {
        seeDevice("02-00-00-00-70-01", 4000, true);

        JsonNode devices = ok(resident.post(RESIDENT + "listDevices")).get("Devices");
        assertThat(devices).hasSize(1);
        assertThat(devices.get(0).get("MACAddress").asString()).isEqualTo("02-00-00-00-70-01");
        assertThat(devices.get(0).get("Online").asBoolean()).isTrue();
        assertThat(devices.get(0).get("BytesUsed").asLong()).isEqualTo(4000);

        ok(resident.post(RESIDENT + "renameDevice", "MACAddress", "02-00-00-00-70-01", "DeviceName", "Living room TV"));
        error(resident.post(RESIDENT + "renameDevice", "MACAddress", "02-00-00-00-70-09", "DeviceName", "x"), 404, null);
        error(resident.post(RESIDENT + "renameDevice", "MACAddress", "02-00-00-00-70-01", "DeviceName", "x".repeat(61)), 400, null);

        ConsoleSession support = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);
        JsonNode staff = ok(support.post(CONSOLE + "listDevices", "SubscriberEmail", email));
        assertThat(staff.get("Devices").get(0).get("DeviceName").asString()).isEqualTo("Living room TV");
        error(support.post(CONSOLE + "disconnectDevice", "SubscriberEmail", email, "MACAddress", "02:00:00:00:70:01"), 403, null);
        error(support.post(CONSOLE + "listDevices", "SubscriberEmail", "nobody@example.com"), 404, null);

        JsonNode limits = ok(support.post(CONSOLE + "getEnrollmentLimits", "SubscriberEmail", email));
        assertThat(limits.get("FreeEnrollments").asInt()).isEqualTo(1);
        assertThat(limits.get("MaximumFreeEnrollmentsPerSubscriber").asInt()).isEqualTo(-1);
        assertThat(limits.get("ServicePlans").get(0).get("EnrollmentsByVenue").get(world.venue.key()).asInt()).isEqualTo(1);

        ConsoleSession manager = ConsoleSession.login(http, fixtures.administrator(world.operator, Role.ACCOUNT_MANAGERS), Fixtures.PASSWORD);
        ok(manager.post(CONSOLE + "disconnectDevice", "SubscriberEmail", email, "MACAddress", "02:00:00:00:70:01"));
        assertThat(jdbc.sql("select count(*) from operator_log where operator_id = ? and function_name = ?")
                .params(world.operator.id(), "/subscribers/disconnectDevice").query(Long.class).single()).isEqualTo(1);

        ResidentWorld elsewhere = new ResidentWorld(context);
        ConsoleSession foreign = ConsoleSession.login(http, fixtures.administrator(elsewhere.operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
        error(foreign.post(CONSOLE + "listDevices", "SubscriberEmail", email), 404, null);
    }

    @Test
    void whatAResidentDoesIsInTheOperatorLogUnderTheirNameAndUnit() {
        seeDevice("02-00-00-00-71-01", 100, true);
        var faster = world.plan("Faster " + Fixtures.unique(), true, Map.of("USD", 0L));
        ok(resident.post(RESIDENT + "rotateKey", "SubscriptionID", subscriptionId));
        ok(resident.post(RESIDENT + "changeServicePlan", "SubscriptionID", subscriptionId, "ServicePlanID", faster.key()));
        ok(resident.post(RESIDENT + "cancelSubscription", "SubscriptionID", subscriptionId));
        ok(resident.post(RESIDENT + "undoCancelSubscription", "SubscriptionID", subscriptionId));
        ok(resident.post(RESIDENT + "renameDevice", "MACAddress", "02-00-00-00-71-01", "DeviceName", "Kitchen"));
        ok(resident.post(RESIDENT + "disconnectDevice", "MACAddress", "02-00-00-00-71-01"));
        ok(resident.post(RESIDENT + "updateContactPreferences", "contactpref_sms", false, "contactpref_email", true, "locale", "en-us"));
        // A refused change writes nothing.
        error(resident.post(RESIDENT + "undoCancelSubscription", "SubscriptionID", subscriptionId), 409, null);

        var entries = jdbc.sql("""
                        select function_name, administrator, venue_id || '/' || unit_id, event_json from operator_log
                         where operator_id = ? and function_name like '/resident/%' order by id""")
                .params(world.operator.id())
                .query((rs, n) -> Map.of("function", rs.getString(1), "who", rs.getString(2), "unit", rs.getString(3),
                        "event", rs.getString(4))).list();
        assertThat(entries).extracting(e -> e.get("function")).containsExactly("/resident/rotateKey", "/resident/changeServicePlan",
                "/resident/cancelSubscription", "/resident/undoCancelSubscription", "/resident/renameDevice",
                "/resident/disconnectDevice", "/resident/updateContactPreferences");
        assertThat(entries).allSatisfy(e -> assertThat(e.get("who")).isEqualTo("Subscriber " + email));
        assertThat(entries.get(0).get("unit")).startsWith(world.venue.key() + "/U");
        assertThat(entries.get(0).get("event")).contains("WiFi key replaced").doesNotContain(
                ok(resident.post(RESIDENT + "getWiFi")).get("Keys").get(0).get("psk").asString());
        assertThat(entries.get(4).get("event")).contains("Kitchen");
    }

    /** A device the resident authorizer let in under the subscription, with one accounting session at a NAS. */
    private void seeDevice(String mac, long bytes, boolean open) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        long nas = 900_000 + java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000);
        jdbc.sql("""
                        insert into radius_resident_device (nas_client_id, device_mac, operator_id, subscription_id, unit_id, authorised_at)
                        values (?, ?, ?, ?, 0, ?)""").params(nas, mac, world.operator.id(), subscriptionId, now).update();
        jdbc.sql("""
                        insert into connection_session (session_key, mac_address, started_at, start_reported, last_seen_at, ended_at,
                                                        session_seconds, input_octets, output_octets, nas_client_id, nas_address,
                                                        acct_session_id, user_name, stale_after, closed_by, nas_identifier)
                        values (?, ?, ?, true, ?, ?, 0, ?, 0, ?, '127.0.0.1', 'S1', '', ?, ?, 'resident-gw')""")
                .params(java.util.UUID.randomUUID().toString().replace("-", "") + java.util.UUID.randomUUID().toString().replace("-", ""),
                        mac, now, now, open ? null : now, bytes, nas, now.plusMinutes(10), open ? null : "nas").update();
    }

    private static JsonNode ok(Http.Response r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get("errorProcessing").asBoolean()).isFalse();
        return r.json();
    }

    private static void error(Http.Response r, int status, String message) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json().get("errorProcessing").asBoolean()).isTrue();
        if (message != null) {
            assertThat(r.json().get("message").asString()).isEqualTo(message);
        }
    }
}
