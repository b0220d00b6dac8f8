package io.portico.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The simulators' hand-over formats against values worked out by hand from the vendors' documents
 * (RouterOS's login.html variables, CoovaChilli's redir.c and hotspotlogin.cgi), and what the
 * simulators put on the wire for a phone, without Portico.
 */
class HandOverFormatsTest {

    /** RouterOS manual, "Hotspot customisation", login.html variables: the chap-challenge example and its octets. */
    private static final String DOC_CHALLENGE = "\\357\\015\\330\\013\\021\\234\\145\\245\\303\\253\\142\\246\\133\\175\\375\\316";
    private static final byte[] DOC_CHALLENGE_OCTETS = HexFormat.of().parseHex("ef0dd80b119c65a5c3ab62a65b7dfdce");

    private static final Phone PHONE = new Phone("aa:bb:cc:dd:ee:01", "10.5.50.7");

    @Test
    void writesChapIdAndChallengeAsRouterOsOctalEscapes() {
        assertThat(MikroTikHotspotSimulator.octalEscape(new byte[] {(byte) 0xF9})).isEqualTo("\\371");
        assertThat(MikroTikHotspotSimulator.octalEscape(DOC_CHALLENGE_OCTETS)).isEqualTo(DOC_CHALLENGE);
        assertThat(MikroTikHotspotSimulator.octalEscape(new byte[] {0, 7, 8, 64})).isEqualTo("\\000\\007\\010\\100");
    }

    @Test
    void computesHttpChapPasswordAsMd5OfIdPasswordAndChallenge() {
        // md5(0xF9 || "guest-password" || challenge), worked out with Python's hashlib
        assertThat(MikroTikHotspotSimulator.chapPassword((byte) 0xF9, "guest-password", DOC_CHALLENGE_OCTETS))
                .isEqualTo("a45bf8c1ba5bf696ea88ff96356f35e6");
    }

    @Test
    void signsTheChilliRedirectWithUppercaseMd5OfUrlAndUamSecret() {
        String url = "http://portal.example.com/portal/lobby-ap?res=notyet&uamip=10.1.0.1&uamport=3990"
                + "&challenge=8b1e3c5a2f4d6e7081920a1b2c3d4e5f&called=00-0D-B9-3E-11-22&mac=AA-BB-CC-DD-EE-01&ip=10.1.0.5"
                + "&nasid=lobby-ap&sessionid=5f3b2c1d00000001&userurl=http%3a%2f%2fwww.example.com%2f";
        assertThat(CoovaChilliSimulator.md(url, "uam-secret-123")).isEqualTo("134A4798FDDB2A35C2BB8176DD0C2929");
    }

    @Test
    void urlEncodesAsChilliDoes() {
        assertThat(CoovaChilliSimulator.urlEncode("http://www.example.com/a b?x=1&y=~*!")).isEqualTo(
                "http%3a%2f%2fwww.example.com%2fa%20b%3fx%3d1%26y%3d~*!");
        assertThat(CoovaChilliSimulator.urlEncode("AA-BB-CC-DD-EE-01")).isEqualTo("AA-BB-CC-DD-EE-01");
    }

    @Test
    void computesTheHotspotloginResponseWithAndWithoutUamSecret() {
        String challenge = "8b1e3c5a2f4d6e7081920a1b2c3d4e5f";
        assertThat(HexFormat.of().formatHex(CoovaChilliSimulator.chapChallenge(HexFormat.of().parseHex(challenge),
                Optional.of("uam-secret-123")))).isEqualTo("bb3de6e06dbba418852460d9a226bec2");
        assertThat(CoovaChilliSimulator.chapResponse(challenge, "guest-password", Optional.of("uam-secret-123")))
                .isEqualTo("5aa0ed7604ca0a98e2eacda2facb9a42");
        assertThat(CoovaChilliSimulator.chapResponse(challenge, "guest-password", Optional.empty()))
                .isEqualTo("08ec7031ec13e70a745cd0a9b588f642");
    }

