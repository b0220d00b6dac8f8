package io.portico.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.identity.IdentityService;
import io.portico.support.PorticoIntegrationTest;
import io.portico.tenant.Client;
import io.portico.tenant.TenantService;

/** The demo data set loads the guest world the issue asks for, deterministically. */
@PorticoIntegrationTest
class GuestDemoSeedTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    @Test
    void demoLoadsHotspotsGuestsPurchasesAndConnections() {
        TenantService tenants = context.getBean(TenantService.class);
        if (tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY).isEmpty()) {
            new DemoDataLoader(new DemoProperties(true, null, "demo-password-for-tests", null, null, null), tenants,
                    context.getBean(IdentityService.class), List.copyOf(context.getBeansOfType(DemoSeed.class).values()),
                    context.getBean(TransactionTemplate.class), context.getBean(Clock.class)).run(null);
        }
        long operatorId = tenants.findOperatorByKey(DemoDataLoader.OPERATOR_KEY).orElseThrow().id();
        assertThat(count("select count(*) from hotspot where operator_id = ?", operatorId)).isEqualTo(20);
        assertThat(count("select count(*) from guest g join client c on c.id = g.client_id where c.operator_id = ?", operatorId))
                .isEqualTo(GuestDemoSeed.GUESTS);
        assertThat(count("select count(*) from connection_session s join client c on c.id = s.client_id where c.operator_id = ?",
                operatorId)).isEqualTo(GuestDemoSeed.CONNECTIONS);
        assertThat(count("select count(distinct terminate_cause) from connection_session s join client c on c.id = s.client_id"
                + " where c.operator_id = ?", operatorId)).isGreaterThanOrEqualTo(6);
        assertThat(jdbc.sql("select distinct payment_gateway from guest_plan_purchase p join client c on c.id = p.client_id"
                + " where c.operator_id = ?").param(operatorId).query(String.class).list())
                .contains("Voucher", "Stripe", "PayPal");
        assertThat(count("select count(distinct client_id) from guest_plan where client_id in (select id from client where operator_id = ?)",
                operatorId)).isEqualTo(2);
    }

    @Test
    void guestDraftsAreTheSameForTheSameSeed() {
        Client client = new Client(1, 1, "DEMO.KEY", "Demo", Instant.EPOCH);
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        var first = GuestDemoSeed.guestDrafts(client, 50, new Random(7), now);
        var second = GuestDemoSeed.guestDrafts(client, 50, new Random(7), now);
        assertThat(second).isEqualTo(first);
        assertThat(first.stream().map(g -> g.macAddress()).distinct()).hasSize(50);
    }

    private long count(String sql, long operatorId) {
        return jdbc.sql(sql).param(operatorId).query(Long.class).single();
    }

}
