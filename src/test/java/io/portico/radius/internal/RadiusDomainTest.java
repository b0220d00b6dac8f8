package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.support.LoopbackNas;
import io.portico.support.Radclient;
import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.guest.GuestPlan;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.NewVouchers;
import io.portico.hotspot.Hotspot;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionEnded;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.SubscriptionSnapshot;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;

/**
 * RADIUS wired to the real domain, driven by FreeRADIUS's radclient: guests with and without an
 * active guest plan, voucher redemption with PAP and CHAP, a resident's VLAN, and accounting that
 * lands in the guest API's connections report.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusDomainTest {

    private static final String SECRET = "domain-secret-4567";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private RadiusServer server;
    private GuestWorld world;
    private Hotspot hotspot;
    private GuestPlan plan;
    private String gatewayNas;
    private IssuedKey resident;
    private Unit unit;

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
        world = new GuestWorld(context, "Radius Domain Co");
        hotspot = world.hotspot("Lobby");
        plan = world.plan("Day pass", Duration.ofDays(1));
        radius.register(NewNasClient.forHotspot(world.operator.id(), "Lobby", "127.0.0.1", hotspot.nasIdentifier(), SECRET, hotspot.id()));

        var servicePlan = context.getBean(PlanService.class).add(world.operator.id(), TestRadius.servicePlan("Radius " + Fixtures.unique()));
        unit = context.getBean(UnitService.class).add(world.operator.id(), world.venue.key(),
                new NewUnit("R" + Fixtures.unique().substring(0, 4), "1", "1", UnitPurpose.WIRED_UNIT, null, ""));
        Equipment gateway = context.getBean(EquipmentService.class).add(world.operator.id(), world.venue.key(), "GW-" + Fixtures.unique(),
                new EquipmentDetails(EquipmentType.GATEWAY, "Mikrotik", "1036", "https", "203.0.113.9", "admin", "router-password", "In Service"));
        resident = context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(unit.key(), servicePlan.key(),
                new SubscriberDetails("resident-" + Fixtures.unique().toLowerCase() + "@example.com", "Given", "Family",
                        "+15551234567", "en-us", false, true), clock.instant().minus(Duration.ofDays(1)), null, "resident-key-123"));
        gatewayNas = "gw-" + Fixtures.unique();
        radius.register(NewNasClient.forGateway(world.operator.id(), "Venue gateway", "127.0.0.1", gatewayNas, SECRET, gateway.id()));

        server = TestRadius.startDomain(context);
    }

    @AfterAll
    void stop() {
        TestRadius.stop(server);
    }

    @Test
    void acceptsGuestWithActivePlanWithTimeoutsAndSpeed() {
        var guest = world.guest("02-00-00-00-10-01", GuestWorld.profile("a@example.com", "Ann", "Lee", "Mozilla/5.0"));
        world.plans().recordPayment(world.client.id(), guest.id(), plan.id(), "Manual", "tx-" + Fixtures.unique(), clock.instant());
        var r = auth("User-Name = \"020000001001\"", "Calling-Station-Id = \"02:00:00:00:10:01\"");
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        // the profile: 1 h session limit (less than the day left), 10 min idle, 2,000 kbps up, 10,000 kbps down
        assertThat(r.output()).contains("Session-Timeout = 3600", "Idle-Timeout = 600", "Acct-Interim-Interval = 300",
                "WISPr-Bandwidth-Max-Up = 2000000", "WISPr-Bandwidth-Max-Down = 10000000", "Mikrotik-Rate-Limit = \"2M/10M\"");
    }

    @Test
    void rejectsUnknownDeviceAndRecordsItAsFirstSeenGuest() {
        var r = auth("User-Name = \"02-00-00-00-10-02\"");
        assertThat(r.received("Access-Reject")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Reply-Message = \"No active guest plan for this device.\"");
        assertThat(context.getBean(GuestService.class).findByMac(world.client.id(), MacAddress.parse("02-00-00-00-10-02"))).isPresent();
        assertThat(auth("User-Name = \"02-00-00-00-10-02\"").received("Access-Reject")).isTrue();
    }

    @Test
    void redeemsVoucherCodeSentWithPapOrChap() {
        String papCode = voucher();
        var pap = auth("User-Name = \"" + papCode + "\"", "User-Password = \"" + papCode + "\"", "Calling-Station-Id = \"02-00-00-00-10-03\"");
        assertThat(pap.received("Access-Accept")).as(pap.output()).isTrue();
        assertThat(pap.output()).contains("Session-Timeout = 3600");
        // the device now has a plan: MAC authentication alone is accepted
        assertThat(auth("User-Name = \"020000001003\"").received("Access-Accept")).isTrue();

        String chapCode = voucher();
        var chap = auth("User-Name = \"" + chapCode + "\"", "CHAP-Password = \"" + chapCode + "\"", "Calling-Station-Id = \"0200.0000.1004\"");
        assertThat(chap.received("Access-Accept")).as(chap.output()).isTrue();

        var usedUp = auth("User-Name = \"" + papCode + "\"", "User-Password = \"" + papCode + "\"", "Calling-Station-Id = \"02-00-00-00-10-05\"");
        assertThat(usedUp.received("Access-Reject")).as(usedUp.output()).isTrue();
        assertThat(usedUp.output()).contains("is used up, expired or revoked.");
        var unknown = auth("User-Name = \"NOSUCHCODE\"", "CHAP-Password = \"NOSUCHCODE\"", "Calling-Station-Id = \"02-00-00-00-10-06\"");
        assertThat(unknown.output()).contains("Access-Reject", "Unknown voucher code.");
        var wrongPassword = auth("User-Name = \"" + voucher() + "\"", "User-Password = \"guess\"", "Calling-Station-Id = \"02-00-00-00-10-07\"");
        assertThat(wrongPassword.received("Access-Reject")).as(wrongPassword.output()).isTrue();
    }

    @Test
    void givesResidentsTheirUnitVlanAndPlanSpeed() {
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"02-00-00-00-20-01\"", "User-Password = \"resident-key-123\"",
                "NAS-Identifier = \"" + gatewayNas + "\"", "Message-Authenticator = 0x00");
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Tunnel-Type:0 = VLAN", "Tunnel-Medium-Type:0 = IEEE-802", "\"" + unit.vlan() + "\"",
                "Mikrotik-Rate-Limit = \"1000M/1000M\"");
        var wrong = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"02-00-00-00-20-01\"", "User-Password = \"not-the-key\"",
                "NAS-Identifier = \"" + gatewayNas + "\"", "Message-Authenticator = 0x00");
        assertThat(wrong.output()).contains("Access-Reject", "No active subscription for this key.");
        assertThat(resident.subscription().id()).isPositive();
    }

    @Test
    void accountingStartInterimStopBecomesOneConnectionAndDuplicatesAreIgnored() {
        world.guest("02-00-00-00-30-01", GuestWorld.profile("acct@example.com", "Acc", "Ount", "Mozilla/5.0 (iPhone)"));
        String session = "S-" + Fixtures.unique();
        String[] common = {"Acct-Session-Id = \"" + session + "\"", "User-Name = \"020000003001\"",
                "Calling-Station-Id = \"02-00-00-00-30-01\"", "Called-Station-Id = \"AP-1\"",
                "NAS-Identifier = \"" + hotspot.nasIdentifier() + "\""};
        assertThat(acct(common, "Acct-Status-Type = Start").received("Accounting-Response")).isTrue();
        for (int i = 0; i < 2; i++) { // the second is a retransmission with a new identifier: idempotent
            assertThat(acct(common, "Acct-Status-Type = Interim-Update", "Acct-Session-Time = 60", "Acct-Input-Octets = 1000",
                    "Acct-Output-Octets = 5000").received("Accounting-Response")).isTrue();
        }
        for (int i = 0; i < 2; i++) {
            assertThat(acct(common, "Acct-Status-Type = Stop", "Acct-Session-Time = 125", "Acct-Input-Octets = 2000",
                    "Acct-Input-Gigawords = 1", "Acct-Output-Octets = 7000", "Acct-Terminate-Cause = Idle-Timeout")
                    .received("Accounting-Response")).isTrue();
        }

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var r = new Http(port).get("/v2/client/connections?" + world.auth() + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<Map<String, Object>> mine = new java.util.ArrayList<>();
        r.json().forEach(c -> {
            if (c.get("macaddress").asString().equals("02-00-00-00-30-01")) {
                mine.add(Map.of("uploaded", c.get("uploaded").asLong(), "downloaded", c.get("downloaded").asLong(),
                        "online_time", c.get("online_time").asString(), "reason", c.get("reason_for_termination").asString(),
                        "hotspot", c.get("hotspotname").asString()));
            }
        });
        assertThat(mine).containsExactly(Map.of("uploaded", (1L << 32) + 2000, "downloaded", 7000L, "online_time", "00:02:05",
                "reason", "Idle Timeout", "hotspot", hotspot.name()));
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("select nas_address, user_name, closed_by from connection_session where acct_session_id = ?").param(session)
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list())
                .as("stored once, with what a Disconnect-Request needs").containsExactly(List.of("127.0.0.1", "020000003001", "nas"));
    }

    @Test
    void revokingAGuestPlanSendsDisconnectRequestForTheOpenSession() throws Exception {
        Hotspot cafe = world.hotspot("Cafe");
        try (var nas = new LoopbackNas(DisconnectClientTest.SECRET, 0, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            radius.register(new NewNasClient(world.operator.id(), "Cafe", NasNetwork.parse("127.0.0.1"), cafe.nasIdentifier(),
                    DisconnectClientTest.SECRET, Optional.of(cafe.id()), Optional.empty(), nas.address().getPort()));
            var guest = world.guest("02-00-00-00-40-01", GuestWorld.profile("revoke@example.com", "Re", "Voke", "Mozilla/5.0"));
            var purchase = world.plans().recordPayment(world.client.id(), guest.id(), plan.id(), "Manual", "tx-" + Fixtures.unique(),
                    clock.instant());
            String session = "R-" + Fixtures.unique();
            var started = Radclient.send(server.acctPort(), "acct", DisconnectClientTest.SECRET, "Acct-Status-Type = Start",
                    "Acct-Session-Id = \"" + session + "\"", "User-Name = \"020000004001\"", "Calling-Station-Id = \"02-00-00-00-40-01\"",
                    "NAS-Identifier = \"" + cafe.nasIdentifier() + "\"");
            assertThat(started.received("Accounting-Response")).as(started.output()).isTrue();
            assertThat(nas.received).hasValue(0);

            Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
            world.plans().revoke(staff, world.client.id(), purchase.id());

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nas.received.get() >= 1);
            assertThat(new String(nas.lastRequest, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(session);
        }
    }

    @Test
    void anEndedSubscriptionDisconnectsTheDevicesItLetIn() throws Exception {
        var servicePlan = context.getBean(PlanService.class).add(world.operator.id(), TestRadius.servicePlan("Ending " + Fixtures.unique()));
        Unit endingUnit = context.getBean(UnitService.class).add(world.operator.id(), world.venue.key(),
                new NewUnit("E" + Fixtures.unique().substring(0, 4), "1", "2", UnitPurpose.WIRED_UNIT, null, ""));
        Equipment gateway = context.getBean(EquipmentService.class).add(world.operator.id(), world.venue.key(), "GWE-" + Fixtures.unique(),
                new EquipmentDetails(EquipmentType.GATEWAY, "Mikrotik", "1036", "https", "203.0.113.10", "admin", "router-password", "In Service"));
        IssuedKey ending = context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(endingUnit.key(),
                servicePlan.key(), new SubscriberDetails("ending-" + Fixtures.unique().toLowerCase() + "@example.com", "Given", "Family",
                "+15551234567", "en-us", false, true), clock.instant().minus(Duration.ofDays(1)), null, "ending-key-4567"));
        String nasId = "gwe-" + Fixtures.unique();
        try (var nas = new LoopbackNas(DisconnectClientTest.SECRET, 0, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            radius.register(new NewNasClient(world.operator.id(), "Ending gateway", NasNetwork.parse("127.0.0.1"), nasId,
                    DisconnectClientTest.SECRET, Optional.empty(), Optional.of(gateway.id()), nas.address().getPort()));
            var accepted = Radclient.send(server.authPort(), "auth", DisconnectClientTest.SECRET, "User-Name = \"02-00-00-00-50-01\"",
                    "User-Password = \"ending-key-4567\"", "NAS-Identifier = \"" + nasId + "\"", "Message-Authenticator = 0x00");
            assertThat(accepted.received("Access-Accept")).as(accepted.output()).isTrue();
            String session = "E-" + Fixtures.unique();
            var started = Radclient.send(server.acctPort(), "acct", DisconnectClientTest.SECRET, "Acct-Status-Type = Start",
                    "Acct-Session-Id = \"" + session + "\"", "User-Name = \"020000005001\"", "Calling-Station-Id = \"02-00-00-00-50-01\"",
                    "NAS-Identifier = \"" + nasId + "\"");
            assertThat(started.received("Accounting-Response")).as(started.output()).isTrue();

            context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> context.publishEvent(new SubscriptionEnded(
                    new SubscriptionSnapshot(ending.subscription(), ending.subscriber(), endingUnit, world.venue, servicePlan.key()),
                    clock.instant())));

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nas.received.get() >= 1);
            assertThat(new String(nas.lastRequest, java.nio.charset.StandardCharsets.ISO_8859_1)).contains(session);
        }
    }

    @Test
    void accountingOnEndsTheHotspotsOpenConnectionsAsNasReboot() {
        Hotspot kiosk = world.hotspot("Kiosk");
        radius.register(NewNasClient.forHotspot(world.operator.id(), "Kiosk", "127.0.0.1", kiosk.nasIdentifier(), SECRET, kiosk.id()));
        String[] common = {"Acct-Session-Id = \"K-" + Fixtures.unique() + "\"", "User-Name = \"020000006001\"",
                "Calling-Station-Id = \"02-00-00-00-60-01\"", "NAS-Identifier = \"" + kiosk.nasIdentifier() + "\""};
        assertThat(acct(common, "Acct-Status-Type = Start").received("Accounting-Response")).isTrue();
        assertThat(Radclient.send(server.acctPort(), "acct", SECRET, "Acct-Status-Type = Accounting-On",
                "NAS-Identifier = \"" + kiosk.nasIdentifier() + "\"").received("Accounting-Response")).isTrue();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var r = new Http(port).get("/v2/client/connections?" + world.auth() + "&hotspotid=" + kiosk.id() + "&from=" + today.minusDays(1)
                + "&to=" + today.plusDays(1));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        assertThat(r.json().get(0).get("reason_for_termination").asString()).isEqualTo("NAS Reboot");
    }

    private String voucher() {
        return world.plans().createVouchers(new NewVouchers(world.client.id(), plan.id(), 1, null, 1, null), new Random())
                .getFirst().code();
    }

    private Radclient.Result auth(String... attributes) {
        String[] lines = java.util.stream.Stream.concat(java.util.Arrays.stream(attributes),
                java.util.stream.Stream.of("NAS-Identifier = \"" + hotspot.nasIdentifier() + "\"", "Message-Authenticator = 0x00"))
                .toArray(String[]::new);
        return Radclient.send(server.authPort(), "auth", SECRET, lines);
    }

    private Radclient.Result acct(String[] common, String... more) {
        String[] lines = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more)).toArray(String[]::new);
        return Radclient.send(server.acctPort(), "acct", SECRET, lines);
    }

}
