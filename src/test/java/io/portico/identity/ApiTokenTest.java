package io.portico.identity;

import static org.assertj.core.api.Assertions.assertThat;

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
import io.portico.tenant.Client;
import io.portico.tenant.Operator;
import tools.jackson.databind.JsonNode;

@PorticoIntegrationTest
class ApiTokenTest {

    private static final String BASE = "/preview/networkoperatorconsole/clients/";
    private static final String PING = "/v2/zapier/client/ping";

    @LocalServerPort
    int port;
    @Autowired
    Fixtures fixtures;
    @Autowired
    JdbcClient jdbc;

    Http http;
    Operator operator;
    Client client;
    ConsoleSession admin;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        operator = fixtures.operator();
        client = fixtures.client(operator, "Harbor Cafes");
        admin = ConsoleSession.login(http, fixtures.administrator(operator, Role.DOMAIN_ADMINISTRATORS), Fixtures.PASSWORD);
    }

    private JsonNode issue() {
        var r = admin.post(BASE + "addAPIToken", "ClientID", client.id(), "Label", "Zapier");
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.json();
    }

    @Test
    void anIssuedTokenIsShownOnceAndStoredOnlyAsADigest() {
        JsonNode issued = issue();
        String token = issued.get("APIToken").asString();

        assertThat(token).startsWith("ptk_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(issued.get("Prefix").asString()).isEqualTo(token.substring(0, 12));
        assertThat(http.get(PING + "?api_token=" + token).json().get("message").asString()).isEqualTo("success");

        var stored = jdbc.sql("select token_hash from api_token where client_id = ?").param(client.id()).query(String.class).list();
        assertThat(stored).containsExactly(Secrets.digest(token));

        var listed = admin.post(BASE + "listAPITokens", "ClientID", client.id());
        assertThat(listed.raw()).doesNotContain(token);
        assertThat(listed.json().get("APITokens").get(0).get("Prefix").asString()).isEqualTo(token.substring(0, 12));
        assertThat(listed.json().get("APITokens").get(0).get("Active").asBoolean()).isTrue();
    }

    @Test
    void tokensCarryAtLeast128RandomBitsAndNeverRepeat() {
        String a = issue().get("APIToken").asString();
        String b = issue().get("APIToken").asString();
        assertThat(a).isNotEqualTo(b);
        // 43 base64url characters after the prefix encode 256 bits.
        assertThat(a.substring(4)).matches("[A-Za-z0-9_-]{43}");
    }

    @Test
    void theBearerHeaderIsAcceptedToo() {
        String token = issue().get("APIToken").asString();
        assertThat(http.get(PING, "Authorization", "Bearer " + token).status()).isEqualTo(200);
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnce() {
        JsonNode issued = issue();
        String token = issued.get("APIToken").asString();
        assertThat(http.get(PING + "?api_token=" + token).status()).isEqualTo(200);

        var revoked = admin.post(BASE + "revokeAPIToken", "ClientID", client.id(), "APITokenID", issued.get("APITokenID").asLong());
        assertThat(revoked.status()).isEqualTo(200);

        var r = http.get(PING + "?api_token=" + token);
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.json().get("message").asString()).isEqualTo("API token is invalid or revoked.");
        assertThat(admin.post(BASE + "listAPITokens", "ClientID", client.id()).json().get("APITokens").get(0).get("Active").asBoolean()).isFalse();
    }

    @Test
    void anotherOperatorsClientIsInvisible() {
        Operator other = fixtures.operator();
        Client foreign = fixtures.client(other, "Other Co");
        fixtures.apiToken(foreign);

        assertThat(admin.post(BASE + "addAPIToken", "ClientID", foreign.id()).status()).isEqualTo(404);
        assertThat(admin.post(BASE + "listAPITokens", "ClientID", foreign.id()).status()).isEqualTo(404);
        assertThat(admin.post(BASE + "revokeAPIToken", "ClientID", foreign.id(), "APITokenID", 1).status()).isEqualTo(404);
        var clients = admin.post(BASE + "listClients").json().get("Clients");
        assertThat(clients.size()).isEqualTo(1);
        assertThat(clients.get(0).get("ClientID").asLong()).isEqualTo(client.id());
    }

    @Test
    void customerSupportMayListButNotIssueOrRevoke() {
        JsonNode issued = issue();
        var support = ConsoleSession.login(http, fixtures.administrator(operator, Role.CUSTOMER_SUPPORT), Fixtures.PASSWORD);

        assertThat(support.post(BASE + "listAPITokens", "ClientID", client.id()).status()).isEqualTo(200);
        var denied = support.post(BASE + "addAPIToken", "ClientID", client.id());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("errorProcessing").asBoolean()).isTrue();
        assertThat(support.post(BASE + "revokeAPIToken", "ClientID", client.id(), "APITokenID", issued.get("APITokenID").asLong()).status())
                .isEqualTo(403);
        long count = jdbc.sql("select count(*) from api_token where client_id = ? and revoked_at is null").param(client.id())
                .query(Long.class).single();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void siemAdministratorsCannotReadClients() {
        var siem = ConsoleSession.login(http, fixtures.administrator(operator, Role.SIEM_ADMINISTRATORS), Fixtures.PASSWORD);
        assertThat(siem.post(BASE + "listClients").status()).isEqualTo(403);
    }

    @Test
    void everyTokenChangeIsInTheOperatorLogWithWhoAndWhence() {
        JsonNode issued = issue();
        admin.post(BASE + "revokeAPIToken", "ClientID", client.id(), "APITokenID", issued.get("APITokenID").asLong());

        var rows = jdbc.sql("select function_name, administrator, source_ip, source_ua from operator_log where operator_id = ? order by id")
                .param(operator.id()).query((rs, n) -> rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .list();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("/clients/addAPIToken|Admin admin-").contains("|127.0.0.1|Java-http-client");
        assertThat(rows.get(1)).startsWith("/clients/revokeAPIToken|");
        String events = String.join(" ", jdbc.sql("select event_json from operator_log where operator_id = ?").param(operator.id())
                .query(String.class).list());
        assertThat(events).doesNotContain(issued.get("APIToken").asString());
    }
}
