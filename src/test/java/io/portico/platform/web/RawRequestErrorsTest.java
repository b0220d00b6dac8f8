package io.portico.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/**
 * Requests Tomcat refuses before any filter runs (too large, malformed) are answered in JSON,
 * in the API's error format when the path is known. Sent over a raw socket, as no HTTP client
 * lets a test write an invalid request line.
 */
@PorticoIntegrationTest
class RawRequestErrorsTest {

    @LocalServerPort
    int port;

    @Test
    void aLongStateParameterWithinTheHeaderLimitReachesTheGuestApi() {
        RawResponse r = send("GET /v2/client/guests-guest-plans?state=" + "a".repeat(20_000) + " HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");
        assertJson(r, 401, "");
        assertThat(r.json().get("message").asString()).isNotBlank();
    }

    @Test
    void aRequestLineOverTheHeaderLimitIsAJsonBadRequest() {
        RawResponse r = send("GET /v2/client/guests-guest-plans?guest_token=" + "a".repeat(40_000) + " HTTP/1.1\r\nHost: x\r\n\r\n");
        assertJson(r, 400, "");
        assertThat(r.json().get("message").asString()).isEqualTo("The request line and headers are larger than the limit of 32768 bytes.");
    }

    @Test
    void headersOverTheLimitOnAKnownPathAreAnsweredInThatApisFormat() {
        RawResponse guest = send("GET /v2/zapier/client/ping HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(40_000) + "\r\n\r\n");
        assertJson(guest, 400, "");
        assertThat(guest.json().get("message").asString()).contains("larger than the limit of 32768 bytes");
        assertThat(guest.json().has("errorProcessing")).isFalse();

        RawResponse console = send("POST /preview/networkoperatorconsole/equipment/listServicePlans HTTP/1.1\r\nHost: x\r\n"
                + "Cookie: " + "c".repeat(40_000) + "\r\nContent-Length: 2\r\n\r\n{}");
        assertJson(console, 400, "");
        assertThat(console.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(console.json().get("message").asString()).contains("larger than the limit");
    }

    @Test
    void malformedRequestLinesAreJsonBadRequests() {
        for (String line : new String[] {"GE{T / HTTP/1.1", "GET /v2/a|b HTTP/1.1", "GET /preview/x%zz HTTP/1.1", "garbage",
                "GET /v2 /x y HTTP/1.1"}) {
            RawResponse r = send(line + "\r\nHost: x\r\n\r\n");
            assertJson(r, 400, line);
            assertThat(r.json().get("message").asString()).as(line).isNotBlank();
        }
    }

    @Test
    void aMissingHostHeaderOrAnUnknownHttpVersionIsAnsweredInJson() {
        RawResponse noHost = send("GET /v2/zapier/client/ping HTTP/1.1\r\n\r\n");
        assertJson(noHost, 400, "");
        assertThat(noHost.json().get("message").asString()).isNotBlank();

        RawResponse version = send("GET /v2/zapier/client/ping HTTP/9.9\r\nHost: x\r\n\r\n");
        assertJson(version, 505, "");
        assertThat(version.json().get("message").asString()).isNotBlank();
    }

    private static void assertJson(RawResponse response, int status, String request) {
        assertThat(response.status()).as(request).isEqualTo(status);
        assertThat(response.contentType()).as(request).startsWith("application/json");
    }

    private record RawResponse(int status, String head, JsonNode json) {

        String contentType() {
            for (String line : head.split("\r\n")) {
                if (line.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                    return line.substring(13).strip();
                }
            }
            return "";
        }
    }

    private RawResponse send(String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            try {
                socket.getInputStream().transferTo(received);
            } catch (IOException resetAfterTheAnswer) {
                // Tomcat may reset the connection after answering, while unread request bytes remain.
            }
            String text = received.toString(StandardCharsets.UTF_8);
            int split = text.indexOf("\r\n\r\n");
            assertThat(split).as("a complete HTTP response to %s", request.substring(0, Math.min(80, request.length())))
                    .isPositive();
            String head = text.substring(0, split);
            String body = text.substring(split + 4);
            return new RawResponse(Integer.parseInt(head.split(" ")[1].strip()), head, Http.json().readTree(body));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
