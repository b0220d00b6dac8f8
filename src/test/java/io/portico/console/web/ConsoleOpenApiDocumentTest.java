package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import tools.jackson.databind.JsonNode;

/** Every console route of issue 4 is in the OpenAPI document with a summary. */
@PorticoIntegrationTest
class ConsoleOpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void documentsTheOperatorEquipmentAndManagementRoutes() {
        Http.Response r = new Http(port).get("/v3/api-docs");
        assertThat(r.status()).isEqualTo(200);
        JsonNode paths = r.json().get("paths");
        for (String route : List.of("equipment/gateway/listPendingGatewayVLANEnable", "equipment/gateway/listPendingGatewayVLANDisable",
                "equipment/listServicePlans", "equipment/addServicePlan", "equipment/configureServicePlan",
                "equipment/listOperatorDetails", "equipment/listEmailTemplates", "equipment/listOperatorLog",
                "equipment/configureTandC", "equipment/listEquipmentLog", "equipment/listWebhookLog",
                "subscribers/addKey", "subscribers/resetKey", "venues/listVenues", "venues/addVenue", "venues/updateVenue",
                "units/addUnit", "units/updateUnit", "equipment/addEquipment", "equipment/updateEquipment",
                "equipment/gateway/confirmGatewayVLAN", "subscriptions/endSubscription", "subscriptions/adjustSubscription",
                "operator/configureNetworkConfiguration", "operator/configureShoppingCart", "operator/configureWebhook")) {
            JsonNode post = paths.path("/preview/networkoperatorconsole/" + route).path("post");
            assertThat(post.path("summary").asString()).as(route).isNotBlank();
            assertThat(post.path("responses").has("403")).as(route).isTrue();
        }
    }

    @Test
    void documentsEveryConfigureRouteBodyAndNoInternalArguments() {
        JsonNode doc = new Http(port).get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        assertThat(paths.has("/error")).isFalse();
        for (String path : paths.propertyNames()) {
            for (JsonNode operation : paths.get(path)) {
                for (JsonNode parameter : operation.path("parameters")) {
                    assertThat(parameter.get("name").asString()).as(path).isNotIn("actor", "principal", "client");
                }
                assertThat(operation.has("security")).as(path).isTrue();
            }
            if (path.startsWith("/preview/networkoperatorconsole/operator/configure")) {
                String ref = paths.get(path).path("post").path("requestBody").path("content").path("application/json")
                        .path("schema").path("$ref").asString();
                JsonNode schema = doc.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
                assertThat(schema.path("properties").size()).as(path).isPositive();
            }
        }
        assertThat(paths.get("/preview/subscriberconsole/login").get("post").get("security")).isEmpty();
        assertThat(paths.get("/v2/zapier/client/ping").get("get").get("security").toString())
                .isEqualTo("[{\"api_token\":[]},{\"GuestApiBearer\":[]}]");
        assertThat(paths.get("/preview/networkoperatorconsole/operator/configureWebhook").get("post").toString())
                .contains("ConfigureWebhook");
    }
}
