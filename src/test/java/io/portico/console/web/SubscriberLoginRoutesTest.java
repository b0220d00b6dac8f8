package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * The console's one sign-in for administrators and residents: who the token is for, that each
 * kind opens only its own routes, refresh and logout for both, the residents' lockout, and that
 * tokens are stored only as digests.
 */
@PorticoIntegrationTest
class SubscriberLoginRoutesTest {

    static final String LOGIN = "/preview/subscriberconsole/login";
    static final String REFRESH = "/preview/subscriberconsole/refreshAccessToken";
    static final String LOGOUT = "/preview/subscriberconsole/logout";
    static final String PROFILE = "/preview/subscriberconsole/resident/getProfile";
    static final String OPERATOR_ROUTE = "/preview/networkoperatorconsole/equipment/listOperatorLog";

    @Autowired ApplicationContext context;
    @Autowired Fixtures fixtures;
    @Autowired TestClock clock;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    ResidentWorld world;
    Http http;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        http = new Http(port);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Http.Response login(String email, String password) {
        return http.postJson(LOGIN, Map.of("EmailAddress", email, "Password", password));
    }

    private Http.Response call(String path, String token) {
        return http.postJson(path, Map.of("AccessToken", token));
    }

    @Test
    void aResidentSignsInWhereAdministratorsDoAndTheTokenSaysWhoItIs() {
        String resident = world.residentWithPassword();
        JsonNode residentResult = login(resident, ResidentWorld.PASSWORD).json().get("AuthenticationResult");
        assertThat(residentResult.get("Principal").asString()).isEqualTo("Subscriber");
        assertThat(residentResult.get("TokenType").asString()).isEqualTo("Bearer");
        assertThat(residentResult.get("ExpiresIn").asLong()).isEqualTo(3600L);
        String residentToken = residentResult.get("AccessToken").asString();

        String admin = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        JsonNode adminResult = login(admin, Fixtures.PASSWORD).json().get("AuthenticationResult");
        assertThat(adminResult.get("Principal").asString()).isEqualTo("Administrator");
        String adminToken = adminResult.get("AccessToken").asString();

        Http.Response profile = call(PROFILE, residentToken);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.json().get("EmailAddress").asString()).isEqualTo(resident);
        assertThat(call(OPERATOR_ROUTE, adminToken).status()).isEqualTo(200);

        Http.Response residentOnOperatorRoute = call(OPERATOR_ROUTE, residentToken);
        assertThat(residentOnOperatorRoute.status()).isEqualTo(401);
        assertThat(residentOnOperatorRoute.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(http.postJson(OPERATOR_ROUTE, Map.of(), "Authorization", "Bearer " + residentToken).status()).isEqualTo(401);
        Http.Response adminOnResidentRoute = call(PROFILE, adminToken);
        assertThat(adminOnResidentRoute.status()).isEqualTo(401);
        assertThat(adminOnResidentRoute.json().get("message").asString()).contains("not a valid subscriber token");

        assertThat(jdbc.sql("select count(*) from subscriber_token where token_hash = ?").param(residentToken)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from subscriber_token t join subscriber_session s on s.id = t.session_id "
                + "join subscriber r on r.id = s.subscriber_id where r.email = ?").param(resident).query(Long.class).single())
                .isEqualTo(2L);
    }

    @Test
    void refreshWorksOnceForBothKindsAndLogoutEndsTheSession() {
        String resident = world.residentWithPassword();
        JsonNode first = login(resident, ResidentWorld.PASSWORD).json().get("AuthenticationResult");
        Http.Response refreshed = http.postJson(REFRESH, Map.of("RefreshToken", first.get("RefreshToken").asString()));
        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode second = refreshed.json().get("AuthenticationResult");
        assertThat(second.get("Principal").asString()).isEqualTo("Subscriber");
        assertThat(call(PROFILE, second.get("AccessToken").asString()).status()).isEqualTo(200);

        Http.Response reused = http.postJson(REFRESH, Map.of("RefreshToken", first.get("RefreshToken").asString()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().get("message").asString()).contains("already used");
        assertThat(call(PROFILE, second.get("AccessToken").asString()).status()).as("the copied session is revoked").isEqualTo(401);

        String admin = fixtures.administrator(world.operator, Role.DOMAIN_ADMINISTRATORS);
        JsonNode adminGrant = login(admin, Fixtures.PASSWORD).json().get("AuthenticationResult");
        JsonNode adminRefreshed = http.postJson(REFRESH, Map.of("RefreshToken", adminGrant.get("RefreshToken").asString()))
                .json().get("AuthenticationResult");
        assertThat(adminRefreshed.get("Principal").asString()).isEqualTo("Administrator");

        String third = login(resident, ResidentWorld.PASSWORD).json().get("AuthenticationResult").get("AccessToken").asString();
        assertThat(call(LOGOUT, third).status()).isEqualTo(200);
        assertThat(call(PROFILE, third).status()).isEqualTo(401);
        String adminAccess = adminRefreshed.get("AccessToken").asString();
        assertThat(call(LOGOUT, adminAccess).status()).isEqualTo(200);
        assertThat(call(OPERATOR_ROUTE, adminAccess).status()).isEqualTo(401);
        assertThat(http.postJson(LOGOUT, Map.of()).status()).isEqualTo(200);
    }

    @Test
    void fiveWrongPasswordsLockTheResidentForFifteenMinutes() {
        String resident = world.residentWithPassword();
        for (int i = 1; i <= 4; i++) {
            Http.Response wrong = login(resident, "wrong password " + i);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(wrong.json().get("message").asString()).isEqualTo("Email address or password is incorrect.");
        }
        Http.Response fifth = login(resident, "wrong password 5");
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(890L, 900L);
        assertThat(login(resident, ResidentWorld.PASSWORD).status()).isEqualTo(429);

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(login(resident, ResidentWorld.PASSWORD).status()).isEqualTo(200);
        assertThat(login(resident, "wrong again").status()).as("a success resets the count").isEqualTo(401);
    }

    @Test
    void anUnknownEmailAndAResidentWithoutPasswordAreRefusedAlike() {
        String noPassword = world.resident("en-us");
        Http.Response unknown = login("nobody-" + Fixtures.unique().toLowerCase() + "@example.com", "some password here");
        Http.Response without = login(noPassword, "some password here");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(without.status()).isEqualTo(401);
        assertThat(without.json().get("message").asString()).isEqualTo(unknown.json().get("message").asString());
        assertThat(login("not-an-email", "x").status()).isEqualTo(400);
    }

    @Test
    void thePasswordPicksTheResidentWhenTwoOperatorsShareAnEmail() {
        String email = world.residentWithPassword();
        ResidentWorld other = new ResidentWorld(context);
        other.residentWithEmail(email, "the other operator's password");
        String token = login(email, "the other operator's password").json().get("AuthenticationResult").get("AccessToken").asString();
        assertThat(call(PROFILE, token).json().get("SubscriberToken").asString())
                .isEqualTo(other.subscriberToken(email));
        String first = login(email, ResidentWorld.PASSWORD).json().get("AuthenticationResult").get("AccessToken").asString();
        assertThat(call(PROFILE, first).json().get("SubscriberToken").asString()).isEqualTo(world.subscriberToken(email));
    }
}
