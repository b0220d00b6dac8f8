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
}
