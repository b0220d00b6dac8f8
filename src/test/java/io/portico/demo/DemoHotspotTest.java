package io.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.portico.PorticoApplication;
import io.portico.support.DatabaseTarget;
import io.portico.support.Http;
import io.portico.support.PostgresAvailableCondition;

import tools.jackson.databind.JsonNode;

/**
 * {@code --demo} as a newcomer starts it (RADIUS on, on free ports): {@code /demo/hotspot} offers
 * both simulated gateways, and a phone walks the whole journey through each (the gateway's
 * hand-over, the portal's click-through sign-in, the login at the gateway, RADIUS, accounting);
 * the guest API then shows the purchase and the connection with the phone's user agent.
 */
@Tag("database")
@ExtendWith(PostgresAvailableCondition.class)
class DemoHotspotTest {

    static final String API_TOKEN = "demo-token-for-hotspot-walks-0123456789";
    static final String USER_AGENT = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) DemoHotspotTest";

    @TempDir
    static Path dataDir;

    static ConfigurableApplicationContext server;
    static URI portico;
    static final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeAll
    static void startTheDemo() {
        Map<String, String> database = DatabaseTarget.current().standalone(dataDir, "demohotspot");
        String[] args = Stream.concat(database.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()), Stream.of(
                        "--portico.demo.enabled=true", "--server.port=0", "--portico.radius.bind-address=127.0.0.1",
                        "--portico.radius.auth-port=0", "--portico.radius.acct-port=0",
                        "--portico.secrets.key=MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=", "--portico.demo.api-token=" + API_TOKEN,
                        "--portico.gateway.reconciler.enabled=false", "--portico.webhook.delivery-enabled=false"))
                .toArray(String[]::new);
        server = new SpringApplicationBuilder(PorticoApplication.class).run(args);
        portico = URI.create("http://127.0.0.1:" + ((WebServerApplicationContext) server).getWebServer().getPort());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aPhoneWalksThroughTheMikrotikGatewayAndShowsInTheGuestApi() {
        assertThat(get(portico.resolve("/demo/hotspot")).body()).contains("MikroTik Hotspot: hotspot", "CoovaChilli: hotspot");
        URI phonePage = URI.create(location(post(portico.resolve("/demo/hotspot/mikrotik"), Map.of())));
        String mac = text(get(portico.resolve("/demo/hotspot")).body(), "MikroTik Hotspot: hotspot.*?MAC <code>([0-9A-F-]{17})</code>");

        // the gateway's redirect.html, then login.html which posts the hand-over to the portal
        String loginHtml = get(URI.create(location(get(phonePage)))).body();
        var signInPage = post(URI.create(text(loginHtml, "action=\"([^\"]+)\"")), hiddenFields(loginHtml));
        assertThat(signInPage.statusCode()).as(signInPage.body()).isEqualTo(200);

        var toGateway = clickThrough(signInPage);
        var alogin = get(URI.create(location(toGateway)));
        assertThat(alogin.body()).contains("You are logged in");
        assertThat(get(phonePage).body()).contains("You are online");
        assertThat(get(portico.resolve("/demo/hotspot")).body()).contains("The phone is online", "Session-Timeout = ");

        get(URI.create(text(get(portico.resolve("/demo/hotspot")).body(), "<a href=\"([^\"]+/logout)\">")));
        assertTheGuestApiShows(mac);
    }

    @Test
    void aPhoneWalksThroughTheCoovaChilliGatewayAndShowsInTheGuestApi() {
        URI phonePage = URI.create(location(post(portico.resolve("/demo/hotspot/coovachilli"), Map.of())));
        String mac = text(get(portico.resolve("/demo/hotspot")).body(), "CoovaChilli: hotspot.*?MAC <code>([0-9A-F-]{17})</code>");

        var signInPage = get(URI.create(location(get(phonePage)))); // chilli's 302 with res=notyet and md
        assertThat(signInPage.statusCode()).as(signInPage.body()).isEqualTo(200);
        String logon = location(clickThrough(signInPage));
        assertThat(logon).contains("/logon?username=p-", "&response=");
        String success = location(get(URI.create(logon)));
        assertThat(success).contains("res=success");
        var landed = get(URI.create(success)); // the portal's answer to res=success: its status page, or on to userurl
        assertThat(landed.statusCode()).as(landed.body()).isIn(200, 302, 303);
        assertThat(get(phonePage).body()).contains("You are online");

        get(URI.create(text(get(portico.resolve("/demo/hotspot")).body(), "<a href=\"([^\"]+/logoff)\">")));
        assertTheGuestApiShows(mac);
    }

    private static HttpResponse<String> clickThrough(HttpResponse<String> signInPage) {
        String form = text(signInPage.body(), "(<form[^>]*>\\s*<input type=\"hidden\" name=\"state\".*?name=\"method\" value=\"CLICK_THROUGH\">)");
        Map<String, String> fields = new LinkedHashMap<>(hiddenFields(form));
        fields.put("terms", "accepted");
        return post(signInPage.uri().resolve(text(form, "action=\"([^\"]+)\"").replace("&amp;", "&")), fields);
    }

    private static void assertTheGuestApiShows(String mac) {
        Http api = new Http(portico.getPort());
        var purchases = api.get("/v2/client/guests-guest-plans?api_token=" + API_TOKEN);
        assertThat(purchases.status()).as(purchases.raw()).isEqualTo(200);
        assertThat(stream(purchases.json()).filter(p -> p.get("macaddress").asString().equals(mac)).map(p -> p.get("payment_gateway").asString()))
                .as(purchases.raw()).containsExactly("Free");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        var connections = api.get("/v2/client/connections?api_token=" + API_TOKEN + "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1));
        assertThat(stream(connections.json()).filter(c -> c.get("macaddress").asString().equals(mac)).map(c -> c.get("useragent").asString()))
                .as(connections.raw()).containsExactly(USER_AGENT);
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        Stream.Builder<JsonNode> items = Stream.builder();
        array.forEach(items::add);
        return items.build();
    }

    private static HttpResponse<String> get(URI uri) {
        return send(HttpRequest.newBuilder(uri).header("User-Agent", USER_AGENT).GET().build());
    }

    private static HttpResponse<String> post(URI uri, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(uri).header("User-Agent", USER_AGENT).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(301, 303);
        return response.uri().resolve(response.headers().firstValue("Location").orElseThrow()).toString();
    }

    private static String text(String html, String regex) {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
        assertThat(m.find()).as(regex + " in " + html).isTrue();
        return m.group(1);
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                    .replace("&#34;", "\"").replace("&amp;", "&"));
        }
        return fields;
    }
}
