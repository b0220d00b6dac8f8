package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.connection.ConnectionReader;
import io.portico.guest.MacAddress;
import io.portico.support.Radclient;
import io.portico.radius.AccountingSink;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;

/**
 * The listeners end to end, driven by FreeRADIUS's radclient where it can express the case and by
 * exact datagrams where it cannot (retransmissions, a missing Message-Authenticator).
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RadiusServerTest {

    private static final String SECRET = "testing-secret-123";

    @Autowired RadiusService radius;
    @Autowired NasClientRegistry registry;
    @Autowired AccountingSink sink;
    @Autowired RadiusMetrics metrics;
    @Autowired Clock clock;
    @Autowired Fixtures fixtures;
    @Autowired JdbcClient jdbc;
    @Autowired ConnectionReader connections;

    private RadiusServer server;
    private String hotspotNas;
    private String gatewayNas;
    private long hotspotClientId;

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
        long operator = fixtures.operator().id();
        hotspotNas = "hotspot-" + Fixtures.unique();
        gatewayNas = "gateway-" + Fixtures.unique();
        hotspotClientId = radius.register(NewNasClient.forHotspot(operator, "Lobby", "127.0.0.1", hotspotNas, SECRET, 7)).id();
        radius.register(NewNasClient.forGateway(operator, "MDU gateway", "127.0.0.0/8", gatewayNas, SECRET, 9));
        server = TestRadius.start(registry, sink, metrics, clock);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void acceptsKnownGuestMacWithTimeoutsAndSpeed() {
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"aabbcc000001\"",
                "Calling-Station-Id = \"aa:bb:cc:00:00:01\"", "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Session-Timeout = 5400", "Idle-Timeout = 600", "Acct-Interim-Interval = 300",
                "WISPr-Bandwidth-Max-Up = 10000000", "WISPr-Bandwidth-Max-Down = 100000000", "Mikrotik-Rate-Limit = \"10M/100M\"");
    }

    @Test
    void rejectsUnknownDeviceWithReplyMessage() {
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"AA-BB-CC-99-99-99\"",
                "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(r.received("Access-Reject")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Reply-Message = \"No active guest plan for this device.\"");
    }

    @Test
    void redeemsVoucherCodeSentWithPapOrChap() {
        var pap = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + TestRadius.VOUCHER + "\"",
                "User-Password = \"" + TestRadius.VOUCHER + "\"", "Calling-Station-Id = \"10-20-30-40-50-60\"",
                "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(pap.received("Access-Accept")).as(pap.output()).isTrue();
        var chap = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + TestRadius.VOUCHER + "\"",
                "CHAP-Password = \"" + TestRadius.VOUCHER + "\"", "Calling-Station-Id = \"1020.3040.5060\"",
                "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(chap.received("Access-Accept")).as(chap.output()).isTrue();
        var wrong = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + TestRadius.VOUCHER + "\"",
                "CHAP-Password = \"guess\"", "Calling-Station-Id = \"10:20:30:40:50:60\"",
                "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(wrong.received("Access-Reject")).as(wrong.output()).isTrue();
        assertThat(wrong.output()).contains("Unknown voucher code.");
    }

    @Test
    void givesResidentsTheirUnitVlan() {
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"AA:BB:CC:00:00:02\"",
                "NAS-Identifier = \"" + gatewayNas + "\"", "Message-Authenticator = 0x00");
        assertThat(r.received("Access-Accept")).as(r.output()).isTrue();
        assertThat(r.output()).contains("Tunnel-Type:0 = VLAN", "Tunnel-Medium-Type:0 = IEEE-802", "Tunnel-Private-Group-Id", "\"120\"",
                "Mikrotik-Rate-Limit = \"50M/500M\"");
    }

    @Test
    void putsMessageAuthenticatorFirstInEveryReply() {
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(2))) {
            byte[] reply = udp.exchange(TestRadius.accessRequest(SECRET, (byte) 1, Optional.empty(),
                    RadiusCodec.attribute(RadiusCodec.USER_NAME, "aabbcc000001"),
                    RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, hotspotNas))).orElseThrow();
            assertThat(reply[0]).isEqualTo(RadiusCodec.ACCESS_ACCEPT);
            assertThat(reply[20]).isEqualTo((byte) RadiusCodec.MESSAGE_AUTHENTICATOR);
            assertThat(reply[21]).isEqualTo((byte) 18);
        }
    }

    @Test
    void dropsAccessRequestsWithoutMessageAuthenticatorOrWithWrongSecret() {
        double missingBefore = metrics.droppedCount("auth", RadiusMetrics.Drop.MISSING_MESSAGE_AUTHENTICATOR);
        double badBefore = metrics.droppedCount("auth", RadiusMetrics.Drop.BAD_AUTHENTICATOR);
        byte[] signed = TestRadius.accessRequest(SECRET, (byte) 2, Optional.empty(),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "aabbcc000001"), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, hotspotNas));
        try (var udp = new TestRadius.Udp(server.authPort(), Duration.ofMillis(500))) {
            assertThat(udp.exchange(withoutMessageAuthenticator(signed))).isEmpty();
        }
        var wrongSecret = Radclient.send(server.authPort(), "auth", "not-the-secret", "User-Name = \"aabbcc000001\"",
                "NAS-Identifier = \"" + hotspotNas + "\"", "Message-Authenticator = 0x00");
        assertThat(wrongSecret.received("Access-")).as(wrongSecret.output()).isFalse();
        assertThat(metrics.droppedCount("auth", RadiusMetrics.Drop.MISSING_MESSAGE_AUTHENTICATOR)).isEqualTo(missingBefore + 1);
        assertThat(metrics.droppedCount("auth", RadiusMetrics.Drop.BAD_AUTHENTICATOR)).isGreaterThan(badBefore);
    }

    @Test
    void dropsRequestsNamingAnUnknownNas() {
        double before = metrics.droppedCount("auth", RadiusMetrics.Drop.UNKNOWN_CLIENT);
        var r = Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"aabbcc000001\"",
                "NAS-Identifier = \"nobody-" + Fixtures.unique() + "\"", "Message-Authenticator = 0x00");
        assertThat(r.received("Access-")).isFalse();
        assertThat(metrics.droppedCount("auth", RadiusMetrics.Drop.UNKNOWN_CLIENT)).isGreaterThan(before);
    }

    @Test
    void storesAccountingStartInterimStopOnceWithGigawords() {
        String session = "S-" + Fixtures.unique();
        String[] common = {"Acct-Session-Id = \"" + session + "\"", "User-Name = \"aabbcc000001\"",
                "Calling-Station-Id = \"AA:BB:CC:00:00:01\"", "NAS-Identifier = \"" + hotspotNas + "\"", "NAS-IP-Address = 127.0.0.1"};
        var started = acct(common, "Acct-Status-Type = Start");
        assertThat(started.received("Accounting-Response")).as(started.output()).isTrue();
        for (int i = 0; i < 2; i++) { // the second is a retransmission with a new identifier: idempotent
            assertThat(acct(common, "Acct-Status-Type = Interim-Update", "Acct-Session-Time = 60", "Acct-Input-Octets = 1000",
                    "Acct-Output-Octets = 5000").received("Accounting-Response")).isTrue();
        }
        assertThat(acct(common, "Acct-Status-Type = Stop", "Acct-Session-Time = 120", "Acct-Input-Octets = 2000",
                "Acct-Input-Gigawords = 1", "Acct-Output-Octets = 7000", "Acct-Terminate-Cause = Idle-Timeout")
                .received("Accounting-Response")).isTrue();

        var rows = jdbc.sql("select * from connection_session where acct_session_id = ?").param(session).query().listOfRows();
        assertThat(rows).hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(((Number) row.get("input_octets")).longValue()).isEqualTo((1L << 32) + 2000);
        assertThat(((Number) row.get("output_octets")).longValue()).isEqualTo(7000);
        assertThat(((Number) row.get("session_seconds")).longValue()).isEqualTo(120);
        assertThat(((Number) row.get("terminate_cause")).intValue()).isEqualTo(4);
        assertThat(row.get("mac_address")).isEqualTo("AA-BB-CC-00-00-01");
        assertThat(row.get("ended_at")).isNotNull();
        assertThat(row.get("closed_by")).isEqualTo("nas");
    }

    @Test
    void answersRetransmissionsFromTheCacheWithoutWritingTwice() {
        String session = "D-" + Fixtures.unique();
        byte[] start = TestRadius.accountingRequest(SECRET, (byte) 77,
                RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 1), RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, session),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, "AA-BB-CC-00-00-01"),
                RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, hotspotNas));
        byte[] access = TestRadius.accessRequest(SECRET, (byte) 78, Optional.empty(),
                RadiusCodec.attribute(RadiusCodec.USER_NAME, "aabbcc000001"), RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, hotspotNas));
        double acctDuplicates = metrics.duplicateCount("acct");
        double authDuplicates = metrics.duplicateCount("auth");
        try (var acct = new TestRadius.Udp(server.acctPort(), Duration.ofSeconds(3));
             var auth = new TestRadius.Udp(server.authPort(), Duration.ofSeconds(3))) {
            byte[] first = acct.exchange(start).orElseThrow();
            byte[] again = acct.exchange(start).orElseThrow();
            assertThat(again).isEqualTo(first);
            assertThat(auth.exchange(access).orElseThrow()).isEqualTo(auth.exchange(access).orElseThrow());
        }
        assertThat(metrics.duplicateCount("acct")).isEqualTo(acctDuplicates + 1);
        assertThat(metrics.duplicateCount("auth")).isEqualTo(authDuplicates + 1);
        assertThat(jdbc.sql("select count(*) from connection_session where acct_session_id = ?").param(session).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void accountingOnClosesTheNasOpenSessionsAndStaleOnesCloseLater() {
        String open = "O-" + Fixtures.unique();
        String stale = "T-" + Fixtures.unique();
        String otherNas = gatewayNas;
        assertThat(acct(new String[] {"Acct-Session-Id = \"" + open + "\"", "NAS-Identifier = \"" + hotspotNas + "\""},
                "Acct-Status-Type = Start").received("Accounting-Response")).isTrue();
        assertThat(acct(new String[] {"Acct-Session-Id = \"" + stale + "\"", "NAS-Identifier = \"" + otherNas + "\""},
                "Acct-Status-Type = Start", "Acct-Interim-Interval = 60").received("Accounting-Response")).isTrue();
        assertThat(acct(new String[] {"NAS-Identifier = \"" + hotspotNas + "\""}, "Acct-Status-Type = Accounting-On")
                .received("Accounting-Response")).isTrue();

        assertThat(jdbc.sql("select closed_by from connection_session where acct_session_id = ?").param(open).query(String.class).single())
                .isEqualTo("acct-on");
        assertThat(jdbc.sql("select count(*) from connection_session where acct_session_id = ? and ended_at is null").param(stale)
                .query(Long.class).single()).isEqualTo(1);

        sink.closeStale(clock.instant().plus(Duration.ofSeconds(2 * 60 + 110))); // interim 60 s, margin 120 s
        assertThat(jdbc.sql("select closed_by from connection_session where acct_session_id = ?").param(stale).query(String.class).optional())
                .isEmpty();
        sink.closeStale(clock.instant().plus(Duration.ofSeconds(2 * 60 + 130)));
        assertThat(jdbc.sql("select closed_by from connection_session where acct_session_id = ?").param(stale).query(String.class).single())
                .isEqualTo("stale");
        assertThat(jdbc.sql("select hotspot_id from radius_client where id = ?").param(hotspotClientId).query(Long.class).single())
                .isEqualTo(7L);
    }

    @Test
    void aReportFromAnUnknownHotspotIsStoredOnceInTheConnectionStoreAndClosedByItsNasReset() {
        String session = "U-" + Fixtures.unique();
        MacAddress device = new MacAddress("AA-BB-CC-00-77-01");
        byte[] start = TestRadius.accountingRequest(SECRET, (byte) 91,
                RadiusCodec.integerAttribute(RadiusCodec.ACCT_STATUS_TYPE, 1), RadiusCodec.attribute(RadiusCodec.ACCT_SESSION_ID, session),
                RadiusCodec.attribute(RadiusCodec.CALLING_STATION_ID, device.value()),
                RadiusCodec.attribute(RadiusCodec.NAS_IDENTIFIER, hotspotNas));
        try (var udp = new TestRadius.Udp(server.acctPort(), Duration.ofSeconds(3))) {
            assertThat(udp.exchange(start)).isPresent();
            assertThat(udp.exchange(start)).isPresent(); // the same datagram again: answered from the cache
        }
        String[] common = {"Acct-Session-Id = \"" + session + "\"", "Calling-Station-Id = \"" + device.value() + "\"",
                "NAS-Identifier = \"" + hotspotNas + "\""};
        for (int i = 0; i < 2; i++) { // a retransmission with a new identifier: merged into the same row
            assertThat(acct(common, "Acct-Status-Type = Interim-Update", "Acct-Session-Time = 30", "Acct-Input-Octets = 10",
                    "Acct-Output-Octets = 20").received("Accounting-Response")).isTrue();
        }

        var rows = jdbc.sql("select * from connection_session where acct_session_id = ?").param(session).query().listOfRows();
        assertThat(rows).as("one row in the one store").hasSize(1);
        Map<String, Object> row = rows.getFirst();
        assertThat(Arrays.asList(row.get("client_id"), row.get("hotspot_id"), row.get("guest_id"), row.get("ended_at")))
                .as("no guest connection: no client, hotspot or guest; still open").containsOnlyNulls();
        assertThat(row.get("nas_identifier")).isEqualTo(hotspotNas);
        assertThat(((Number) row.get("input_octets")).longValue()).isEqualTo(10);
        assertThat(((Number) row.get("output_octets")).longValue()).isEqualTo(20);
        assertThat(connections.openNasSessions(device)).as("what a Disconnect-Request ends")
                .anySatisfy(open -> {
                    assertThat(open.acctSessionId()).isEqualTo(session);
                    assertThat(open.nasIdentifier()).isEqualTo(hotspotNas);
                    assertThat(open.nasClientId()).isEqualTo(hotspotClientId);
                });

        assertThat(acct(new String[] {"NAS-Identifier = \"" + hotspotNas + "\""}, "Acct-Status-Type = Accounting-On")
                .received("Accounting-Response")).isTrue();
        assertThat(jdbc.sql("select closed_by, terminate_cause from connection_session where acct_session_id = ?").param(session)
                .query((rs, n) -> List.of(rs.getString(1), rs.getInt(2))).list())
                .containsExactly(List.of("acct-on", 11));
        assertThat(connections.openNasSessions(device)).noneMatch(open -> open.acctSessionId().equals(session));
    }

    private Radclient.Result acct(String[] common, String... more) {
        String[] lines = Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, lines, common.length, more.length);
        return Radclient.send(server.acctPort(), "acct", SECRET, lines);
    }

    /** The same request with its Message-Authenticator attribute cut out (Access-Request authenticators are random, so it stays valid). */
    static byte[] withoutMessageAuthenticator(byte[] packet) {
        var out = new java.io.ByteArrayOutputStream();
        out.write(packet, 0, 20);
        for (int at = 20; at < packet.length; at += packet[at + 1] & 0xFF) {
            if (packet[at] != RadiusCodec.MESSAGE_AUTHENTICATOR) {
                out.write(packet, at, packet[at + 1] & 0xFF);
            }
        }
        byte[] result = out.toByteArray();
        result[2] = (byte) (result.length >>> 8);
        result[3] = (byte) result.length;
        return result;
    }
}
