package io.portico.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;

@PorticoIntegrationTest
class HealthAndErrorsTest {

    @LocalServerPort
    int port;
    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void healthIsUpWithTheDatabase() {
        var r = http.get("/actuator/health/readiness");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void pingWithoutTokenIs401InGuestFormat() {
        var r = http.get("/v2/zapier/client/ping");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asString()).contains("API token is missing");
    }
}
