package io.portico.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.support.Radclient;
import io.portico.guest.GuestProfile;
import io.portico.guest.MacAddress;
import io.portico.guest.PortalGrant;
import io.portico.guest.PortalSignIn;
import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.SignInMethod;
import io.portico.radius.AccountingSink;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.PortalWorld;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The one-time credential a portal sign-in issues, sent by FreeRADIUS's radclient as a MikroTik
 * or CoovaChilli gateway would (PAP or CHAP): accepted once with the plan's limits for its device,
 * rejected with a wrong password, from another device, a second time or after it expired; then
 * the session's accounting shows in the guest API with the portal browser's user agent.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalCredentialRadiusTest {

    private static final String SECRET = "portal-secret-7890";
    private static final String ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @Autowired NasClientRegistry registry;
    @Autowired AuthorizationChain chain;
    @Autowired AccountingSink sink;
    @Autowired RadiusMetrics metrics;
    @Autowired Clock clock;
    @LocalServerPort int port;

    private RadiusServer server;
    private PortalWorld w;

    @BeforeAll
    void start() {
        Radclient.requireInstalled();
        w = new PortalWorld(context, "Portal Radius Co", GatewayKind.MIKROTIK);
        radius.register(NewNasClient.forHotspot(w.world.operator.id(), "Portal", "127.0.0.1", w.hotspot.nasIdentifier(), SECRET,
                w.hotspot.id()));
        server = new RadiusServer(TestRadius.properties(), registry, chain, sink, metrics, clock);
        server.start();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @AfterEach
    void resetClock() {
        ((TestClock) clock).reset();
    }

    private PortalGrant signIn(String mac) {
        return w.portal().signIn(new PortalSignIn(w.world.client.id(), w.hotspot.id(), MacAddress.parse(mac),
                SignInMethod.CLICK_THROUGH, GuestProfile.EMPTY, Optional.empty(), Optional.empty(), ANDROID, "198.51.100.20"));
    }

    @Test
    void papCredentialIsAcceptedOnceWithThePlansLimits() {
        PortalGrant grant = signIn("02-00-00-00-90-01");
        var accepted = auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02:00:00:00:90:01");
        assertThat(accepted.received("Access-Accept")).as(accepted.output()).isTrue();
        assertThat(accepted.output()).contains("Idle-Timeout = 600", "WISPr-Bandwidth-Max-Up = 2000000",
                "WISPr-Bandwidth-Max-Down = 10000000", "Session-Timeout = 3");

        var again = auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02:00:00:00:90:01");
        assertThat(again.output()).contains("Access-Reject", "This sign-in was already used");
    }

    @Test
    void chapCredentialIsAcceptedAsMikroTikAndChilliSendIt() {
        PortalGrant grant = signIn("02-00-00-00-90-02");
        var accepted = auth(grant.radiusUsername(), "CHAP-Password", grant.radiusPassword(), "02-00-00-00-90-02");
        assertThat(accepted.received("Access-Accept")).as(accepted.output()).isTrue();
    }

    @Test
    void wrongPasswordOrAnotherDeviceIsRejectedEvenWhenTheDeviceHasAPlan() {
        PortalGrant grant = signIn("02-00-00-00-90-03");
        var wrong = auth(grant.radiusUsername(), "CHAP-Password", "not-the-password", "02-00-00-00-90-03");
        assertThat(wrong.output()).contains("Access-Reject", "Unknown sign-in");
        var otherDevice = auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02-00-00-00-90-04");
        assertThat(otherDevice.output()).contains("Access-Reject", "Unknown sign-in");
        var stillGood = auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02-00-00-00-90-03");
        assertThat(stillGood.received("Access-Accept")).as("failed attempts do not use it up: " + stillGood.output()).isTrue();
    }

    @Test
    void expiredCredentialIsRejected() {
        PortalGrant grant = signIn("02-00-00-00-90-05");
        ((TestClock) clock).advance(Duration.ofMinutes(5).plusSeconds(1));
        var late = auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02-00-00-00-90-05");
        assertThat(late.output()).contains("Access-Reject", "The sign-in has expired");
    }

    @Test
    void theSessionShowsInTheConnectionsReportWithTheBrowsersUserAgent() {
        PortalGrant grant = signIn("02-00-00-00-90-06");
        assertThat(auth(grant.radiusUsername(), "User-Password", grant.radiusPassword(), "02-00-00-00-90-06")
                .received("Access-Accept")).isTrue();
        String session = "P-" + Fixtures.unique();
        String[] common = {"Acct-Session-Id = \"" + session + "\"", "User-Name = \"" + grant.radiusUsername() + "\"",
                "Calling-Station-Id = \"02-00-00-00-90-06\"", "NAS-Identifier = \"" + w.hotspot.nasIdentifier() + "\""};
        assertThat(acct(common, "Acct-Status-Type = Start").received("Accounting-Response")).isTrue();
        assertThat(acct(common, "Acct-Status-Type = Stop", "Acct-Session-Time = 90", "Acct-Input-Octets = 1000",
                "Acct-Output-Octets = 9000", "Acct-Terminate-Cause = User-Request").received("Accounting-Response")).isTrue();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        var r = new Http(port).get("/v2/client/connections?" + w.world.auth() + "&from=" + today.minusDays(1) + "&to="
                + today.plusDays(1));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        JsonNode mine = null;
        for (JsonNode c : r.json()) {
            if (c.get("macaddress").asString().equals("02-00-00-00-90-06")) {
                mine = c;
            }
        }
        assertThat(mine).as(r.raw()).isNotNull();
        assertThat(mine.get("useragent").toString()).contains("Android 14");
        assertThat(mine.get("device").asString()).isEqualTo("Android");
        assertThat(mine.get("downloaded").asLong()).isEqualTo(9000L);
    }

    private Radclient.Result auth(String user, String passwordAttribute, String password, String mac) {
        return Radclient.send(server.authPort(), "auth", SECRET, "User-Name = \"" + user + "\"",
                passwordAttribute + " = \"" + password + "\"", "Calling-Station-Id = \"" + mac + "\"",
                "NAS-Identifier = \"" + w.hotspot.nasIdentifier() + "\"", "Message-Authenticator = 0x00");
    }

    private Radclient.Result acct(String[] common, String... more) {
        String[] lines = java.util.stream.Stream.concat(java.util.Arrays.stream(common), java.util.Arrays.stream(more))
                .toArray(String[]::new);
        return Radclient.send(server.acctPort(), "acct", SECRET, lines);
    }
}
