package io.portico.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.FccLabel;
import io.portico.plan.PlanChanges;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;

/** A resident's own WiFi key, plan changes, cancellation and contact preferences, scoped to them alone. */
@PorticoIntegrationTest
@RecordApplicationEvents
class ResidentServiceTest {

    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    @Autowired ApplicationContext context;
    @Autowired ResidentService residents;
    @Autowired SubscriptionService subscriptions;
    @Autowired TestClock clock;
    @Autowired ApplicationEvents events;

    GuestWorld world;
    ServicePlan free;
    ServicePlan faster;
    ServicePlan paid;
    ServicePlan staffOnly;
    IssuedKey issued;
    SubscriberPrincipal resident;

    @BeforeEach
    void setUp() {
        clock.fix(NOW);
        world = new GuestWorld(context, "Resident Co");
        context.getBean(OperatorSettingsService.class).initialise(world.operator.id(), Section.NETWORK,
                new Sections.Network(new Sections.VlanRange(1000, 1999), new Sections.VlanRange(2000, 2999),
                        new Sections.VlanRange(3000, 3999), true, false, List.of(), new Sections.Radius("", "1812", "1813"),
                        List.of("Maple Residents", "Maple 5G"), List.of()), Map.of());
        PlanService plans = context.getBean(PlanService.class);
        free = plans.add(world.operator.id(), plan("Basic " + Fixtures.unique(), 100_000, true, 0));
        faster = plans.add(world.operator.id(), plan("Fast " + Fixtures.unique(), 500_000, true, 0));
        paid = plans.add(world.operator.id(), plan("Gig " + Fixtures.unique(), 1_000_000, true, 4500));
        staffOnly = plans.add(world.operator.id(), plan("Staff " + Fixtures.unique(), 50_000, false, 0));
        issued = addKey(free, NOW.minus(Duration.ofDays(10)), "resident-key-" + Fixtures.unique());
        resident = new SubscriberPrincipal(world.operator.id(), issued.subscriber().id(), issued.subscriber().email(), RequestOrigin.SYSTEM);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void showsTheOperatorsSsidsAndTheResidentsActiveKeysOnly() {
        addKey(free, NOW.minus(Duration.ofDays(30)), null); // someone else's
        ResidentWifi wifi = residents.wifi(resident);

        assertThat(wifi.ssids()).containsExactly("Maple Residents", "Maple 5G");
        assertThat(wifi.keys()).singleElement().satisfies(k -> {
            assertThat(k.subscriptionId()).isEqualTo(issued.subscription().id());
            assertThat(k.psk()).isEqualTo(issued.subscription().psk());
            assertThat(k.unitKey()).isEqualTo(issued.unit().key());
            assertThat(k.toString()).doesNotContain(k.psk());
        });
    }

    @Test
    void rotatingTheKeyRetiresTheOldOneAtOnceAndPublishesKeyReset() {
        String old = issued.subscription().psk();
        ResidentKey rotated = residents.rotateKey(resident, issued.subscription().id());

        assertThat(rotated.psk()).isNotEqualTo(old).hasSize(16);
        assertThat(subscriptions.findActiveByPsk(world.operator.id(), world.venue.id(), old)).isEmpty();
        assertThat(subscriptions.findActiveByPsk(world.operator.id(), world.venue.id(), rotated.psk()))
                .hasValueSatisfying(a -> assertThat(a.subscriptionId()).isEqualTo(issued.subscription().id()));
        assertThat(events.stream(SubscriptionKeyReset.class))
                .anySatisfy(e -> assertThat(e.subscription().subscriptionId()).isEqualTo(issued.subscription().id()));
    }

    @Test
    void aResidentCannotTouchAnotherResidentsSubscription() {
        IssuedKey other = addKey(free, NOW.minus(Duration.ofDays(1)), null);
        long id = other.subscription().id();

        for (Runnable call : List.<Runnable>of(() -> residents.rotateKey(resident, id), () -> residents.cancel(resident, id),
                () -> residents.changePlan(resident, id, faster.key()), () -> residents.plan(resident, id))) {
            assertThatThrownBy(call::run).isInstanceOf(PorticoException.class)
                    .hasMessageContaining("Unknown subscriptionId " + id);
        }
        assertThat(subscriptions.view(world.operator.id(), id).orElseThrow().subscription().psk()).isEqualTo(other.subscription().psk());
    }

    @Test
    void changesToAnotherFreeSelfServicePlanAndRefusesPaidAndStaffOnlyPlans() {
        assertThat(residents.selfServicePlans(resident, issued.subscription().id())).extracting(ServicePlan::key)
                .containsExactly(faster.key(), paid.key());

        ResidentPlan changed = residents.changePlan(resident, issued.subscription().id(), faster.key());
        assertThat(changed.plan().key()).isEqualTo(faster.key());
        assertThat(events.stream(SubscriptionPlanUpdated.class)).anySatisfy(e -> {
            assertThat(e.previousPlanKey()).isEqualTo(free.key());
            assertThat(e.subscription().planKey()).isEqualTo(faster.key());
        });

        assertThatThrownBy(() -> residents.changePlan(resident, issued.subscription().id(), paid.key()))
                .isInstanceOf(PorticoException.class).hasMessageContaining("paid plan");
        assertThatThrownBy(() -> residents.changePlan(resident, issued.subscription().id(), staffOnly.key()))
                .isInstanceOf(PorticoException.class).hasMessageContaining("Unknown planId");
        assertThat(residents.plan(resident, issued.subscription().id()).plan().key()).isEqualTo(faster.key());
    }

    @Test
    void cancelsAtTheEndOfTheCurrentCycleAndUndoRestoresTheOpenEnd() {
        // monthly cycles of 730.5 hours from the start ten days ago: the first cycle ends 20.4 days from now
        Instant cycleEnd = issued.subscription().startsAt().plus(Duration.ofMinutes(Math.round(730.5 * 60)));

        ResidentPlan cancelled = residents.cancel(resident, issued.subscription().id());
        assertThat(cancelled.endsAt()).isEqualTo(cycleEnd);
        assertThat(cancelled.cancelledFor()).contains(cycleEnd);
        assertThat(events.stream(SubscriptionAdjusted.class)).isNotEmpty();
        assertThatThrownBy(() -> residents.cancel(resident, issued.subscription().id()))
                .isInstanceOf(PorticoException.class).hasMessageContaining("already cancelled");

        ResidentPlan undone = residents.undoCancel(resident, issued.subscription().id());
        assertThat(undone.endsAt()).isNull();
        assertThat(undone.cancelledFor()).isEmpty();
        assertThatThrownBy(() -> residents.undoCancel(resident, issued.subscription().id()))
                .isInstanceOf(PorticoException.class).hasMessageContaining("no cancellation");
    }

    @Test
    void aCancellationTakesEffectAtTheCycleEndAndCannotBeUndoneAfter() {
        ResidentPlan cancelled = residents.cancel(resident, issued.subscription().id());
        clock.fix(cancelled.cycleEndsAt().plusSeconds(1));

        assertThat(residents.plans(resident)).isEmpty();
        assertThat(residents.wifi(resident).keys()).isEmpty();
        assertThatThrownBy(() -> residents.undoCancel(resident, issued.subscription().id()))
                .isInstanceOf(PorticoException.class).hasMessageContaining("already ended");
    }

    @Test
    void cycleEndCountsWholeCyclesFromTheStart() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Subscription s = new Subscription(1, 1, 1, 1, 1, 1, start, null, "x", start);
        ServicePlan daily = new ServicePlan(1, 1, "k", new io.portico.plan.PlanTerms("Daily", 1000, 1000, 1, false, true,
                "", "", FccLabel.NONE, "", "", 0, 24, Map.of("USD", 0L), 0, 0, 0), start);
        assertThat(ResidentService.cycleEnd(s, daily, start.plus(Duration.ofHours(50)))).isEqualTo(start.plus(Duration.ofDays(3)));
        assertThat(ResidentService.cycleEnd(s, daily, start.minus(Duration.ofHours(5)))).isEqualTo(start.plus(Duration.ofDays(1)));
    }

