package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.platform.AdministratorActed;
import io.portico.platform.RequestOrigin;
import io.portico.support.Http;
import io.portico.support.JsonAssert;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * Each Operator/Equipment route answers like the published example (copied from the API document
 * into src/test/resources/golden/console). Where this test's data reproduces the example (plans
 * added and configured, TandC, the pending enables, the equipment and webhook logs), values are
 * compared too, the document's operator key standing for this test's. The other listings' examples
 * show another operator's data set (anonymised addresses, other venues, plans and log lines, in
 * orders Portico does not use), so those compare keys, nesting and types, and the values this
 * test's data determines are asserted one by one.
 */
@PorticoIntegrationTest
class OperatorEquipmentGoldenTest {

    private static final String BASE = "/preview/networkoperatorconsole/equipment/";
    /** The operator keys the document's examples were taken from; each stands for this test's operator. */
    private static final List<String> DOCUMENTED_OPERATORS = List.of("USA.MA.12345.ROAMINIQDEMO.SAMPLETOWN3",
            "USA.VA.22102.CustomerANAGEDPROPERTIES.City", "USA.SAMPLE.12345.SAMPLEPROPERTY.SAMPLECITY", "ANON_OPERATOR_ID");

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    ConsoleWorld world;

    @BeforeEach
    void setUp() {
        world = new ConsoleWorld(context, new Http(port));
    }

    /** Keys, nesting and types of the example; the free-form objects ({@code event}, {@code Payload}) only need to be objects. */
    private static JsonAssert shapeOf(String route) {
        return JsonAssert.matchesGolden("console/" + route + ".json").shapeOnlyAt("")
                .freeFormAt("/log/*/event", "/Webhooks/*/Payload");
    }

    private JsonAssert golden(String route) {
        JsonAssert golden = JsonAssert.matchesGolden("console/" + route + ".json");
        DOCUMENTED_OPERATORS.forEach(key -> golden.replacing(key, world.operator.key()));
        return golden;
    }

    private JsonNode ok(String route, Object... body) {
        Http.Response r = world.admin.post(BASE + route, body);
        assertThat(r.status()).as("%s: %s", route, r.raw()).isEqualTo(200);
        return r.json();
    }

    @Test
    void listPendingGatewayVLANEnableMatchesTheDocumentedExample() {
        JsonNode body = ok("gateway/listPendingGatewayVLANEnable");
        // The first entry is this test's venue; the example's second unit is at another venue, its
        // addresses were obfuscated when the document was saved, and VLANs are assigned from the range.
        golden("listPendingGatewayVLANEnable")
                .replacing("USA.VA.22102.CustomerANAGEDPROPERTIES.City._V3VENUE.USA.TX.75001.Site.ADDISON", world.venue.key())
                .ignoringValuesAt("/Subscriptions/1/VenueID", "/Subscriptions/1/UnitID_internal", "/Subscriptions/*/vlan",
                        "/Subscriptions/*/SubscriberEmail", "/Subscriptions/*/StartDateTimeUTC.ISO8601",
                        "/Subscriptions/1/EndDateTimeUTC.ISO8601")
                .assertMatches(body);
        JsonNode first = body.get("Subscriptions").get(0);
        assertThat(first.get("vlan").asInt()).isEqualTo(world.activeUnit.vlan());
        assertThat(first.get("SubscriberEmail").asString()).isEqualTo(world.active.subscriber().email());
        assertThat(body.get("Subscriptions").get(1).get("UnitID_internal").asString()).isEqualTo(world.endingUnit.key());
    }

    @Test
    void listPendingGatewayVLANDisableMatchesTheDocumentedExample() {
        JsonNode body = ok("gateway/listPendingGatewayVLANDisable");
        shapeOf("listPendingGatewayVLANDisable").assertMatches(body);
        assertThat(body.get("SubscriptionCount").asInt()).isEqualTo(1);
        JsonNode entry = body.get("Subscriptions").get(0);
        assertThat(entry.get("UnitID_internal").asString()).isEqualTo(world.endedUnit.key());
        assertThat(entry.get("vlan").asInt()).isEqualTo(world.endedUnit.vlan());
        assertThat(entry.get("Status").asString()).isEqualTo("VLAN enabled.");
    }

    @Test
    void listServicePlansIsABareArrayLikeTheDocumentedExample() {
        JsonNode body = ok("listServicePlans");
        assertThat(body.isArray()).isTrue();
        shapeOf("listServicePlans").assertMatches(body);
        JsonNode retail = body.get(1);
        assertThat(retail.get("ServicePlanName").asString()).isEqualTo("1 Gbps (Retail)");
        assertThat(retail.get("BillingCyclePrice.USD").asLong()).isEqualTo(1600);
        assertThat(retail.get("BillingCycleHours").asDouble()).isEqualTo(730.5);
    }

