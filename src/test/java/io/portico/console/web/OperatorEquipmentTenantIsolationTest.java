package io.portico.console.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.portico.support.Http;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** Two fully configured operators: neither one's administrators can read or change the other's data on any route. */
@PorticoIntegrationTest
class OperatorEquipmentTenantIsolationTest {

    private static final String EQ = "/preview/networkoperatorconsole/equipment/";
    private static final String CONSOLE = "/preview/networkoperatorconsole/";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    ConsoleWorld mine;
    ConsoleWorld theirs;

    @BeforeEach
    void setUp() {
        mine = new ConsoleWorld(context, new Http(port));
        theirs = new ConsoleWorld(context, new Http(port));
    }

    @Test
    void pendingVlanListsShowOnlyTheOperatorsOwnSubscriptions() {
        String enable = mine.admin.post(EQ + "gateway/listPendingGatewayVLANEnable").raw();
        String disable = mine.admin.post(EQ + "gateway/listPendingGatewayVLANDisable").raw();
        assertThat(enable).contains(mine.venue.key()).doesNotContain(theirs.venue.key());
        assertThat(disable).contains(mine.venue.key()).doesNotContain(theirs.venue.key());
    }

    @Test
    void servicePlansOfAnotherOperatorAreInvisibleAndUnchangeable() {
        assertThat(mine.admin.post(EQ + "listServicePlans").raw()).contains(mine.retail.key()).doesNotContain(theirs.operator.key());
        var r = mine.admin.post(EQ + "configureServicePlan", "ServicePlanID", theirs.retail.key(), "DownloadKbps", 1);
        assertThat(r.status()).isEqualTo(404);
        assertThat(theirs.admin.post(EQ + "listServicePlans").raw()).contains("\"DownloadKbps\":1000000");
        var added = mine.admin.post(EQ + "addServicePlan", "ServicePlanName", "Only Mine", "DownloadKbps", 1, "UploadKbps", 1,
                "ConcurrentDevices", 1);
        assertThat(added.json().get("ServicePlanID").asString()).startsWith(mine.operator.key());
        assertThat(theirs.admin.post(EQ + "listServicePlans").raw()).doesNotContain("Only Mine");
    }

    @Test
    void operatorDetailsAndEmailTemplatesAreTheCallersOwn() {
        var details = mine.admin.post(EQ + "listOperatorDetails").json();
        assertThat(details.get("OperatorID").asString()).isEqualTo(mine.operator.key());
        assertThat(details.toString()).doesNotContain(theirs.operator.key()).doesNotContain(theirs.client.key());
        assertThat(mine.admin.post(EQ + "listEmailTemplates").json().get("OperatorID").asString()).isEqualTo(mine.operator.key());
    }

    @Test
    void operatorLogShowsOnlyTheOperatorsOwnEntries() {
        theirs.admin.post(EQ + "configureServicePlan", "ServicePlanID", theirs.retail.key(), "TrialCycles", 3);
        assertThat(mine.admin.post(EQ + "listOperatorLog").json().get("log_count").asInt()).isZero();
        assertThat(theirs.admin.post(EQ + "listOperatorLog").json().get("log_count").asInt()).isEqualTo(1);
    }

    @Test
    void termsAndConditionsChangeOnlyTheCallersOperator() {
        mine.admin.post(EQ + "configureTandC", "locale", "en-us", "TandC", "<p>Mine</p>");
        assertThat(theirs.admin.post(EQ + "listOperatorDetails").json().get("TandC").get("en-us").asString()).isEqualTo("<h1>Terms</h1>");
    }

    @Test
    void equipmentLogOfAnotherOperatorIs404() {
        var r = mine.admin.post(EQ + "listEquipmentLog", "EquipmentID", theirs.gateway.key());
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.raw()).doesNotContain("Mikrotik");
        assertThat(mine.admin.post(EQ + "gateway/confirmGatewayVLAN", "EquipmentID", theirs.gateway.key(), "vlan", 1000,
                "Enabled", true).status()).isEqualTo(404);
    }

    @Test
    void webhookLogShowsOnlyTheOperatorsOwnDeliveries() {
        theirs.context().getBean(io.portico.webhook.WebhookService.class).recordDelivery(theirs.operator.id(),
                new io.portico.webhook.WebhookDelivery(clock.instant(), "TheirsOnly", "https://theirs.example",
                        java.util.Map.of(), java.util.List.of("Accepted")));
        assertThat(mine.admin.post(EQ + "listWebhookLog").raw()).doesNotContain("TheirsOnly");
        assertThat(theirs.admin.post(EQ + "listWebhookLog").raw()).contains("TheirsOnly");
    }

    @Test
    void subscribersUnitsAndVenuesOfAnotherOperatorAreOutOfReach() {
        assertThat(mine.admin.post(CONSOLE + "subscribers/addKey", "UnitID_internal", theirs.endedUnit.key(),
                "ServicePlanID", mine.retail.key(), "EmailAddress", "x@example.com", "GivenName", "X", "FamilyName", "Y").status())
                .isEqualTo(404);
        assertThat(mine.admin.post(CONSOLE + "subscribers/resetKey", "SubscriptionID", theirs.active.subscription().id()).status())
                .isEqualTo(404);
        assertThat(mine.admin.post(CONSOLE + "units/addUnit", "VenueID", theirs.venue.key(), "UnitID", "1", "UnitBuilding", "1",
                "UnitFloor", "1").status()).isEqualTo(404);
        assertThat(mine.admin.post(CONSOLE + "venues/listVenues").raw()).doesNotContain(theirs.venue.key());
        assertThat(mine.admin.post(CONSOLE + "subscribers/listSubscribers").raw())
                .doesNotContain(theirs.active.subscriber().email());
    }
}
