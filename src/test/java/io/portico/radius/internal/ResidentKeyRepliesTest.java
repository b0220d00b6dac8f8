package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.support.Radclient;
import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.subscription.IssuedKey;
import io.portico.subscription.NewKey;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.SubscriptionService;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;

/**
 * A resident's personal key handed to access points that ask by MAC alone, per vendor, driven by
 * FreeRADIUS's radclient (which decodes each reply with its own dictionaries) and by raw requests
 * whose encrypted keys the test decrypts itself (RFC 2868 §3.5) with the shared secret and the
 * Request Authenticator.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResidentKeyRepliesTest {

    private static final String SECRET = "ap-shared-secret-9042";
    private static final String KEY = "Resident-Key-7731";
    private static final String SSID = "Harbor Residents";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired Clock clock;

    private RadiusServer server;
    private GuestWorld world;
    private ServicePlan plan;
    private Unit unit;
    private IssuedKey resident;
    private final Map<String, String> nasOf = new java.util.HashMap<>();

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
        world = new GuestWorld(context, "Resident Keys Co");
        plan = context.getBean(PlanService.class).add(world.operator.id(), TestRadius.servicePlan("Keys " + Fixtures.unique()));
        unit = unit();
        resident = key(unit, KEY);
        nas("gateway", "MikroTik", "RB5009");
        nas("openwrt", "OpenWrt", "hostapd");
        nas("cisco", "Cisco", "C9120AXI");
        nas("aruba", "Aruba", "AP-515");
        nas("mikrotik", "MikroTik", "cAP ax");
        nas("ruckus", "Ruckus", "R750");
        server = TestRadius.startDomain(context);
    }

    @AfterAll
    void stop() {
        TestRadius.stop(server);
    }

    @Test
    void openWrtGetsTheKeyAsTunnelPasswordWithTheUnitVlanAndPlanSpeed() {
        String mac = joinWithKey(KEY);
        var r = macAuth("openwrt", mac);
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Tunnel-Password:0 = \"" + KEY + "\"", "Tunnel-Type:0 = VLAN", "Tunnel-Medium-Type:0 = IEEE-802",
                "Tunnel-Private-Group-Id:0 = \"" + unit.vlan() + "\"", "Mikrotik-Rate-Limit = \"1000M/1000M\"");

        byte[] request = rawMacAuth("openwrt", mac);
        byte[] reply = exchange(request);
        byte[] attribute = attribute(reply, RadiusCodec.TUNNEL_PASSWORD).orElseThrow();
        assertThat(attribute[0]).as("tag").isZero();
        assertThat(attribute[1] & 0x80).as("salt's high bit").isNotZero();
        assertThat(decrypt(Arrays.copyOfRange(attribute, 1, attribute.length), request)).isEqualTo(KEY);
    }

    @Test
    void arubaGetsTheKeyAsEncryptedMpskPassphrase() {
        String mac = joinWithKey(KEY);
        var r = macAuth("aruba", mac);
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Aruba-MPSK-Passphrase = 0x" + hex(KEY.getBytes(StandardCharsets.US_ASCII)),
                "Tunnel-Private-Group-Id:0 = \"" + unit.vlan() + "\"");

        byte[] request = rawMacAuth("aruba", mac);
        byte[] value = vendorAttribute(exchange(request), RadiusCodec.VENDOR_ARUBA, RadiusCodec.ARUBA_MPSK_PASSPHRASE).orElseThrow();
        assertThat(value).as("salt and two encrypted blocks").hasSize(2 + 32);
        assertThat(decrypt(value, request)).isEqualTo(KEY);
    }

    @Test
    void ciscoGetsTheKeyAsAvPairsAndMikrotikAsWirelessPsk() {
        String mac = joinWithKey(KEY);
        var cisco = macAuth("cisco", mac);
        assertThat(cisco.received("Access-Accept")).as(cisco.output()).isTrue();
        assertThat(cisco.output()).contains("Cisco-AVPair = \"psk-mode=ascii\"", "Cisco-AVPair = \"psk=" + KEY + "\"",
                "Tunnel-Private-Group-Id:0 = \"" + unit.vlan() + "\"");
        var mikrotik = macAuth("mikrotik", mac);
        assertThat(mikrotik.received("Access-Accept")).as(mikrotik.output()).isTrue();
        assertThat(mikrotik.output()).contains("Mikrotik-Wireless-PSK = \"" + KEY + "\"", "Mikrotik-Rate-Limit = \"1000M/1000M\"",
                "Tunnel-Private-Group-Id:0 = \"" + unit.vlan() + "\"");
    }

    @Test
    void aDeviceNeverLetInByAKeyIsRefusedByMac() {
        var r = macAuth("openwrt", "02-00-00-00-77-01");
        assertThat(r.output()).contains("Access-Reject", "Unknown device");
    }

    @Test
    void anEndedSubscriptionsKeyAndItsDevicesAreRefused() {
        Unit other = unit();
        IssuedKey ending = key(other, "Ending-Key-5511");
        String mac = joinWithKey("Ending-Key-5511");
        assertThat(macAuth("openwrt", mac).received("Access-Accept")).isTrue();

        Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
        context.getBean(SubscriptionService.class).end(staff, ending.subscription().id(), null);

        assertThat(macAuth("openwrt", mac).output()).contains("Access-Reject", "No active subscription for this device.");
        assertThat(pap(mac, "Ending-Key-5511").output()).contains("Access-Reject", "No active subscription for this key.");
        assertThat(resident.subscription().psk()).isEqualTo(KEY);
    }

    @Test
    void macAuthenticationHandsOutARotatedKeyAtOnceAndTheOldOneNoMore() {
        IssuedKey rotating = key(unit(), "Mac-Old-Key-0601");
        String mac = joinWithKey("Mac-Old-Key-0601");
        assertThat(keyByMac(mac)).contains("Mac-Old-Key-0601");
        assertThat(keyByMac(mac)).as("asked again, from the cache").contains("Mac-Old-Key-0601");

        context.getBean(SubscriptionService.class).resetKey(staff(), rotating.subscription().id(), "Mac-New-Key-0602");

        assertThat(keyByMac(mac)).contains("Mac-New-Key-0602");
        assertThat(pap(mac, "Mac-Old-Key-0601").output()).contains("Access-Reject");
    }

    @Test
    void macAuthenticationReadsAKeyChangedOnAnotherNodeAtOnce() {
        IssuedKey first = key(unit(), "Node-Key-First-0701");
        IssuedKey second = key(unit(), "Node-Key-Second-0702");
        String mac = joinWithKey("Node-Key-First-0701");
        assertThat(keyByMac(mac)).contains("Node-Key-First-0701");

        // Another node changes the stored key: no event reaches this one, only the row changes.
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update subscription set psk_sealed = (select psk_sealed from subscription where id = ?) where id = ?")
                .params(second.subscription().id(), first.subscription().id()).update();

        assertThat(keyByMac(mac)).contains("Node-Key-Second-0702");
        // ... and ends it: refused at once.
        context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update subscription set ends_at = starts_at where id = ?").param(first.subscription().id()).update();
        assertThat(keyByMac(mac)).isEmpty();
    }

    @Test
    void repeatedMacAuthenticationOpensNoKeyAndWritesNoBindingButANewKeyRebindsAtOnce() {
        key(unit(), "Repeat-Key-A-0801");
        key(unit(), "Repeat-Key-B-0802");
        String mac = joinWithKey("Repeat-Key-A-0801");
        assertThat(keyByMac(mac)).contains("Repeat-Key-A-0801");
        ResidentKeyCache cache = context.getBean(ResidentKeyCache.class);
        double opened = cache.keysOpened();
        var jdbc = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class);
        String authorised = "select max(authorised_at) from radius_resident_device where device_mac = ?";
        Object before = jdbc.sql(authorised).param(mac).query().singleValue();

        for (int i = 0; i < 5; i++) {
            assertThat(keyByMac(mac)).contains("Repeat-Key-A-0801");
        }
        assertThat(cache.keysOpened()).as("subscriptions read and keys unsealed").isEqualTo(opened);
        assertThat(jdbc.sql(authorised).param(mac).query().singleValue()).as("binding rows written").isEqualTo(before);

        assertThat(pap(mac, "Repeat-Key-B-0802").received("Access-Accept")).isTrue();
        assertThat(keyByMac(mac)).as("the key the device last joined with").contains("Repeat-Key-B-0802");
    }

    @Test
    void ruckusDynamicPskFindsTheResidentWhoseKeyProducedTheHandshake() {
        byte[] station = java.util.HexFormat.of().parseHex("02000000b001");
        TestHandshake h = TestHandshake.of(KEY, SSID, station, 7);
        byte[] request = dpskRequest(station, h);
        byte[] reply = exchange(request);
        byte[] pmk = decryptBytes(vendorAttribute(reply, RadiusCodec.VENDOR_MICROSOFT, RadiusCodec.MS_MPPE_RECV_KEY).orElseThrow(), request);
        assertThat(pmk).isEqualTo(h.pmk());
        assertThat(new String(attribute(reply, RadiusCodec.TUNNEL_PRIVATE_GROUP_ID).orElseThrow(), StandardCharsets.US_ASCII))
                .isEqualTo(Integer.toString(unit.vlan()));

        // The device is now bound to the subscription: its next handshake is checked against that key first.
        TestHandshake again = TestHandshake.of(KEY, SSID, station, 8);
        byte[] second = dpskRequest(station, again);
        assertThat(decryptBytes(vendorAttribute(exchange(second), RadiusCodec.VENDOR_MICROSOFT, RadiusCodec.MS_MPPE_RECV_KEY).orElseThrow(),
                second)).isEqualTo(again.pmk());
    }

    @Test
    void ruckusDynamicPskAnswersRadclientWithThePmk() {
        byte[] station = java.util.HexFormat.of().parseHex("02000000b003");
        TestHandshake h = TestHandshake.of(KEY, SSID, station, 11);
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + hex(station) + "\"",
                "Calling-Station-Id = \"" + hex(station) + "\"", "Called-Station-Id = \"00-14-A7-00-00-01:" + SSID + "\"",
                "NAS-Identifier = \"" + nasOf.get("ruckus") + "\"", "Ruckus-DPSK-AKM-Suite = 0x000fac02", "Ruckus-DPSK-Cipher = 4",
                "Ruckus-DPSK-Anonce = 0x" + hex(h.aNonce()), "Ruckus-DPSK-EAPOL-Key-Frame = 0x" + hex(h.frame()),
                "Message-Authenticator = 0x00");
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("MS-MPPE-Recv-Key = 0x" + hex(h.pmk()), "Tunnel-Private-Group-Id:0 = \"" + unit.vlan() + "\"");
    }

    @Test
    void ruckusDynamicPskRefusesAHandshakeMadeWithAKeyNoResidentHas() {
        byte[] station = java.util.HexFormat.of().parseHex("02000000b002");
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(5))) {
            byte[] reply = udp.exchange(dpskRequest(station, TestHandshake.of("Not-A-Resident-Key", SSID, station, 9))).orElseThrow();
            assertThat(reply[0]).isEqualTo(RadiusCodec.ACCESS_REJECT);
            assertThat(new String(attribute(reply, RadiusCodec.REPLY_MESSAGE).orElseThrow(), StandardCharsets.UTF_8))
                    .isEqualTo("No active subscription for this key.");
        }
    }

    @Test
    void ruckusDynamicPskRefusesARotatedKeyAtOnceAndFindsTheNewKey() {
        IssuedKey rotating = key(unit(), "Rotate-Old-Key-0101");
        byte[] bound = java.util.HexFormat.of().parseHex("02000000b101");
        assertThat(dpskPmk(bound, TestHandshake.of("Rotate-Old-Key-0101", SSID, bound, 21))).isPresent();

        context.getBean(SubscriptionService.class).resetKey(staff(), rotating.subscription().id(), "Rotate-New-Key-0202");

        assertThat(dpskPmk(bound, TestHandshake.of("Rotate-Old-Key-0101", SSID, bound, 22))).as("old key, bound device").isEmpty();
        byte[] other = java.util.HexFormat.of().parseHex("02000000b102");
        assertThat(dpskPmk(other, TestHandshake.of("Rotate-Old-Key-0101", SSID, other, 23))).as("old key, new device").isEmpty();
        TestHandshake renewed = TestHandshake.of("Rotate-New-Key-0202", SSID, other, 24);
        assertThat(dpskPmk(other, renewed)).as("new key found by the venue search").hasValueSatisfying(pmk -> assertThat(pmk).isEqualTo(renewed.pmk()));
        TestHandshake boundRenewed = TestHandshake.of("Rotate-New-Key-0202", SSID, bound, 25);
        assertThat(dpskPmk(bound, boundRenewed)).hasValueSatisfying(pmk -> assertThat(pmk).isEqualTo(boundRenewed.pmk()));
    }

    @Test
    void ruckusDynamicPskRefusesAnEndedSubscriptionsKeyAtOnce() {
        IssuedKey ending = key(unit(), "Ending-Dpsk-Key-0303");
        byte[] bound = java.util.HexFormat.of().parseHex("02000000b201");
        assertThat(dpskPmk(bound, TestHandshake.of("Ending-Dpsk-Key-0303", SSID, bound, 31))).isPresent();

        context.getBean(SubscriptionService.class).end(staff(), ending.subscription().id(), null);

        assertThat(dpskPmk(bound, TestHandshake.of("Ending-Dpsk-Key-0303", SSID, bound, 32))).isEmpty();
        byte[] other = java.util.HexFormat.of().parseHex("02000000b202");
        assertThat(dpskPmk(other, TestHandshake.of("Ending-Dpsk-Key-0303", SSID, other, 33))).isEmpty();
    }

    @Test
    void ruckusDynamicPskFindsANewResidentsKeyAtOnceAndSearchesWarmWithoutOpeningKeysAgain() {
        byte[] first = java.util.HexFormat.of().parseHex("02000000b301");
        assertThat(dpskPmk(first, TestHandshake.of(KEY, SSID, first, 41))).isPresent(); // the venue's keys are cached now
        key(unit(), "Newcomer-Key-0404");
        byte[] newcomer = java.util.HexFormat.of().parseHex("02000000b302");
        TestHandshake joined = TestHandshake.of("Newcomer-Key-0404", SSID, newcomer, 42);
        assertThat(dpskPmk(newcomer, joined)).as("a key added after the venue was cached").hasValueSatisfying(pmk -> assertThat(pmk).isEqualTo(joined.pmk()));

        VenueKeyCache cache = context.getBean(VenueKeyCache.class);
        DpskSearch search = context.getBean(DpskSearch.class);
        double opened = cache.keysOpened();
        long derived = search.derivations();
        for (int i = 0; i < 3; i++) {
            byte[] station = java.util.HexFormat.of().parseHex("02000000b31" + i);
            TestHandshake h = TestHandshake.of(i % 2 == 0 ? KEY : "Newcomer-Key-0404", SSID, station, 43 + i);
            assertThat(dpskPmk(station, h)).as("first join of a new device").hasValueSatisfying(pmk -> assertThat(pmk).isEqualTo(h.pmk()));
        }
        assertThat(cache.keysOpened()).as("keys unsealed after warm-up").isEqualTo(opened);
        assertThat(search.derivations()).as("PMKs derived after warm-up").isEqualTo(derived);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private static int devices;

    /** A new device joins at the gateway with the key as PAP password (which binds it to the subscription). */
    private String joinWithKey(String key) {
        String mac = String.format("02-00-00-00-%02X-%02X", 0x70 + (devices / 256), ++devices % 256);
        var r = pap(mac, key);
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        return mac;
    }

    private Radclient.Result pap(String mac, String key) {
        return Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + mac + "\"", "User-Password = \"" + key + "\"",
                "NAS-Identifier = \"" + nasOf.get("gateway") + "\"", "Message-Authenticator = 0x00");
    }

    /** MAC authentication as access points send it: the MAC as User-Name, password and Calling-Station-Id. */
    private Radclient.Result macAuth(String nas, String mac) {
        return Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + mac + "\"", "User-Password = \"" + mac + "\"",
                "Calling-Station-Id = \"" + mac + "\"", "NAS-Identifier = \"" + nasOf.get(nas) + "\"", "Message-Authenticator = 0x00");
    }

    /** The key an OpenWrt access point gets for the device by MAC alone (Tunnel-Password, decrypted), or empty on Access-Reject. */
    private Optional<String> keyByMac(String mac) {
        byte[] request = rawMacAuth("openwrt", mac);
        byte[] reply;
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(5))) {
            reply = udp.exchange(request).orElseThrow();
        }
        if (reply[0] == RadiusCodec.ACCESS_REJECT) {
            return Optional.empty();
        }
        assertThat(reply[0]).as("Access-Accept").isEqualTo(RadiusCodec.ACCESS_ACCEPT);
        byte[] attribute = attribute(reply, RadiusCodec.TUNNEL_PASSWORD).orElseThrow();
        return Optional.of(decrypt(Arrays.copyOfRange(attribute, 1, attribute.length), request));
    }

    private byte[] rawMacAuth(String nas, String mac) {
        return TestRadius.accessRequest(SECRET, (byte) 7, Optional.empty(), RadiusCodec.attribute(RadiusCodec.USER_NAME, mac),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, mac), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nasOf.get(nas)));
    }

    /** What a Ruckus AP sends for dynamic PSK: the station as User-Name, BSSID:SSID, and Ruckus-DPSK-Params. */
    private byte[] dpskRequest(byte[] station, TestHandshake h) {
        String mac = java.util.HexFormat.of().formatHex(station);
        return TestRadius.accessRequest(SECRET, (byte) 9, Optional.empty(), RadiusCodec.attribute(RadiusCodec.USER_NAME, mac),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, mac),
                RadiusCodec.attribute(RadiusCodec.CALLED_STATION_ID, "00-14-A7-00-00-01:" + SSID),
                RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, nasOf.get("ruckus")),
                RadiusCodec.vendor(RadiusCodec.VENDOR_RUCKUS, RadiusCodec.RUCKUS_DPSK_PARAMS, h.dpskParams()));
    }

    /** The PMK of an Access-Accept to a dynamic PSK request, or empty for an Access-Reject. */
    private Optional<byte[]> dpskPmk(byte[] station, TestHandshake h) {
        byte[] request = dpskRequest(station, h);
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(10))) {
            byte[] reply = udp.exchange(request).orElseThrow();
            if (reply[0] == RadiusCodec.ACCESS_REJECT) {
                return Optional.empty();
            }
            assertThat(reply[0]).as("Access-Accept").isEqualTo(RadiusCodec.ACCESS_ACCEPT);
            return Optional.of(decryptBytes(vendorAttribute(reply, RadiusCodec.VENDOR_MICROSOFT, RadiusCodec.MS_MPPE_RECV_KEY).orElseThrow(),
                    request));
        }
    }

    private Actor staff() {
        return new Actor(world.operator.id(), 1, "staff@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    private byte[] exchange(byte[] request) {
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(5))) {
            byte[] reply = udp.exchange(request).orElseThrow();
            assertThat(reply[0]).as("Access-Accept").isEqualTo(RadiusCodec.ACCESS_ACCEPT);
            return reply;
        }
    }

    /**
     * RFC 2868 §3.5 read back: {@code value} is salt ‖ ciphertext; b1 = MD5(secret ‖ Request
     * Authenticator ‖ salt), b(i) = MD5(secret ‖ c(i-1)); the first clear octet is the key's length.
     */
    private static String decrypt(byte[] value, byte[] request) {
        return new String(decryptBytes(value, request), StandardCharsets.US_ASCII);
    }

    private static byte[] decryptBytes(byte[] value, byte[] request) {
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        byte[] authenticator = Arrays.copyOfRange(request, 4, 20);
        byte[] salt = Arrays.copyOfRange(value, 0, 2);
        byte[] cipher = Arrays.copyOfRange(value, 2, value.length);
        assertThat(cipher.length % 16).isZero();
        byte[] clear = new byte[cipher.length];
        byte[] b = md5(secret, authenticator, salt);
        for (int at = 0; at < cipher.length; at += 16) {
            for (int i = 0; i < 16; i++) {
                clear[at + i] = (byte) (cipher[at + i] ^ b[i]);
            }
            b = md5(secret, Arrays.copyOfRange(cipher, at, at + 16));
        }
        int length = clear[0] & 0xFF;
        assertThat(length).isLessThan(clear.length);
        return Arrays.copyOfRange(clear, 1, 1 + length);
    }

    private static byte[] md5(byte[]... parts) {
        try {
            var md5 = java.security.MessageDigest.getInstance("MD5");
            for (byte[] p : parts) {
                md5.update(p);
            }
            return md5.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Optional<byte[]> attribute(byte[] packet, int type) {
        for (int at = 20; at < packet.length; at += packet[at + 1] & 0xFF) {
            if ((packet[at] & 0xFF) == type) {
                return Optional.of(Arrays.copyOfRange(packet, at + 2, at + (packet[at + 1] & 0xFF)));
            }
        }
        return Optional.empty();
    }

    private static Optional<byte[]> vendorAttribute(byte[] packet, int vendor, int type) {
        for (int at = 20; at < packet.length; at += packet[at + 1] & 0xFF) {
            int id = ((packet[at + 2] & 0xFF) << 24) | ((packet[at + 3] & 0xFF) << 16) | ((packet[at + 4] & 0xFF) << 8) | (packet[at + 5] & 0xFF);
            if ((packet[at] & 0xFF) == 26 && id == vendor && (packet[at + 6] & 0xFF) == type) {
                return Optional.of(Arrays.copyOfRange(packet, at + 8, at + 6 + (packet[at + 7] & 0xFF)));
            }
        }
        return Optional.empty();
    }

    private static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    private void nas(String name, String manufacturer, String model) {
        Equipment e = context.getBean(EquipmentService.class).add(world.operator.id(), world.venue.key(), name + "-" + Fixtures.unique(),
                new EquipmentDetails(name.equals("gateway") ? EquipmentType.GATEWAY : EquipmentType.ACCESS_POINT, manufacturer, model,
                        "https", "203.0.113.20", "admin", "equipment-password", "In Service"));
        String nasIdentifier = name + "-" + Fixtures.unique();
        radius.register(NewNasClient.forGateway(world.operator.id(), name, "127.0.0.1", nasIdentifier, SECRET, e.id()));
        nasOf.put(name, nasIdentifier);
    }

    private Unit unit() {
        return context.getBean(UnitService.class).add(world.operator.id(), world.venue.key(),
                new NewUnit("K" + Fixtures.unique().substring(0, 4), "1", "1", UnitPurpose.WIRED_UNIT, null, ""));
    }

    private IssuedKey key(Unit on, String psk) {
        return context.getBean(SubscriptionService.class).addKey(world.operator.id(), new NewKey(on.key(), plan.key(),
                new SubscriberDetails("keys-" + Fixtures.unique().toLowerCase() + "@example.com", "Given", "Family",
                        "+15551234567", "en-us", false, true), clock.instant().minus(Duration.ofDays(1)), null, psk));
    }

}