    @Test
    void addServicePlanMatchesTheDocumentedExample() {
        JsonNode body = ok("addServicePlan", "ServicePlanName", "Test Plan", "DownloadKbps", 100000, "UploadKbps", 100000,
                "ConcurrentDevices", 100, "GloballyAvailablePlan", false, "ServicePlanDescription", "This is a test Pllan",
                "externalServicePlanID", "ID", "FCCLabel", Map.of(), "TrialCycles", 0, "BillingCycleHours", 730.5,
                "BillingCyclePrice.USD", 0, "MaximumFreeEnrollmentsPerSubscriberPerVenue", 0, "SessionTimeoutSecondsPerDevice", 3600);
        golden("addServicePlan").assertMatches(body);
        String id = world.operator.key() + "._V3SERVICEPLAN_.TESTPLAN";
        assertThat(body.get("ServicePlanID").asString()).isEqualTo(id);
        assertThat(body.get("message").asString()).isEqualTo("Plan added: " + id
                + " - 100000 UP / 100000 DOWN - 100 concurrent devices per subscriber. ");
    }

    @Test
    void configureServicePlanMatchesTheDocumentedExample() {
        ok("addServicePlan", "ServicePlanName", "Test Plan", "DownloadKbps", 100000, "UploadKbps", 100000,
                "ConcurrentDevices", 100, "externalServicePlanID", "ID", "BillingCyclePrice.USD", 0);
        JsonNode body = ok("configureServicePlan", "ServicePlanID", world.operator.key() + "._V3SERVICEPLAN_.TESTPLAN",
                "ServicePlanName", "Test Plan", "DownloadKbps", 250000, "UploadKbps", 250000, "ConcurrentDevices", 100,
                "GloballyAvailablePlan", false, "externalServicePlanID", "IDchange", "TrialCycles", 0,
                "BillingCycleHours", 730.5, "BillingCyclePrice.USD", 0, "MaximumFreeEnrollmentsPerSubscriberPerVenue", 0,
                "SessionTimeoutSecondsPerDevice", 3600);
        golden("configureServicePlan").assertMatches(body);
        assertThat(body.get("message").asString()).isEqualTo("Updated externalServicePlanID = IDchange. "
                + "Updating UploadKbps to 250000. Updating DownloadKbps to 250000. Updating BillingCyclePrice.USD to 0. ");
    }

    @Test
    void listOperatorDetailsMatchesTheDocumentedExample() {
        JsonNode body = ok("listOperatorDetails");
        shapeOf("listOperatorDetails").assertMatches(body);
        assertThat(body.get("OperatorID").asString()).isEqualTo(world.operator.key());
        assertThat(body.get("PMG").get("PropertyManagementGroupID").asString()).isEqualTo(world.client.key());
    }

    @Test
    void listEmailTemplatesMatchesTheDocumentedExample() {
        JsonNode body = ok("listEmailTemplates");
        shapeOf("listEmailTemplates").assertMatches(body);
        assertThat(body.get("DynamicVariables").asString()).contains("{operatorname}", "{venuename}");
    }

    @Test
    void listOperatorLogMatchesTheDocumentedExample() {
        ok("addServicePlan", "ServicePlanName", "Logged Plan", "DownloadKbps", 1000, "UploadKbps", 1000, "ConcurrentDevices", 5);
        context.getBean(TransactionTemplate.class).executeWithoutResult(tx -> context.publishEvent(new AdministratorActed(world.operator.id(), null, RequestOrigin.SYSTEM,
                        "vault_networkoperator_equipmentConfigurator", Map.of("Command", "modify", "PORT", 1),
                        world.venue.key(), "", clock.instant())));
        JsonNode body = ok("listOperatorLog");
        shapeOf("listOperatorLog").allowingExtraKeys("SourceUA").assertMatches(body);
        assertThat(body.get("log_returned").asInt()).isEqualTo(body.get("log").size()).isEqualTo(2);
        assertThat(body.get("log_count").asInt()).isEqualTo(2);
    }

    @Test
    void configureTandCMatchesTheDocumentedExample() {
        String text = "Please review and accept the terms of use to enable your Wi-Fi access. ";
        JsonNode body = ok("configureTandC", "locale", "en-us", "TandC", text);
        golden("configureTandC").assertMatches(body);
        assertThat(body.get("TandC.en-us").asString()).isEqualTo(text);
    }

    @Test
    void listEquipmentLogMatchesTheDocumentedExample() {
        JsonNode body = ok("listEquipmentLog", "EquipmentID", world.gateway.key());
        // The equipment key holds this test's operator and venue; the example's is in another city.
        golden("listEquipmentLog").ignoringValuesAt("/EquipmentID", "/log/*/dateAddedUTC.ISO8601").assertMatches(body);
        assertThat(body.get("EquipmentID").asString()).isEqualTo(world.gateway.key());
    }

    @Test
    void listWebhookLogMatchesTheDocumentedExample() {
        JsonNode body = ok("listWebhookLog");
        // Each type's payload is pinned by WebhookPayloadTest; here the log's own fields count.
        golden("listWebhookLog").freeFormAt("/Webhooks/*/Payload").ignoringValuesAt("/Webhooks/*/dateAddedUTC.ISO8601")
                .assertMatches(body);
    }
}
