package io.portico.guest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;

/** Voucher redemption and active plans, as the RADIUS module and captive portal use them. */
@PorticoIntegrationTest
class VoucherAndPlanTest {

    static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    static final MacAddress PHONE = MacAddress.parse("02:11:22:33:44:55");
    static final MacAddress LAPTOP = MacAddress.parse("02-11-22-33-44-66");

    @Autowired
    ApplicationContext context;
    @Autowired
    TestClock clock;
    @Autowired
    GuestPlanService plans;

    GuestWorld world;
    GuestPlan plan;

    @BeforeEach
    void setUp() {
        clock.fix(NOW);
        world = new GuestWorld(context, "Voucher Hotel");
        plan = world.plan("Two Hours", Duration.ofHours(2));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Voucher voucher(int maxUses, Instant expiresAt) {
        return plans.createVouchers(new NewVouchers(world.client.id(), plan.id(), 1, null, maxUses, expiresAt), new Random(7))
                .getFirst();
    }

    private static void assertProblem(Runnable action, Problem problem) {
        assertThatThrownBy(action::run).isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(problem));
    }

    @Test
    void redeemingStartsThePlanForTheDeviceAndCreatesItsGuest() {
        Voucher v = voucher(1, null);
        Purchase purchase = plans.redeemVoucher(world.client.id(), v.code().toLowerCase(), PHONE);
        Guest guest = world.guests().findByMac(world.client.id(), PHONE).orElseThrow();
        assertThat(purchase.guestId()).isEqualTo(guest.id());
        assertThat(purchase.startsAt()).isEqualTo(NOW);
        assertThat(purchase.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        assertThat(purchase.paymentGateway()).isEqualTo("Voucher");
        assertThat(purchase.transactionId()).isEqualTo(v.code());
        ActiveGuestPlan active = plans.activePlan(world.client.id(), guest.id(), NOW.plusSeconds(60)).orElseThrow();
        assertThat(active.plan().name()).isEqualTo("Two Hours");
        assertThat(active.sessionProfile().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(active.remaining(NOW.plusSeconds(60))).isEqualTo(Duration.ofHours(2).minusSeconds(60));
        assertThat(plans.activePlan(world.client.id(), guest.id(), NOW.plus(Duration.ofHours(2)))).isEmpty();
    }

    @Test
    void singleUseVoucherRedeemsOnce() {
        Voucher v = voucher(1, null);
        plans.redeemVoucher(world.client.id(), v.code(), PHONE);
        assertProblem(() -> plans.redeemVoucher(world.client.id(), v.code(), LAPTOP), Problem.CONFLICT);
    }

    @Test
    void multiUseVoucherRedeemsUpToItsUses() {
        Voucher v = voucher(2, null);
        plans.redeemVoucher(world.client.id(), v.code(), PHONE);
        plans.redeemVoucher(world.client.id(), v.code(), LAPTOP);
        assertProblem(() -> plans.redeemVoucher(world.client.id(), v.code(), MacAddress.parse("02-00-00-00-00-99")),
                Problem.CONFLICT);
    }

    @Test
    void expiredOrUnknownVouchersDoNotRedeem() {
        Voucher v = voucher(5, NOW.plus(Duration.ofHours(1)));
        clock.fix(NOW.plus(Duration.ofHours(1)));
        assertProblem(() -> plans.redeemVoucher(world.client.id(), v.code(), PHONE), Problem.CONFLICT);
        assertProblem(() -> plans.redeemVoucher(world.client.id(), "NOPE-NOPE", PHONE), Problem.NOT_FOUND);
        GuestWorld other = new GuestWorld(context, "Other Hotel");
        assertProblem(() -> plans.redeemVoucher(other.client.id(), v.code(), PHONE), Problem.NOT_FOUND);
    }

    @Test
    void vouchersCannotExpireInThePast() {
        assertProblem(() -> voucher(1, NOW), Problem.INVALID_INPUT);
    }

    @Test
    void macAddressesAreNormalisedFromRadiusSpellings() {
        assertThat(MacAddress.parse("aabbccddeeff").value()).isEqualTo("AA-BB-CC-DD-EE-FF");
        assertThat(MacAddress.parse("aa:bb:cc:dd:ee:ff").value()).isEqualTo("AA-BB-CC-DD-EE-FF");
        assertThat(MacAddress.parse("aabb.ccdd.eeff").value()).isEqualTo("AA-BB-CC-DD-EE-FF");
        assertProblem(() -> MacAddress.parse("aabbccddeef"), Problem.INVALID_INPUT);
        assertProblem(() -> MacAddress.parse("gg:bb:cc:dd:ee:ff"), Problem.INVALID_INPUT);
    }

    @Test
    void findsADevicesActivePlanByMacAsTheGuestAndPlanLookupsDo() {
        GuestPlan week = world.plan("Week", Duration.ofDays(7));
        Guest phone = world.guests().create(world.client.id(), PHONE, GuestProfile.EMPTY);
        assertThat(plans.activePlanForDevice(world.client.id(), PHONE, NOW)).isEmpty(); // known, nothing bought
        assertThat(plans.activePlanForDevice(world.client.id(), LAPTOP, NOW)).isEmpty(); // never seen

        plans.recordPayment(world.client.id(), phone.id(), plan.id(), "Manual", "tx-1", NOW.minus(Duration.ofHours(1)));
        Purchase longest = plans.recordPayment(world.client.id(), phone.id(), week.id(), "Manual", "tx-2", NOW.minus(Duration.ofDays(1)));
        plans.recordPayment(world.client.id(), phone.id(), week.id(), "Manual", "tx-3", NOW.plus(Duration.ofHours(1))); // not yet
        ActiveGuestPlan byMac = plans.activePlanForDevice(world.client.id(), PHONE, NOW).orElseThrow();
        assertThat(byMac).isEqualTo(plans.activePlan(world.client.id(), phone.id(), NOW).orElseThrow());
        assertThat(byMac.purchase().id()).isEqualTo(longest.id());
        assertThat(byMac.plan().name()).isEqualTo("Week");
        assertThat(byMac.sessionProfile().idleTimeout()).isEqualTo(Duration.ofMinutes(10));

        GuestWorld other = new GuestWorld(context, "Other Hotel");
        assertThat(plans.activePlanForDevice(other.client.id(), PHONE, NOW)).isEmpty(); // the same MAC at another client
        assertThat(plans.activePlanForDevice(world.client.id(), PHONE, longest.expiresAt())).map(a -> a.purchase().transactionId())
                .contains("tx-3");
        assertThat(plans.activePlanForDevice(world.client.id(), PHONE, NOW.plus(Duration.ofDays(9)))).isEmpty();
    }
}
