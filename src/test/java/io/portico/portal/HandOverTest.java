package io.portico.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The three gateways' hand-overs, checked against values computed outside Portico (Python's hashlib). */
class HandOverTest {

    private static final String CHILLI_QUERY = "res=notyet&uamip=10.1.0.1&uamport=3990"
            + "&challenge=0123456789abcdef0123456789abcdef&called=AA-BB-CC-00-00-01&mac=02-00-00-00-00-0A"
            + "&ip=10.1.0.23&nasid=NAS-1&sessionid=5f3c&userurl=http%3A%2F%2Fexample.com%2Fnews%3Fa%3D1";
    private static final String CHILLI_MD = "4C08B55826C019073B2E272AA253CFDE";
    private static final List<String> PORTAL_URL = List.of("http://portal.example/portal/NAS-1");

    private static Map<String, String> mikrotik(String... overrides) {
        Map<String, String> params = new HashMap<>(Map.of("mac", "02:00:00:00:00:0A", "ip", "10.5.50.23",
                "link-login-only", "http://10.5.50.1/login", "link-orig", "http://example.com/news",
                "chap-id", "\\357", "chap-challenge", "\\022\\346\\240\\377\\000\\021\\042\\063\\104\\125\\146\\167\\210\\231\\252\\273"));
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            params.put(overrides[i], overrides[i + 1]);
        }
        return params;
    }

    @Test
    void decodesMikroTikOctalEscapedChapBytes() {
        assertThat(MikroTikHandOver.octal("\\357\\022\\000A\\377")).containsExactly(0xEF, 0x12, 0x00, 'A', 0xFF);
        assertThat(MikroTikHandOver.octal("plain")).containsExactly('p', 'l', 'a', 'i', 'n');
        assertThat(MikroTikHandOver.octal("\\9")).containsExactly('\\', '9');
    }

    @Test
    void mikroTikLoginCarriesTheChapResponseOfIdPasswordAndChallenge() {
        MikroTikHandOver handOver = MikroTikHandOver.parse(mikrotik(), List.of());

        assertThat(handOver.mac()).isEqualTo("02-00-00-00-00-0A");
        assertThat(handOver.chapChallengeHex()).isEqualTo("12e6a0ff00112233445566778899aabb");
        assertThat(handOver.password("secret-pass")).isEqualTo("c7a1a62e9ddfb26b450de041b6cc8146");
        assertThat(handOver.login("p-user", "secret-pass", URI.create("http://portal/portal/NAS-1/status?state=a&lang=en-us")))
                .hasToString("http://10.5.50.1/login?username=p-user&password=c7a1a62e9ddfb26b450de041b6cc8146"
                        + "&dst=http%3A%2F%2Fportal%2Fportal%2FNAS-1%2Fstatus%3Fstate%3Da%26lang%3Den-us");
        assertThat(handOver.logoutUrl()).hasToString("http://10.5.50.1/logout");
    }

    @Test
    void mikroTikWithoutChapSendsThePasswordItself() {
        MikroTikHandOver handOver = MikroTikHandOver.parse(mikrotik("chap-id", "", "chap-challenge", ""), List.of());

        assertThat(handOver.password("secret-pass")).isEqualTo("secret-pass");
    }

    @Test
    void refusesALoginUrlThatIsNotTheGatewaysOwn() {
        for (String bad : List.of("javascript:alert(1)", "//evil.example/login", "/login", "http://u:p@10.5.50.1/login",
                "http://10.5.50.1/login?next=http://evil.example", "ftp://10.5.50.1/login")) {
            assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("link-login-only", bad), List.of()))
                    .as(bad).isInstanceOf(HandOverException.class);
        }
        assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("mac", "not-a-mac"), List.of())).isInstanceOf(HandOverException.class);
    }

    @Test
    void withoutALoginHostOnlyAddressesOfTheGuestsOwnNetworkMayReceiveTheCredential() {
        for (String local : List.of("http://10.5.50.1/login", "https://192.168.88.1/login", "http://172.31.0.1:8080/login",
                "http://100.64.0.1/login", "http://169.254.1.1/login", "http://127.0.0.1:41234/login", "http://[fd00::1]/login",
                "http://[fe80::1]/login", "http://hotspot.local/login", "http://router/login")) {
            assertThat(MikroTikHandOver.parse(mikrotik("link-login-only", local), List.of()).loginUrl()).as(local)
                    .hasToString(local);
        }
        for (String forged : List.of("http://evil.example/login", "https://8.8.8.8/login", "http://172.32.0.1/login",
                "http://100.128.0.1/login", "http://[2001:db8::1]/login", "http://[::ffff:8.8.8.8]/login",
                "http://134744072/login", "http://0x08080808/login", "http://10.5.50.1.nip.io/login")) {
            assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("link-login-only", forged), List.of()))
                    .as(forged).isInstanceOf(HandOverException.class);
        }
    }

    @Test
    void aConfiguredLoginHostIsTheOnlyOneAccepted() {
        List<String> host = List.of("hotspot.example.net");
        assertThat(MikroTikHandOver.parse(mikrotik("link-login-only", "https://hotspot.example.net/login"), host).loginUrl())
                .hasToString("https://hotspot.example.net/login");
        assertThat(MikroTikHandOver.parse(mikrotik("link-login-only", "http://Hotspot.Example.net:80/login"), host).loginUrl())
                .isNotNull();
        List<String> withPort = List.of("10.5.50.1:8080");
        assertThat(MikroTikHandOver.parse(mikrotik("link-login-only", "http://10.5.50.1:8080/login"), withPort).loginUrl())
                .isNotNull();
        for (String other : List.of("http://10.5.50.1/login", "http://hotspot.example.net.evil.example/login",
                "http://hotspot.example.net:8443/login")) {
            assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("link-login-only", other), host))
                    .as(other).isInstanceOf(HandOverException.class);
        }
        assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("link-login-only", "http://10.5.50.1/login"), withPort))
                .isInstanceOf(HandOverException.class);

        List<String> both = List.of("hotspot.example.net", "10.5.50.1:8080");
        for (String either : List.of("https://hotspot.example.net/login", "http://10.5.50.1:8080/login")) {
            assertThat(MikroTikHandOver.parse(mikrotik("link-login-only", either), both).loginUrl()).as(either).hasToString(either);
        }
        assertThatThrownBy(() -> MikroTikHandOver.parse(mikrotik("link-login-only", "http://10.5.50.1/login"), both))
                .as("neither configured host").isInstanceOf(HandOverException.class);
    }

    @Test
    void dropsAnOriginalUrlThatIsNotAWebAddress() {
        assertThat(MikroTikHandOver.parse(mikrotik("link-orig", "javascript:alert(1)"), List.of()).originalUrl()).isNull();
        assertThat(UniFiHandOver.parse("default", Map.of("id", "02:00:00:00:00:0b", "url", "data:text/html,x")).originalUrl())
                .isNull();
    }

    @Test
    void acceptsACoovaChilliHandOverWhoseMdMatches() {
        ChilliHandOver handOver = ChilliHandOver.parse(PORTAL_URL, CHILLI_QUERY + "&md=" + CHILLI_MD, Optional.of("uam-secret"));

        assertThat(handOver.res()).isEqualTo("notyet");
        assertThat(handOver.mac()).isEqualTo("02-00-00-00-00-0A");
        assertThat(handOver.userUrl()).hasToString("http://example.com/news?a=1");
        assertThat(handOver.nasId()).isEqualTo("NAS-1");
    }

    @Test
    void refusesAForgedCoovaChilliHandOver() {
        String altered = CHILLI_QUERY.replace("uamip=10.1.0.1", "uamip=10.1.0.9") + "&md=" + CHILLI_MD;
        assertThatThrownBy(() -> ChilliHandOver.parse(PORTAL_URL, altered, Optional.of("uam-secret")))
                .isInstanceOf(HandOverException.class);
        assertThatThrownBy(() -> ChilliHandOver.parse(PORTAL_URL, CHILLI_QUERY + "&md=" + CHILLI_MD, Optional.of("other")))
                .isInstanceOf(HandOverException.class);
        assertThatThrownBy(() -> ChilliHandOver.parse(PORTAL_URL, CHILLI_QUERY, Optional.of("uam-secret")))
                .isInstanceOf(HandOverException.class);
        assertThatThrownBy(() -> ChilliHandOver.parse(List.of("http://elsewhere/portal/NAS-1"),
                CHILLI_QUERY + "&md=" + CHILLI_MD, Optional.of("uam-secret"))).isInstanceOf(HandOverException.class);
    }

    @Test
    void refusesACoovaChilliUamAddressThatIsAHostName() {
        String query = CHILLI_QUERY.replace("uamip=10.1.0.1", "uamip=evil.example");
        assertThatThrownBy(() -> ChilliHandOver.parse(PORTAL_URL, query, Optional.empty())).isInstanceOf(HandOverException.class);
    }

    @Test
    void coovaChilliResponseFollowsHotspotLoginCgi() {
        assertThat(ChilliHandOver.response("0123456789abcdef0123456789abcdef", "guest-pw", Optional.of("uam-secret")))
                .isEqualTo("c73d69c478b0cf512bfe45a3cfafca47");
        assertThat(ChilliHandOver.response("0123456789abcdef0123456789abcdef", "guest-pw", Optional.empty()))
                .isEqualTo("0aa8c5f97999ad76c44b9f11dab2f779");
    }

    @Test
    void coovaChilliLogonGoesToTheUamAddressWithTheResponse() {
        ChilliHandOver handOver = ChilliHandOver.parse(PORTAL_URL, CHILLI_QUERY + "&md=" + CHILLI_MD, Optional.of("uam-secret"));

        assertThat(handOver.logon("p-user", "guest-pw", Optional.of("uam-secret"), URI.create("http://portal/portal/NAS-1/status?state=s")))
                .hasToString("http://10.1.0.1:3990/logon?username=p-user&response=c73d69c478b0cf512bfe45a3cfafca47"
                        + "&userurl=http%3A%2F%2Fportal%2Fportal%2FNAS-1%2Fstatus%3Fstate%3Ds");
        assertThat(handOver.logoffUrl()).hasToString("http://10.1.0.1:3990/logoff");
    }

    @Test
    void parsesTheUniFiGuestQuery() {
        UniFiHandOver handOver = UniFiHandOver.parse("default", Map.of("id", "02:00:00:00:00:0b", "ap", "f0:9f:c2:00:00:01",
                "t", "1764590000", "url", "http://example.com/", "ssid", "Guest"));

        assertThat(handOver.mac()).isEqualTo("02-00-00-00-00-0B");
        assertThat(handOver.apMac()).isEqualTo("f0:9f:c2:00:00:01");
        assertThat(handOver.originalUrl()).hasToString("http://example.com/");
        assertThatThrownBy(() -> UniFiHandOver.parse("default", Map.of("ap", "x"))).isInstanceOf(HandOverException.class);
    }
}
