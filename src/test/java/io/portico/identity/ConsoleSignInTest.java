package io.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.platform.Role;
import io.portico.support.ConsoleSession;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.tenant.Operator;

@PorticoIntegrationTest
class ConsoleSignInTest {

    private static final String LOGIN = "/preview/subscriberconsole/login";
    private static final String REFRESH = "/preview/subscriberconsole/refreshAccessToken";
    private static final String LIST_CLIENTS = "/preview/networkoperatorconsole/clients/listClients";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    Http http;
    Operator operator;
    String email;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        operator = fixtures.operator();
        email = fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http.Response login(String password) {
        return http.postJson(LOGIN, Http.body("EmailAddress", email, "Password", password));
    }

    @Test
    void signInAnswersInTheConsoleShape() {
        var r = login(Fixtures.PASSWORD);

        assertThat(r.status()).isEqualTo(200);
        var result = r.json().get("AuthenticationResult");
        assertThat(result.get("AccessToken").asString()).hasSizeGreaterThanOrEqualTo(43);
        assertThat(result.get("RefreshToken").asString()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(result.get("AccessToken").asString());
        assertThat(result.get("ExpiresIn").isIntegralNumber()).isTrue();
        assertThat(result.get("ExpiresIn").asLong()).isEqualTo(3600);
        assertThat(result.get("TokenType").asString()).isEqualTo("Bearer");
        assertThat(r.json().get("errorProcessing").asBoolean()).isFalse();
    }

    @Test
    void emailIsMatchedWithoutRegardToCase() {
        var r = http.postJson(LOGIN, Http.body("EmailAddress", email.toUpperCase(), "Password", Fixtures.PASSWORD));
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSame401() {
        var wrong = login("not the password at all");
        var unknown = http.postJson(LOGIN, Http.body("EmailAddress", "nobody-" + Fixtures.unique() + "@example.com", "Password", "whatever-password"));

        assertThat(wrong.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrong.json().get("message").asString()).isEqualTo(unknown.json().get("message").asString());
        assertThat(wrong.json().get("errorProcessing").asBoolean()).isTrue();
    }

    @Test
    void accessTokenWorksUntilItExpires() {
        ConsoleSession session = ConsoleSession.login(http, email, Fixtures.PASSWORD);
        assertThat(session.post(LIST_CLIENTS).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(59));
        assertThat(session.post(LIST_CLIENTS).status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        var expired = session.post(LIST_CLIENTS);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.json().get("message").asString()).isEqualTo("AccessToken is invalid or expired.");
    }

    @Test
    void bearerHeaderWorksInsteadOfTheBodyField() {
        ConsoleSession session = ConsoleSession.login(http, email, Fixtures.PASSWORD);
        var r = http.postJson(LIST_CLIENTS, "{}", "Authorization", "Bearer " + session.accessToken());
        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void refreshRotatesTheTokensAndASecondUseRevokesTheSession() {
        var first = login(Fixtures.PASSWORD).json().get("AuthenticationResult");
        String refresh = first.get("RefreshToken").asString();

        var refreshed = http.postJson(REFRESH, Http.body("RefreshToken", refresh));
        assertThat(refreshed.status()).isEqualTo(200);
        var second = refreshed.json().get("AuthenticationResult");
        assertThat(second.get("RefreshToken").asString()).isNotEqualTo(refresh);
        String newAccess = second.get("AccessToken").asString();
        assertThat(http.postJson(LIST_CLIENTS, Http.body("AccessToken", newAccess)).status()).isEqualTo(200);

        var reused = http.postJson(REFRESH, Http.body("RefreshToken", refresh));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("message").asString()).contains("already used");
        // The copy was detected: the whole session, including the fresh tokens, is gone.
        assertThat(http.postJson(LIST_CLIENTS, Http.body("AccessToken", newAccess)).status()).isEqualTo(401);
        assertThat(http.postJson(REFRESH, Http.body("RefreshToken", second.get("RefreshToken").asString())).status()).isEqualTo(401);
    }

    @Test
    void refreshTokenExpires() {
        String refresh = login(Fixtures.PASSWORD).json().get("AuthenticationResult").get("RefreshToken").asString();
        clock.advance(Duration.ofDays(30).plusSeconds(1));
        assertThat(http.postJson(REFRESH, Http.body("RefreshToken", refresh)).status()).isEqualTo(401);
    }

    @Test
    void tokensAreStoredOnlyAsDigests() {
        var result = login(Fixtures.PASSWORD).json().get("AuthenticationResult");
        String access = result.get("AccessToken").asString();
        String refresh = result.get("RefreshToken").asString();

        var stored = jdbc.sql("select token_hash from admin_token").query(String.class).list();
        assertThat(stored).doesNotContain(access, refresh);
        assertThat(stored).contains(Secrets.digest(access), Secrets.digest(refresh));
        String hash = jdbc.sql("select password_hash from administrator where email = ?").param(email).query(String.class).single();
        assertThat(hash).startsWith("$argon2id$").doesNotContain(Fixtures.PASSWORD);
    }

    @Test
    void fiveWrongPasswordsLockTheAccountForFifteenMinutes() {
        for (int i = 1; i <= 4; i++) {
            assertThat(login("wrong password " + i).status()).as("attempt %d", i).isEqualTo(401);
        }
        var fifth = login("wrong password 5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.header("Retry-After")).isEqualTo("900");

        var rightButLocked = login(Fixtures.PASSWORD);
        assertThat(rightButLocked.status()).isEqualTo(429);
        assertThat(rightButLocked.json().get("message").asString()).contains("locked until");
        assertThat(rightButLocked.json().get("errorProcessing").asBoolean()).isTrue();

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(Fixtures.PASSWORD).status()).isEqualTo(200);

        long lockEntries = jdbc.sql("select count(*) from operator_log where operator_id = ? and event_json like ?")
                .params(operator.id(), "%locked until%").query(Long.class).single();
        assertThat(lockEntries).isEqualTo(1);
    }

    @Test
    void aSuccessfulSignInResetsTheFailureCount() {
        for (int i = 0; i < 4; i++) {
            login("wrong password");
        }
        assertThat(login(Fixtures.PASSWORD).status()).isEqualTo(200);
        for (int i = 0; i < 4; i++) {
            assertThat(login("wrong password").status()).isEqualTo(401);
        }
    }

    @Test
    void missingFieldsAreNamed() {
        var r = http.postJson(LOGIN, Http.body("Password", "x"));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("message").asString()).contains("EmailAddress");
    }
}
