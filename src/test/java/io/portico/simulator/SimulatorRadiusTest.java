package io.portico.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.guest.GuestPlan;
import io.portico.guest.NewVouchers;
import io.portico.hotspot.Hotspot;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.Http;
import io.portico.support.LoopbackRadius;
import io.portico.support.PorticoIntegrationTest;

import tools.jackson.databind.JsonNode;

/**
 * Each simulated gateway against Portico's real RADIUS server: the test plays the portal (reads
 * the hand-over, computes the vendor's CHAP answer for a voucher code, sends the browser to the
 * gateway's login URL), the gateway's Access-Request is accepted with the guest plan's limits or
 * rejected with Portico's message, and its Accounting Start/Stop shows in the guest API's
 * connections report.
 */
@PorticoIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SimulatorRadiusTest {

    private static final String SECRET = "simulator-secret-789";
    private static final String UAM_SECRET = "uam-secret-123";

    @Autowired ApplicationContext context;
    @Autowired RadiusService radius;
    @LocalServerPort int port;

    @RegisterExtension
    static final LoopbackRadius portico = new LoopbackRadius();
    private GuestWorld world;
    private GuestPlan plan;
    private Hotspot mikrotikHotspot;
    private Hotspot chilliHotspot;

    @BeforeAll
    void start() {
        world = new GuestWorld(context, "Simulator Co");
        plan = world.plan("Hour pass", Duration.ofDays(1));
        mikrotikHotspot = world.hotspot("Lobby MikroTik");
        chilliHotspot = world.hotspot("Lobby Chilli");
        for (Hotspot hotspot : List.of(mikrotikHotspot, chilliHotspot)) {
            radius.register(NewNasClient.forHotspot(world.operator.id(), hotspot.name(), "127.0.0.1", hotspot.nasIdentifier(), SECRET,
                    hotspot.id()));
        }
    }

    @Test
    void mikrotikLogsInWithHttpChapGetsThePlanLimitsAndAccountsTheSession() {
        Phone phone = new Phone("02-5A-00-00-00-01", "10.5.50.11");
        try (var gateway = new MikroTikHotspotSimulator(settings(mikrotikHotspot, Optional.empty()), phone);
             var browser = new SimulatorBrowser()) {
            Map<String, String> handOver = browser.get(URI.create(browser.get(gateway.internetUrl()).location())).hiddenFields();
            String code = voucher();
            String password = chapAnswer(handOver, code);

            var loggedIn = browser.get(URI.create(handOver.get("link-login-only") + "?username=" + code + "&password=" + password
                    + "&dst=" + URLEncoder.encode(handOver.get("link-orig"), StandardCharsets.UTF_8)));
            assertThat(loggedIn.body()).contains("You are logged in", "url=" + gateway.internetUrl());
            RadiusReply accept = gateway.lastAccessReply().orElseThrow();
            assertThat(accept.accepted()).isTrue();
            assertThat(accept.first("Session-Timeout")).contains("3600");
            assertThat(accept.first("WISPr-Bandwidth-Max-Down")).contains("10000000");
            assertThat(accept.first("Mikrotik-Rate-Limit")).contains("2M/10M");
            assertThat(browser.get(gateway.internetUrl()).body()).contains("You are online");

            gateway.addTraffic(phone, 1_500, 9_000);
            assertThat(browser.get(gateway.baseUrl().resolve("/logout")).body()).contains("You have just logged out");
            assertThat(gateway.endedSessions()).singleElement().satisfies(s -> assertThat(s.username()).isEqualTo(code));
            assertThat(connection("02-5A-00-00-00-01")).isEqualTo(Map.of("uploaded", 1_500L, "downloaded", 9_000L,
                    "reason", "User Request", "hotspot", mikrotikHotspot.name()));
        }
    }

    @Test
    void mikrotikHandsARejectedPhoneBackToThePortalWithTheError() {
        Phone phone = new Phone("02-5A-00-00-00-02", "10.5.50.12");
        try (var gateway = new MikroTikHotspotSimulator(settings(mikrotikHotspot, Optional.empty()), phone);
             var browser = new SimulatorBrowser()) {
            Map<String, String> handOver = browser.get(URI.create(browser.get(gateway.internetUrl()).location())).hiddenFields();
            var again = browser.get(URI.create(handOver.get("link-login-only") + "?username=NOSUCHCODE&password="
                    + chapAnswer(handOver, "NOSUCHCODE") + "&dst="));
            assertThat(again.hiddenFields()).containsEntry("error", "Unknown voucher code.").containsEntry("username", "NOSUCHCODE");
            assertThat(again.hiddenFields().get("chap-challenge")).isNotEqualTo(handOver.get("chap-challenge"));
            assertThat(gateway.session(phone)).isEmpty();
        }
    }

    @Test
    void chilliLogsInWithTheHotspotloginResponseReturnsSuccessAndAccountsTheSession() {
        Phone phone = new Phone("02-C4-00-00-00-01", "10.1.0.21");
        try (var gateway = new CoovaChilliSimulator(settings(chilliHotspot, Optional.of(UAM_SECRET)), phone);
             var browser = new SimulatorBrowser()) {
            Map<String, String> notyet = query(browser.get(gateway.internetUrl()).location());
            String code = voucher();
            String response = CoovaChilliSimulator.chapResponse(notyet.get("challenge"), code, Optional.of(UAM_SECRET));

            var success = browser.get(URI.create("http://" + notyet.get("uamip") + ":" + notyet.get("uamport") + "/logon?username=" + code
                    + "&response=" + response + "&userurl=" + URLEncoder.encode(notyet.get("userurl"), StandardCharsets.UTF_8)));
            Map<String, String> returned = query(success.location());
            assertThat(returned).containsEntry("res", "success").containsEntry("uid", code).containsEntry("timeleft", "3600")
                    .containsEntry("mac", "02-C4-00-00-00-01").containsEntry("userurl", gateway.internetUrl().toString());
            assertThat(returned.get("md")).isEqualTo(CoovaChilliSimulator.md(
                    success.location().substring(0, success.location().indexOf("&md=")), UAM_SECRET));
            assertThat(gateway.lastAccessReply().orElseThrow().first("Session-Timeout")).contains("3600");
            assertThat(query(browser.get(gateway.internetUrl()).location())).isEmpty(); // online: no redirect

            gateway.addTraffic(phone, 2_000, 30_000);
            assertThat(query(browser.get(gateway.baseUrl().resolve("/logoff")).location())).containsEntry("res", "logoff");
            assertThat(connection("02-C4-00-00-00-01")).isEqualTo(Map.of("uploaded", 2_000L, "downloaded", 30_000L,
                    "reason", "User Request", "hotspot", chilliHotspot.name()));
        }
    }

    @Test
    void chilliReturnsARejectedPhoneWithResFailedTheReplyMessageAndANewChallenge() {
        Phone phone = new Phone("02-C4-00-00-00-02", "10.1.0.22");
        try (var gateway = new CoovaChilliSimulator(settings(chilliHotspot, Optional.of(UAM_SECRET)), phone);
             var browser = new SimulatorBrowser()) {
            Map<String, String> notyet = query(browser.get(gateway.internetUrl()).location());
            String response = CoovaChilliSimulator.chapResponse(notyet.get("challenge"), "NOSUCHCODE", Optional.of(UAM_SECRET));
            var failed = query(browser.get(gateway.baseUrl().resolve("/logon?username=NOSUCHCODE&response=" + response)).location());
            assertThat(failed).containsEntry("res", "failed").containsEntry("reply", "Unknown voucher code.");
            assertThat(failed.get("challenge")).isNotEqualTo(notyet.get("challenge"));
            assertThat(gateway.session(phone)).isEmpty();
        }
    }

    private GatewaySettings settings(Hotspot hotspot, Optional<String> uamSecret) {
        return new GatewaySettings(hotspot.nasIdentifier(), portico.auth(), portico.acct(), SECRET,
                GatewaySettings.portalOf(URI.create("http://127.0.0.1:" + port), hotspot.nasIdentifier()), uamSecret);
    }

    private String voucher() {
        return world.plans().createVouchers(new NewVouchers(world.client.id(), plan.id(), 1, null, 1, null), new Random())
                .getFirst().code();
    }

    private Map<String, Object> connection(String mac) {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var r = new Http(port).get("/v2/client/connections?" + world.auth() + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<Map<String, Object>> mine = new ArrayList<>();
        for (JsonNode c : r.json()) {
            if (c.get("macaddress").asString().equals(mac)) {
                mine.add(Map.of("uploaded", c.get("uploaded").asLong(), "downloaded", c.get("downloaded").asLong(),
                        "reason", c.get("reason_for_termination").asString(), "hotspot", c.get("hotspotname").asString()));
            }
        }
        assertThat(mine).as(r.raw()).hasSize(1);
        return mine.getFirst();
    }

    /** What the portal's page sends as the HTTP-CHAP password for the hand-over's chap-id and chap-challenge. */
    private static String chapAnswer(Map<String, String> handOver, String password) {
        return MikroTikHotspotSimulator.chapPassword(octalDecode(handOver.get("chap-id"))[0], password,
                octalDecode(handOver.get("chap-challenge")));
    }

    /** RouterOS's $(chap-challenge) back to octets, as the external page's JavaScript string literal would read it. */
    static byte[] octalDecode(String escaped) {
        var bytes = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i += 4) {
            bytes.write(Integer.parseInt(escaped.substring(i + 1, i + 4), 8));
        }
        return bytes.toByteArray();
    }

    static Map<String, String> query(String url) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int question = url.indexOf('?');
        if (question < 0) {
            return parameters;
        }
        for (String pair : url.substring(question + 1).split("&")) {
            int equals = pair.indexOf('=');
            parameters.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
