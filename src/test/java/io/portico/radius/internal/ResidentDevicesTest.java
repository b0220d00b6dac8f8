package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.guest.MacAddress;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.radius.NasNetwork;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.radius.ResidentDevice;
import io.portico.radius.ResidentDevices;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.ResidentKey;
import io.portico.subscription.ResidentService;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.support.LoopbackNas;
import io.portico.support.Radclient;

/**
 * "My devices" and key rotation against the real RADIUS server, driven by radclient: a resident's
 * device joins with the key and reports accounting; the resident sees it online, names it and
 * disconnects it; rotating the key refuses the old key at once and sends the open session a
 * Disconnect-Request.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentDevicesTest {

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired ResidentDevices devices;
    @Autowired ResidentService residents;
    @Autowired Clock clock;

    private RadiusServer server;
    private GuestWorld world;
    private ServicePlan plan;
    private Equipment gateway;

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
        world = new GuestWorld(context, "Resident Devices Co");
        plan = context.getBean(PlanService.class).add(world.operator.id(), TestRadius.servicePlan("Devices " + Fixtures.unique()));
        gateway = context.getBean(EquipmentService.class).add(world.operator.id(), world.venue.key(), "GWD-" + Fixtures.unique(),
                new EquipmentDetails(EquipmentType.GATEWAY, "Mikrotik", "1036", "https", "203.0.113.11", "admin", "router-password", "In Service"));
        server = TestRadius.startDomain(context);
    }

    @AfterAll
    void stop() {
        TestRadius.stop(server);
    }

    @Test
    void residentSeesNamesAndDisconnectsTheirDeviceAndRotatingTheKeyCutsTheOldKeyOff() throws Exception {
        String key = "devices-key-" + Fixtures.unique().substring(0, 6);
        IssuedKey issued = resident(key);
        SubscriberPrincipal resident = new SubscriberPrincipal(world.operator.id(), issued.subscriber().id(), issued.subscriber().email(),
                RequestOrigin.SYSTEM);
        String nasId = "gwd-" + Fixtures.unique();
        try (var nas = new LoopbackNas(DisconnectClientTest.SECRET, 0, RadiusCodec.DISCONNECT_ACK, new byte[0])) {
            radius.register(new NewNasClient(world.operator.id(), "Devices gateway", NasNetwork.parse("127.0.0.1"), nasId,
                    DisconnectClientTest.SECRET, Optional.empty(), Optional.of(gateway.id()), nas.address().getPort()));
            assertThat(pap(nasId, "02-00-00-00-60-01", key).received("Access-Accept")).isTrue();
            String session = "D-" + Fixtures.unique();
            var started = Radclient.send(server.acctPort(), "acct", DisconnectClientTest.SECRET, "Acct-Status-Type = Interim-Update",
                    "Acct-Session-Id = \"" + session + "\"", "User-Name = \"020000006001\"", "Calling-Station-Id = \"02-00-00-00-60-01\"",
                    "Acct-Input-Octets = 1000", "Acct-Output-Octets = 2500", "Acct-Session-Time = 60", "NAS-Identifier = \"" + nasId + "\"");
            assertThat(started.received("Accounting-Response")).as(started.output()).isTrue();

            ResidentDevice seen = Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> devices.devices(resident),
                    list -> list.size() == 1 && list.getFirst().online()).getFirst();
            assertThat(seen.device()).isEqualTo(MacAddress.parse("02:00:00:00:60:01"));
            assertThat(seen.bytesUsed()).isEqualTo(3500);
            assertThat(seen.subscriptionId()).isEqualTo(issued.subscription().id());

            assertThat(devices.rename(resident, "02-00-00-00-60-01", "Rita's phone").name()).isEqualTo("Rita's phone");
            assertThat(devices.devices(resident).getFirst().name()).isEqualTo("Rita's phone");

            devices.disconnect(resident, "02:00:00:00:60:01");
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nas.received.get() >= 1);
            assertThat(new String(nas.lastRequest, StandardCharsets.ISO_8859_1)).contains(session);

            ResidentKey rotated = residents.rotateKey(resident, issued.subscription().id());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> nas.received.get() >= 2);
            assertThat(new String(nas.lastRequest, StandardCharsets.ISO_8859_1)).contains(session);
            assertThat(pap(nasId, "02-00-00-00-60-02", key).received("Access-Reject")).as("the old key is refused").isTrue();
            assertThat(pap(nasId, "02-00-00-00-60-02", rotated.psk()).received("Access-Accept")).isTrue();
        }
    }

    @Test
    void aResidentCannotNameOrDisconnectADeviceThatIsNotTheirs() throws Exception {
        String key = "others-key-" + Fixtures.unique().substring(0, 6);
        resident(key);
        IssuedKey mine = resident("mine-key-" + Fixtures.unique().substring(0, 6));
        SubscriberPrincipal me = new SubscriberPrincipal(world.operator.id(), mine.subscriber().id(), mine.subscriber().email(),
                RequestOrigin.SYSTEM);
        String nasId = "gwo-" + Fixtures.unique();
        radius.register(NewNasClient.forGateway(world.operator.id(), "Other gateway", "127.0.0.1", nasId, DisconnectClientTest.SECRET,
                gateway.id()));
        assertThat(pap(nasId, "02-00-00-00-61-01", key).received("Access-Accept")).isTrue();

        assertThat(devices.devices(me)).isEmpty();
        assertThatThrownBy(() -> devices.rename(me, "02-00-00-00-61-01", "Mine now")).isInstanceOf(PorticoException.class)
                .hasMessageContaining("Unknown device");
        assertThatThrownBy(() -> devices.disconnect(me, "02-00-00-00-61-01")).isInstanceOf(PorticoException.class)
                .hasMessageContaining("Unknown device");
        assertThatThrownBy(() -> devices.rename(me, "not-a-mac", "x")).isInstanceOf(PorticoException.class);
    }

    private Radclient.Result pap(String nasId, String mac, String key) {
        return Radclient.send(server.authPort(), "auth", DisconnectClientTest.SECRET, "User-Name = \"" + mac + "\"",
                "User-Password = \"" + key + "\"", "Calling-Station-Id = \"" + mac + "\"", "NAS-Identifier = \"" + nasId + "\"",
                "Message-Authenticator = 0x00");
    }

    private IssuedKey resident(String key) {
        Unit unit = context.getBean(UnitService.class).add(world.operator.id(), world.venue.key(),
                new NewUnit("D" + Fixtures.unique().substring(0, 5), "1", "3", UnitPurpose.WIRED_UNIT, null, ""));
        return context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(unit.key(), plan.key(),
                new SubscriberDetails("devices-" + Fixtures.unique().toLowerCase() + "@example.com", "Rita", "Resident", "+15551234567",
                        "en-us", false, true), clock.instant().minus(Duration.ofDays(1)), null, key));
    }
}
