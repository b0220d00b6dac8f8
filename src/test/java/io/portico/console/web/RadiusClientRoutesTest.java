package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.platform.Role;
import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** The console's RADIUS client routes: DomainAdministrators only, secrets accepted and never returned, bad input a 400. */
@PorticoIntegrationTest
class RadiusClientRoutesTest {

    private static final String RADIUS = "/preview/networkoperatorconsole/radius/";
    private static final String SECRET = "gateway-shared-secret-7781";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    ConsoleWorld world;

    @BeforeEach
    void setUp() {
        world = new ConsoleWorld(context, new Http(port));
    }

    @Test
    void addsListsAndRemovesAGatewayClientWithoutEverReturningItsSecret() {
        Http.Response added = world.admin.post(RADIUS + "addClient", "Name", "Venue gateway", "Network", "203.0.113.0/28",
                "NASIdentifier", "gw-addison", "SharedSecret", SECRET, "EquipmentID", world.gateway.key());
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.raw()).doesNotContain(SECRET);
        long id = added.json().get("RADIUSClientID").asLong();
        assertThat(added.json().get("EquipmentID").asString()).isEqualTo(world.gateway.key());

        Http.Response listed = world.admin.post(RADIUS + "listClients");
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.raw()).doesNotContain(SECRET);
        JsonNode client = listed.json().get("RADIUSClients").get(0);
        assertThat(client.get("Network").asString()).isEqualTo("203.0.113.0/28");
        assertThat(client.get("SharedSecret").asString()).isEqualTo(RadiusClientController.MASK);
        assertThat(client.get("CoAPort").asInt()).isEqualTo(3799);

        assertThat(world.admin.post(RADIUS + "removeClient", "RADIUSClientID", id).status()).isEqualTo(200);
        assertThat(world.admin.post(RADIUS + "listClients").json().get("RADIUSClientCount").asInt()).isZero();
        assertThat(world.admin.post(RADIUS + "removeClient", "RADIUSClientID", id).status()).isEqualTo(404);
        assertThat(jdbc.sql("select function_name from operator_log where operator_id = ? and function_name like '/radius/%'")
                .param(world.operator.id()).query(String.class).list()).contains("/radius/addClient", "/radius/removeClient");
    }

    @Test
    void badInputIsA400AndOtherRolesAreRefused() {
        assertThat(world.admin.post(RADIUS + "addClient", "Name", "x", "Network", "not-an-ip", "SharedSecret", SECRET,
                "EquipmentID", world.gateway.key()).status()).isEqualTo(400);
        assertThat(world.admin.post(RADIUS + "addClient", "Name", "x", "Network", "10.0.0.1", "SharedSecret", "short",
                "EquipmentID", world.gateway.key()).status()).isEqualTo(400);
        assertThat(world.admin.post(RADIUS + "addClient", "Name", "x", "Network", "10.0.0.1", "SharedSecret", SECRET).status())
                .isEqualTo(400);
        assertThat(world.admin.post(RADIUS + "addClient", "Name", "x", "Network", "10.0.0.1", "SharedSecret", SECRET,
                "HotspotID", Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(world.admin.post(RADIUS + "addClient", "Name", "x", "Network", "10.0.0.1", "SharedSecret", SECRET,
                "EquipmentID", world.gateway.key(), "CoAPort", 70000).status()).isEqualTo(400);
        assertThat(world.admin.post(RADIUS + "removeClient").status()).isEqualTo(400);
        assertThat(world.session(Role.ACCOUNT_MANAGERS).post(RADIUS + "listClients").status()).isEqualTo(403);
        assertThat(world.session(Role.CUSTOMER_SUPPORT).post(RADIUS + "addClient", "Name", "x", "Network", "10.0.0.1",
                "SharedSecret", SECRET, "EquipmentID", world.gateway.key()).status()).isEqualTo(403);
    }
}