    @Test
    void mikrotikSendsAnUnknownPhoneToLoginHtmlWhichPostsTheDocumentedFieldsToThePortal() {
        try (var gateway = new MikroTikHotspotSimulator(settings("mt-lobby", Optional.empty()), PHONE);
             var browser = new SimulatorBrowser()) {
            var first = browser.get(gateway.internetUrl());
            assertThat(first.status()).isEqualTo(302);
            assertThat(first.location()).isEqualTo(gateway.linkLoginOnly() + "?dst="
                    + java.net.URLEncoder.encode(gateway.internetUrl().toString(), StandardCharsets.UTF_8));

            var login = browser.get(URI.create(first.location()));
            Map<String, String> form = login.hiddenFields();
            assertThat(login.body()).contains("action=\"http://portico.example/portal/mt-lobby\" method=\"post\"",
                    "<input type=\"submit\" value=\"continue\">");
            assertThat(form).containsOnlyKeys("mac", "ip", "username", "link-login", "link-orig", "error", "chap-id",
                    "chap-challenge", "link-login-only", "link-orig-esc", "mac-esc");
            assertThat(form).containsEntry("mac", "AA:BB:CC:DD:EE:01").containsEntry("ip", "10.5.50.7")
                    .containsEntry("link-login-only", gateway.linkLoginOnly()).containsEntry("link-orig", gateway.internetUrl().toString())
                    .containsEntry("mac-esc", "AA%3ABB%3ACC%3ADD%3AEE%3A01").containsEntry("error", "");
            assertThat(form.get("chap-id")).matches("(\\\\[0-3][0-7]{2})");
            assertThat(form.get("chap-challenge")).matches("(\\\\[0-3][0-7]{2}){16}");
        }
    }

    @Test
    void chilliRedirectsAnUnknownPhoneWithNotyetParametersInRedirCOrderAndAValidMd() {
        try (var gateway = new CoovaChilliSimulator(settings("chilli-lobby", Optional.of("uam-secret-123")), PHONE);
             var browser = new SimulatorBrowser()) {
            var first = browser.get(gateway.internetUrl());
            assertThat(first.status()).isEqualTo(302);
            String location = first.location();
            Matcher m = Pattern.compile("http://portico\\.example/portal/chilli-lobby\\?res=notyet&uamip=127\\.0\\.0\\.1&uamport="
                    + gateway.baseUrl().getPort() + "&challenge=([0-9a-f]{32})&called=02-C0-FF-EE-00-01&mac=AA-BB-CC-DD-EE-01"
                    + "&ip=10\\.5\\.50\\.7&nasid=chilli-lobby&sessionid=([0-9a-f]{16})&userurl=([^&]+)&md=([0-9A-F]{32})").matcher(location);
            assertThat(m.matches()).as(location).isTrue();
            assertThat(URLDecoder.decode(m.group(3), StandardCharsets.UTF_8)).isEqualTo(gateway.internetUrl().toString());
            String beforeMd = location.substring(0, location.indexOf("&md="));
            assertThat(m.group(4)).isEqualTo(CoovaChilliSimulator.md(beforeMd, "uam-secret-123"));
        }
    }

    @Test
    void keepsThePhonesChallengeUntilALoginUsesItAndNeverHandsAFaviconToThePortal() {
        try (var mikrotik = new MikroTikHotspotSimulator(settings("mt-lobby", Optional.empty()), PHONE);
             var chilli = new CoovaChilliSimulator(settings("chilli-lobby", Optional.of("uam-secret-123")), PHONE);
             var browser = new SimulatorBrowser()) {
            URI loginPage = URI.create(browser.get(mikrotik.internetUrl()).location());
            String first = browser.get(loginPage).hiddenFields().get("chap-challenge");
            assertThat(browser.get(mikrotik.baseUrl().resolve("/favicon.ico")).status()).isEqualTo(404);
            assertThat(browser.get(loginPage).hiddenFields().get("chap-challenge")).isEqualTo(first);

            String notyet = browser.get(chilli.internetUrl()).location();
            assertThat(browser.get(chilli.baseUrl().resolve("/favicon.ico")).status()).isEqualTo(404);
            assertThat(challenge(browser.get(chilli.internetUrl()).location())).isEqualTo(challenge(notyet));
        }
    }

    private static String challenge(String url) {
        Matcher m = Pattern.compile("&challenge=([0-9a-f]{32})&").matcher(url);
        assertThat(m.find()).as(url).isTrue();
        return m.group(1);
    }

    static GatewaySettings settings(String nasIdentifier, Optional<String> uamSecret) {
        // no RADIUS server answers here: these tests stop before the gateway asks one
        InetSocketAddress nowhere = new InetSocketAddress("127.0.0.1", 9);
        return new GatewaySettings(nasIdentifier, nowhere, nowhere, "secret", URI.create("http://portico.example/portal/" + nasIdentifier),
                uamSecret);
    }

    static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&#39;", "'").replace("&amp;", "&"));
        }
        return fields;
    }
}
