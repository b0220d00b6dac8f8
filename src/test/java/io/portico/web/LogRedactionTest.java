package io.portico.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Operator;

/** With request logging at DEBUG (which prints query strings), no token or password reaches the log. */
@PorticoIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionTest {

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    LoggingSystem logging;

    @AfterEach
    void quiet() {
        logging.setLogLevel("org.springframework.web", null);
        logging.setLogLevel("org.apache.coyote", null);
    }

    @Test
    void apiTokensAccessTokensAndPasswordsNeverReachTheLog(CapturedOutput output) {
        logging.setLogLevel("org.springframework.web", LogLevel.DEBUG);
        logging.setLogLevel("org.apache.coyote", LogLevel.DEBUG);
        Http http = new Http(port);
        Operator operator = fixtures.operator();
        String apiToken = fixtures.apiToken(fixtures.client(operator, "Cafe")).token();
        String email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);

        assertThat(http.get("/v2/zapier/client/ping?api_token=" + apiToken).status()).isEqualTo(200);
        assertThat(http.get("/v2/zapier/client/nothing?api_token=" + apiToken).status()).isEqualTo(404);
        var login = http.postJson("/preview/subscriberconsole/login", Http.body("EmailAddress", email, "Password", Fixtures.PASSWORD));
        String access = login.json().get("AuthenticationResult").get("AccessToken").asString();
        http.postJson("/preview/networkoperatorconsole/clients/listClients", Http.body("AccessToken", access));

        // The request was logged (so the test can fail), but only with the token masked.
        assertThat(output.getAll()).contains("/v2/zapier/client/ping");
        assertThat(output.getAll()).doesNotContain(apiToken).doesNotContain(access).doesNotContain(Fixtures.PASSWORD);
    }
}
