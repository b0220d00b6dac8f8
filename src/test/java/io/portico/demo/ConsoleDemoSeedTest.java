package io.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.equipment.EquipmentService;
import io.portico.identity.IdentityService;
import io.portico.plan.PlanService;
import io.portico.subscription.SubscriptionService;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Operator;
import io.portico.tenant.TenantService;
import io.portico.unit.UnitService;

/** The --demo data set gives the console something in every list and every subscription state. */
@PorticoIntegrationTest
class ConsoleDemoSeedTest {

    @Autowired
    TenantService tenants;
    @Autowired
    IdentityService identity;
    @Autowired
    List<DemoSeed> seeds;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    Clock clock;
    @Autowired
    PlanService plans;
    @Autowired
    UnitService units;
    @Autowired
    EquipmentService equipment;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    io.portico.radius.RadiusService radius;

    @Test
    void demoHasPlansUnitsGatewaysAndSubscriptionsInEveryState() {
        new DemoDataLoader(new DemoProperties(true, null, "portico-demo-password", null, null, null), tenants, identity, seeds, transactions, clock)
                .run(null);
        Operator demo = tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY).orElseThrow();
        assertThat(plans.listByOperator(demo.id())).hasSize(4);
        assertThat(units.listByOperator(demo.id())).hasSize(200);
        assertThat(equipment.vlanStates(demo.id())).hasSize(5);
        assertThat(subscriptions.pendingEnables(demo.id())).hasSize(30);
        assertThat(subscriptions.pendingDisables(demo.id())).hasSize(30);
        var now = clock.instant();
        var all = subscriptions.startingOrEndingBetween(demo.id(), now.minusSeconds(86_400L * 1000), now.plusSeconds(86_400L * 1000));
        assertThat(all).extracting(s -> s.state(now)).contains(io.portico.subscription.Subscription.State.values());
    }

    @Test
    void loopbackIsTheRadiusClientOfEveryDemoHotspotAndGatewayToldApartByNasIdentifier() {
        new DemoDataLoader(new DemoProperties(true, null, "portico-demo-password", null, null, null), tenants, identity, seeds, transactions, clock)
                .run(null);
        Operator demo = tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY).orElseThrow();
        var clients = radius.clients(demo.id());
        assertThat(clients.stream().filter(c -> c.hotspotId().isPresent())).hasSize(20);
        assertThat(clients.stream().filter(c -> c.equipmentId().isPresent())).hasSize(5);
        assertThat(clients).allSatisfy(c -> assertThat(c.network().toString()).startsWith("127.0.0.1"));
        assertThat(clients.stream().map(c -> c.nasIdentifier()).distinct()).hasSize(25);
    }
}
