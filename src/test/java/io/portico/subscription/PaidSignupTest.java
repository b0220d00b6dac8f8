package io.portico.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.ResidentWorld;
import io.portico.support.TestClock;

/**
 * A resident's sign-up for a priced plan waits for its payment and becomes a subscription only
 * when the payment is confirmed, once; renewals and failures move its end.
 */
@PorticoIntegrationTest
class PaidSignupTest {

    @Autowired ApplicationContext context;
    @Autowired PaidSignup paid;
    @Autowired SelfSignup signup;
    @Autowired SubscriberSessions sessions;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    ResidentWorld world;
    String token;
    RequestOrigin origin;

    @BeforeEach
    void setUp() {
        world = new ResidentWorld(context);
        Actor staff = new Actor(world.operator.id(), 1, "staff@example.com", "Staff", java.util.Set.of(Role.DOMAIN_ADMINISTRATORS),
                RequestOrigin.SYSTEM);
        token = signup.link(staff, world.venue.key(), false, "").token();
        origin = new RequestOrigin("198.51.100." + (1 + Math.abs(Fixtures.unique().hashCode()) % 250), "en-us", "test");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private SelfSignupRequest request(String unit, ServicePlan plan, String email) {
        return new SelfSignupRequest(token, unit, "", plan.key(), email, "Lena", "Rivera", "", "en-us",
                ResidentWorld.PASSWORD, true);
    }

    private String email() {
        return "paid-" + Fixtures.unique().toLowerCase() + "@example.com";
    }

    private long subscriptionsOn(long unitId) {
        return jdbc.sql("select count(*) from subscription where unit_id = ?").params(unitId).query(Long.class).single();
    }

    @Test
    void aPaidSignUpWaitsForItsPaymentAndCompletesOnce() {
        ServicePlan premium = world.plan("Premium", true, Map.of("USD", 4500L));
        var unit = world.unit("701");
        String email = email();

        PaidSignup.Checkout checkout = paid.prepare(request("701", premium, email), origin);

        assertThat(checkout.amountMinor()).isEqualTo(4500);
        assertThat(checkout.currency()).isEqualTo("USD");
        assertThat(checkout.trialCycles()).isZero();
        assertThat(checkout.email()).isEqualTo(email);
        assertThat(subscriptionsOn(unit.id())).isZero();
        assertThat(paid.status(checkout.reference(), checkout.claim())).contains(PaidSignup.Status.OPEN);
        assertThat(paid.signIn(checkout.reference(), checkout.claim())).isEmpty();

        Instant now = clock.instant();
        var first = paid.complete(world.operator.id(), checkout.reference(), null);
        var again = paid.complete(world.operator.id(), checkout.reference(), null);

        assertThat(first).isPresent();
        assertThat(again).isEqualTo(first);
        assertThat(subscriptionsOn(unit.id())).isEqualTo(1);
        Subscription s = context.getBean(SubscriptionService.class).findSubscription(world.operator.id(), first.get()).orElseThrow();
        assertThat(s.endsAt()).isCloseTo(now.plus(Duration.ofMinutes(Math.round(730.5 * 60))), org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(paid.signIn(checkout.reference(), "not the claim")).isEmpty();
        assertThat(paid.signIn(checkout.reference(), checkout.claim())).isPresent();
        assertThat(sessions.login(email, ResidentWorld.PASSWORD, origin).accessToken()).isNotBlank();
        assertThat(paid.complete(world.operator.id(), "rs_unknown", null)).isEmpty();
        assertThat(paid.complete(world.operator.id() + 999_999, checkout.reference(), null)).isEmpty();
    }

    @Test
    void renewalsOnlyMoveTheEndForwardAndAFailureBringsItBackToThePaidPeriod() {
        ServicePlan premium = world.plan("Premium", true, Map.of("USD", 4500L));
        world.unit("702");
        PaidSignup.Checkout checkout = paid.prepare(request("702", premium, email()), origin);
        Instant paidThrough = clock.instant().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long id = paid.complete(world.operator.id(), checkout.reference(), paidThrough).orElseThrow();
        SubscriptionService subscriptions = context.getBean(SubscriptionService.class);
        assertThat(subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt()).isEqualTo(paidThrough);

        paid.extendTo(world.operator.id(), id, paidThrough.minus(Duration.ofDays(10)));
        assertThat(subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt()).isEqualTo(paidThrough);
        paid.extendTo(world.operator.id(), id, paidThrough.plus(Duration.ofDays(30)));
        assertThat(subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt()).isEqualTo(paidThrough.plus(Duration.ofDays(30)));

        paid.endBy(world.operator.id(), id, paidThrough);
        assertThat(subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt()).isEqualTo(paidThrough);
        paid.endBy(world.operator.id() + 999_999, id, clock.instant());
        assertThat(subscriptions.findSubscription(world.operator.id(), id).orElseThrow().endsAt()).isEqualTo(paidThrough);
    }

    @Test
    void aTrialIsOfferedOnlyWhileTheResidentHasTrialCyclesLeftAndFreePlansNeedNoPayment() {
        ServicePlan trial = context.getBean(PlanService.class).add(world.operator.id(), new PlanChanges("Trial", 50_000L, 10_000L, 5,
                true, true, "", "", null, "", "", 1, 730.5, java.util.List.of("USD"), Map.of("USD", 2500L), 1, 0, 3600));
        world.unit("703");
        world.unit("704");
        String email = email();

        PaidSignup.Checkout withTrial = paid.prepare(request("703", trial, email), origin);
        assertThat(withTrial.trialCycles()).isEqualTo(1);
        assertThat(withTrial.trialDays()).isEqualTo(31);
        paid.complete(world.operator.id(), withTrial.reference(), null).orElseThrow();

        PaidSignup.Checkout noTrialLeft = paid.prepare(request("704", trial, email), origin);
        assertThat(noTrialLeft.trialCycles()).isZero();

        assertThatThrownBy(() -> paid.prepare(request("704", world.plan, email()), origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.field()).contains("plan"));
        assertThatThrownBy(() -> paid.prepare(request("703", trial, email()), origin))
                .isInstanceOfSatisfying(PorticoException.class, e -> assertThat(e.problem()).isEqualTo(io.portico.platform.Problem.CONFLICT));
    }
}
