package io.portico.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Operator;

/** Every failure, in either API, is JSON in that API's format with a fitting 4xx: never HTML, never a 500. */
@PorticoIntegrationTest
class ErrorFormatTest {

    private static final String LIST_TOKENS = "/preview/networkoperatorconsole/clients/listAPITokens";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;

    Http http;
    String apiToken;
    ConsoleSession admin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        Operator operator = fixtures.operator();
        apiToken = fixtures.apiToken(fixtures.client(operator, "Cafe")).token();
        admin = ConsoleSession.login(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
    }

    private static void assertGuestError(Http.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("message").asString()).contains(messagePart);
        assertThat(r.json().has("errorProcessing")).isFalse();
    }

    private static void assertConsoleError(Http.Response r, int status, String messagePart) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("message").asString()).contains(messagePart);
        assertThat(r.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(r.json().size()).isEqualTo(2);
    }

    // ---- guest API ----------------------------------------------------------------------------

    @Test
    void guestApiWithoutTokenIs401() {
        assertGuestError(http.get("/v2/zapier/client/ping"), 401, "API token is missing");
    }

    @Test
    void guestApiWithUnknownTokenIs401() {
        assertGuestError(http.get("/v2/zapier/client/ping?api_token=ptk_unknown_token_value_0000"), 401, "invalid or revoked");
    }

    @Test
    void guestApiUnknownRouteIs404() {
        assertGuestError(http.get("/v2/client/nothing-here?api_token=" + apiToken), 404, "No such route");
    }

    @Test
    void guestApiWrongMethodIs405() {
        var r = http.send("POST", "/v2/zapier/client/ping?api_token=" + apiToken, "{}", "Content-Type", "application/json");
        assertGuestError(r, 405, "POST is not allowed");
        assertThat(r.json().get("message").asString()).contains("Use GET");
    }

    @Test
    void guestApiRejectsOversizedBodiesWith413() {
        var r = http.send("POST", "/v2/zapier/client/ping?api_token=" + apiToken, "x".repeat(1_100_000), "Content-Type", "text/plain");
        assertGuestError(r, 413, "larger than the limit");
    }

    // ---- console API --------------------------------------------------------------------------

    @Test
    void consoleWithoutTokenIs401() {
        assertConsoleError(http.postJson(LIST_TOKENS, "{\"ClientID\": 1}"), 401, "AccessToken is missing");
    }

    @Test
    void consoleWithWrongTokenIs401() {
        assertConsoleError(http.postJson(LIST_TOKENS, "{\"AccessToken\": \"nope\", \"ClientID\": 1}"), 401, "invalid or expired");
    }

    @Test
    void consoleAccessTokenOfTheWrongTypeIs400() {
        assertConsoleError(http.postJson(LIST_TOKENS, "{\"AccessToken\": 42}"), 400, "AccessToken must be a string");
    }

    @Test
    void consoleUnknownRouteIs404() {
        assertConsoleError(admin.post("/preview/networkoperatorconsole/equipment/doesNotExist"), 404, "No such route");
    }

    @Test
    void consoleWrongMethodIs405() {
        assertConsoleError(http.get(LIST_TOKENS), 405, "GET is not allowed");
    }

    @Test
    void consoleMalformedJsonIs400WithTheLocation() {
        var r = http.postJson(LIST_TOKENS, "{\"AccessToken\": \"" + admin.accessToken() + "\", \"ClientID\": ");
        assertConsoleError(r, 400, "not valid JSON");
    }

    @Test
    void consoleBodyThatIsNotAnObjectIs400() {
        assertConsoleError(http.postJson(LIST_TOKENS, "[1, 2, 3]"), 400, "must be a JSON object");
    }

    @Test
    void consoleWrongTypeNamesTheField() {
        assertConsoleError(admin.post(LIST_TOKENS, "ClientID", "abc"), 400, "Field 'ClientID' must be a whole number");
        assertConsoleError(admin.post(LIST_TOKENS, "ClientID", 1.5), 400, "ClientID");
        assertConsoleError(admin.post(LIST_TOKENS, "ClientID", java.util.List.of(1)), 400, "ClientID");
    }

    @Test
    void consoleUnknownFieldIsNamed() {
        assertConsoleError(admin.post(LIST_TOKENS, "ClientID", 1, "Bogus", true), 400, "Unknown field 'Bogus'");
    }

    @Test
    void consoleMissingRequiredFieldIsNamed() {
        assertConsoleError(admin.post(LIST_TOKENS), 400, "ClientID is required");
    }

    @Test
    void consoleDuplicateKeysAreRejected() {
        var r = http.postJson(LIST_TOKENS, "{\"AccessToken\": \"" + admin.accessToken() + "\", \"ClientID\": 1, \"ClientID\": 2}");
        assertConsoleError(r, 400, "not valid JSON");
    }

    @Test
    void consoleNonJsonContentTypeIs415() {
        var r = http.send("POST", LIST_TOKENS, "ClientID=1", "Content-Type", "application/x-www-form-urlencoded");
        assertConsoleError(r, 415, "not supported");
    }

    @Test
    void consoleOversizedBodyIs413() {
        String big = "{\"AccessToken\": \"" + admin.accessToken() + "\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        assertConsoleError(http.postJson(LIST_TOKENS, big), 413, "larger than the limit");
    }

    @Test
    void consoleOversizedChunkedBodyIs413() {
        String big = "{\"AccessToken\": \"" + admin.accessToken() + "\", \"pad\": \"" + "x".repeat(1_100_000) + "\"}";
        var request = http.builder(LIST_TOKENS, "Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        assertConsoleError(http.send(request), 413, "larger than the limit");
    }

    @Test
    void consoleEmptyBodyIsTreatedAsNoFields() {
        assertConsoleError(http.send("POST", LIST_TOKENS, "", "Content-Type", "application/json"), 401, "AccessToken is missing");
    }

    // ---- elsewhere --------------------------------------------------------------------------

    @Test
    void unknownPathsOutsideBothApisAreJson404() {
        assertConsoleError(http.get("/no/such/thing"), 404, "No such route");
    }

    @Test
    void aMalformedRequestLineGetsJsonNotTheContainersHtmlPage() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /v2/zapier/client/ping?api_token=%zz%% HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 4");
            assertThat(response).doesNotContainIgnoringCase("<html").doesNotContain("Exception");
        }
    }
}
