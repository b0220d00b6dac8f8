package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.hotspot.GatewayKind;
import io.portico.hotspot.Hotspot;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.Credentials;
import io.portico.radius.GuestAuthorizer;
import io.portico.radius.NasClient;
import io.portico.radius.NewNasClient;
import io.portico.radius.RadiusService;
import io.portico.support.Fixtures;
import io.portico.support.PortalWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** Voucher batches for printing: paging, redemptions with their hotspot, revocation at the portal and over RADIUS. */
@PorticoIntegrationTest
class VoucherBatchTest {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    @Autowired ApplicationContext context;
    @Autowired TestClock clock;
    @Autowired GuestPlanService plans;
    @Autowired GuestAuthorizer radiusGuests;
    @Autowired RadiusService radius;
    @Autowired JdbcClient jdbc;

    PortalWorld world;
    Actor admin;
    NasClient nas;

    @BeforeEach
    void setUp() {
        clock.fix(NOW);
        world = new PortalWorld(context, "Batch Hotel", GatewayKind.MIKROTIK);
        admin = new Actor(world.world.operator.id(), 1, "admin@example.com", "Ada", java.util.Set.of(Role.ACCOUNT_MANAGERS),
                RequestOrigin.SYSTEM);
        nas = radius.register(NewNasClient.forHotspot(world.world.operator.id(), "Lobby", "127.0.0.1",
                world.hotspot.nasIdentifier(), "secret-" + Fixtures.unique(), world.hotspot.id()));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long client() {
        return world.world.client.id();
    }

    private VoucherBatch batch(String label, int count) {
        return plans.createBatch(admin, new NewVoucherBatch(client(), world.dayPlan.id(), label, count, 1,
                NOW.plus(Duration.ofDays(30)), world.hotspot.id()));
    }

    private AccessDecision overRadius(Hotspot hotspot, String mac, String code) {
        return radiusGuests.authorize(hotspot.id(), new AccessAttempt(nas, hotspot.nasIdentifier(), MacAddress.parse(mac), code,
                new Credentials.Pap(code)));
    }

    @Test
    void aBatchHasItsVouchersInPrintingOrderPagedByKey() {
        VoucherBatch batch = batch("Lobby March", 25);

        assertThat(batch.count()).isEqualTo(25);
        assertThat(batch.createdBy()).isEqualTo("Ada (admin@example.com)");
        List<Voucher> first = plans.batchVouchers(admin, client(), batch.id(), 0, 10);
        List<Voucher> second = plans.batchVouchers(admin, client(), batch.id(), first.getLast().id(), 10);
        List<Voucher> third = plans.batchVouchers(admin, client(), batch.id(), second.getLast().id(), 10);
        assertThat(first).hasSize(10);
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(5);
        assertThat(first.getLast().id()).isLessThan(second.getFirst().id());
        assertThat(third).allSatisfy(v -> assertThat(v.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(30))));
    }

    @Test
    void batchesListNewestFirstAndStayWithinTheirClient() {
        VoucherBatch older = batch("Older", 2);
        VoucherBatch newer = batch("Newer", 2);

        List<VoucherBatch> page = plans.listBatches(admin, client(), null, 1);
        assertThat(page).extracting(VoucherBatch::id).containsExactly(newer.id());
        assertThat(plans.listBatches(admin, client(), newer.id(), 10)).extracting(VoucherBatch::id).containsExactly(older.id());

        PortalWorld other = new PortalWorld(context, "Other Hotel", GatewayKind.MIKROTIK);
        Actor otherAdmin = new Actor(other.world.operator.id(), 2, "x@example.com", "", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        assertThatThrownBy(() -> plans.batch(otherAdmin, client(), older.id())).isInstanceOf(PorticoException.class);
        assertThatThrownBy(() -> plans.batch(admin, other.world.client.id(), older.id())).isInstanceOf(PorticoException.class);
    }

    @Test
    void aRedemptionOverRadiusIsRecordedWithItsGuestAndHotspot() {
        VoucherBatch batch = batch("Lobby", 3);
        Voucher voucher = plans.batchVouchers(admin, client(), batch.id(), 0, 10).get(1);

        assertThat(overRadius(world.hotspot, "02:aa:00:00:00:01", voucher.code())).isInstanceOf(AccessDecision.Accept.class);

        List<VoucherRedemption> redemptions = plans.voucherRedemptions(admin, client(), voucher.id(), null, 10);
        assertThat(redemptions).singleElement().satisfies(r -> {
            assertThat(r.macAddress()).isEqualTo(MacAddress.parse("02:aa:00:00:00:01").toString());
            assertThat(r.hotspotId()).isEqualTo(world.hotspot.id());
            assertThat(r.redeemedAt()).isEqualTo(NOW);
            assertThat(r.code()).isEqualTo(voucher.code());
        });
        assertThat(plans.batch(admin, client(), batch.id()).redeemed()).isEqualTo(1);
        assertThat(plans.batchRedemptions(admin, client(), batch.id(), null, 10)).hasSize(1);
    }

    @Test
    void aRevokedVoucherIsRefusedAtThePortalAndOverRadiusAndTheRevocationIsLogged() {
        VoucherBatch batch = batch("Revoked", 2);
        List<Voucher> vouchers = plans.batchVouchers(admin, client(), batch.id(), 0, 10);
        plans.revokeVoucher(admin, client(), vouchers.get(0).id());
        plans.revokeVoucher(admin, client(), vouchers.get(1).id());

        AccessDecision decision = overRadius(world.hotspot, "02:aa:00:00:00:02", vouchers.get(0).code());
        assertThat(decision).isInstanceOfSatisfying(AccessDecision.Reject.class,
                r -> assertThat(r.reason()).contains("revoked"));
        assertThatThrownBy(() -> world.portal().signIn(new PortalSignIn(client(), world.hotspot.id(),
                MacAddress.parse("02:aa:00:00:00:03"), io.portico.hotspot.SignInMethod.VOUCHER, GuestProfile.EMPTY,
                Optional.of(vouchers.get(1).code()), Optional.empty(), "test", "192.0.2.1")))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(Problem.CONFLICT));
        assertThat(plans.batch(admin, client(), batch.id()).revoked()).isEqualTo(2);
        assertThat(plans.voucherRedemptions(admin, client(), vouchers.get(0).id(), null, 10)).isEmpty();
        Integer logged = jdbc.sql("select count(*) from operator_log where operator_id = ? and function_name = ?")
                .params(world.world.operator.id(), "/guests/revokeVoucher").query(Integer.class).single();
        assertThat(logged).isEqualTo(2);
    }

    @Test
    void anErasedGuestsRedemptionStaysCountedWithoutTheGuest() {
        VoucherBatch batch = batch("Erase", 1);
        Voucher voucher = plans.batchVouchers(admin, client(), batch.id(), 0, 10).getFirst();
        overRadius(world.hotspot, "02:aa:00:00:00:04", voucher.code());
        Guest guest = world.world.guests().findByMac(client(), MacAddress.parse("02:aa:00:00:00:04")).orElseThrow();

        world.world.guests().erase(world.admin, client(), guest.id());

        assertThat(plans.voucherRedemptions(admin, client(), voucher.id(), null, 10)).singleElement()
                .satisfies(r -> assertThat(r.macAddress()).isNull());
    }
}