    @Test
    void updatesContactPreferencesAndLocaleButSmsNeedsAPhone() {
        Subscriber updated = residents.updateContact(resident, new ContactPreferences(true, false, "es-xl"));
        assertThat(updated.contactBySms()).isTrue();
        assertThat(updated.contactByEmail()).isFalse();
        assertThat(updated.locale()).isEqualTo("es-xl");
        assertThatThrownBy(() -> new ContactPreferences(false, true, "not a locale!"))
                .isInstanceOf(PorticoException.class).hasMessageContaining("locale must be");

        IssuedKey noPhone = subscriptions.addKey(world.operator.id(), new NewKey(unit().key(), free.key(),
                new SubscriberDetails("nophone-" + Fixtures.unique().toLowerCase() + "@example.com", "No", "Phone", "", "en-us", false, true),
                NOW, null, null));
        var principal = new SubscriberPrincipal(world.operator.id(), noPhone.subscriber().id(), noPhone.subscriber().email(), RequestOrigin.SYSTEM);
        assertThatThrownBy(() -> residents.updateContact(principal, new ContactPreferences(true, true, "en-us")))
                .isInstanceOf(PorticoException.class).hasMessageContaining("smsContact needs");
    }

    private IssuedKey addKey(ServicePlan plan, Instant start, String psk) {
        return subscriptions.addKey(world.operator.id(), new NewKey(unit().key(), plan.key(),
                new SubscriberDetails("resident-" + Fixtures.unique().toLowerCase() + "@example.com", "Rita", "Resident",
                        "+15551234567", "en-us", false, true), start, null, psk));
    }

    private Unit unit() {
        return context.getBean(UnitService.class).add(world.operator.id(), world.venue.key(),
                new NewUnit("U" + Fixtures.unique().substring(0, 5), "1", "1", UnitPurpose.WIRED_UNIT, null, ""));
    }

    static PlanChanges plan(String name, long kbps, boolean selfSignup, long cents) {
        return new PlanChanges(name, kbps, kbps / 5, 10, false, selfSignup, name + " plan", "",
                new FccLabel("F" + Math.abs(name.hashCode()), kbps, kbps / 5, "https://example.com/privacy", "https://example.com/network",
                        "https://example.com/data", "", "https://example.com/support"),
                "", "", 0, 730.5, List.of("USD"), Map.of("USD", cents), 0, 0, 0);
    }
}
