package io.portico.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentService;
import io.portico.equipment.EquipmentType;
import io.portico.equipment.VenueVlanState;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.RequestOrigin;
import io.portico.platform.Role;
import io.portico.support.Fixtures;
import io.portico.support.GuestWorld;
import io.portico.support.PorticoIntegrationTest;
import io.portico.support.TestClock;
import io.portico.unit.NewUnit;
import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;
import io.portico.unit.UnitService;
import io.portico.venue.Address;
import io.portico.venue.NewVenue;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * The pending VLAN lists the gateway engine, the console and the dashboard read: computed in SQL,
 * they hold what the former in-memory rules held (checked against those rules, kept here as the
 * reference) and never open a subscription's sealed key.
 */
@PorticoIntegrationTest
class PendingVlanChangesTest {

    static final Instant NOW = Instant.parse("2026-06-10T12:00:00Z");

    @Autowired ApplicationContext context;
    @Autowired SubscriptionService subscriptions;
    @Autowired SubscriptionInsights insights;
    @Autowired EquipmentService equipment;
    @Autowired UnitService units;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;

    GuestWorld world;
    Venue bare;
    ServicePlan plan;
    Equipment gw1;
    Equipment gw2;
    Actor admin;

    @BeforeEach
    void setUp() {
        clock.fix(NOW);
        world = new GuestWorld(context, "Pending Vlan Co");
        bare = context.getBean(VenueService.class).add(world.operator.id(), new NewVenue(world.client.id(), "Bare " + Fixtures.unique(),
                new Address("2 Main St", "", "Boston", "MA", "02110", "USA"), NewVenue.zone("America/New_York"), ""));
        plan = context.getBean(PlanService.class).add(world.operator.id(), ResidentServiceTest.plan("Basic " + Fixtures.unique(), 100_000, true, 0));
        gw1 = gateway("GW1");
        gw2 = gateway("GW2");
        admin = new Actor(world.operator.id(), 1, "admin@example.com", "", Set.of(Role.DOMAIN_ADMINISTRATORS), RequestOrigin.SYSTEM);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    @Test
    void listsWhatTheInMemoryRulesListedWithoutOpeningAnyKey() {
        Unit future = unit(world.venue);
        sub(future, NOW.plus(Duration.ofDays(1)), null);
        Unit active = unit(world.venue);
        IssuedKey activeKey = sub(active, NOW.minus(Duration.ofDays(10)), null);
        enable(gw1, active);                                   // on one of two gateways: still to enable
        Unit everywhere = unit(world.venue);
        sub(everywhere, NOW.minus(Duration.ofDays(10)), null);
        enable(gw1, everywhere);
        enable(gw2, everywhere);                               // on both: nothing to do
        Unit startsNow = unit(world.venue);
        IssuedKey startsNowKey = sub(startsNow, NOW, null);    // starts_at = now: active
        Unit endsNow = unit(world.venue);
        IssuedKey endsNowKey = sub(endsNow, NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(1)));
        dates(endsNowKey, NOW.minus(Duration.ofDays(10)), NOW); // ends_at = now: ended
        enable(gw2, endsNow);
        Unit handedOver = unit(world.venue);
        IssuedKey before = sub(handedOver, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(20)));
        IssuedKey after = sub(handedOver, NOW.minus(Duration.ofDays(5)), null);
        enable(gw1, handedOver);                               // ended, but another is active: enable, not disable
        Unit off = unit(world.venue);
        sub(off, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(20)));
        equipment.recordVlanState(gw1.id(), off.vlan(), false, NOW);
        Unit tie = unit(world.venue);
        IssuedKey first = sub(tie, NOW.minus(Duration.ofDays(60)), NOW.minus(Duration.ofDays(50)));
        IssuedKey second = sub(tie, NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(30)));
        dates(second, NOW.minus(Duration.ofDays(70)), NOW.minus(Duration.ofDays(5)));
        dates(first, NOW.minus(Duration.ofDays(20)), NOW.minus(Duration.ofDays(5))); // equal ends: the earlier start wins
        enable(gw1, tie);
        Unit noGateways = unit(bare);
        IssuedKey noGatewaysKey = sub(noGateways, NOW.minus(Duration.ofDays(3)), null);
        Unit noGatewaysEnded = unit(bare);
        sub(noGatewaysEnded, NOW.minus(Duration.ofDays(30)), NOW.minus(Duration.ofDays(20)));

        List<PendingVlanChange> enables = subscriptions.pendingEnables(world.operator.id());
        List<PendingVlanChange> disables = subscriptions.pendingDisables(world.operator.id());

        assertThat(enables).extracting(PendingVlanChange::subscriptionId).containsExactly(activeKey.subscription().id(),
                after.subscription().id(), noGatewaysKey.subscription().id(), startsNowKey.subscription().id());
        assertThat(disables).extracting(PendingVlanChange::subscriptionId)
                .containsExactly(second.subscription().id(), endsNowKey.subscription().id());
        assertThat(disables.getFirst()).isEqualTo(new PendingVlanChange(second.subscription().id(), world.venue.id(),
                world.venue.key(), tie.id(), tie.key(), tie.vlan(), second.subscriber().email(),
                NOW.minus(Duration.ofDays(70)), NOW.minus(Duration.ofDays(5))));
        assertThat(enables).isEqualTo(referenceEnables());
        assertThat(disables).isEqualTo(referenceDisables());
        assertThat(insights.pendingVlanChanges(admin)).isEqualTo(6);

        jdbc.sql("update subscription set psk_sealed = 'not-a-sealed-key' where operator_id = ?").param(world.operator.id()).update();

        assertThat(subscriptions.pendingEnables(world.operator.id())).isEqualTo(enables);
        assertThat(subscriptions.pendingDisables(admin)).isEqualTo(disables);
        assertThat(insights.pendingVlanChanges(admin)).isEqualTo(6);
    }

    @Test
    void followsTheClockAcrossAnEnd() {
        Unit unit = unit(world.venue);
        IssuedKey key = sub(unit, NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofHours(1)));
        enable(gw1, unit);

        assertThat(subscriptions.pendingEnables(admin)).extracting(PendingVlanChange::subscriptionId).containsExactly(key.subscription().id());
        assertThat(subscriptions.pendingDisables(admin)).isEmpty();

        clock.fix(NOW.plus(Duration.ofHours(1)));

        assertThat(subscriptions.pendingEnables(admin)).isEmpty();
        assertThat(subscriptions.pendingDisables(admin)).extracting(PendingVlanChange::subscriptionId).containsExactly(key.subscription().id());
    }

    // The rules as SubscriptionService ran them in memory before the lists moved into SQL.

    private List<PendingVlanChange> referenceEnables() {
        List<PendingVlanChange> pending = new ArrayList<>();
        Map<Long, VenueVlanState> states = equipment.vlanStates(world.operator.id());
        for (SubscriptionView v : subscriptions.listSubscriptions(admin)) {
            if (v.state() == Subscription.State.ACTIVE && !state(states, v.unit()).enabledEverywhere(v.unit().vlan())) {
                pending.add(pending(v));
            }
        }
        pending.sort(Comparator.comparing(PendingVlanChange::startsAt).thenComparing(PendingVlanChange::subscriptionId));
        return pending;
    }

    private List<PendingVlanChange> referenceDisables() {
        Map<Long, VenueVlanState> states = equipment.vlanStates(world.operator.id());
        List<PendingVlanChange> pending = new ArrayList<>();
        subscriptions.listSubscriptions(admin).stream().collect(Collectors.groupingBy(v -> v.unit().id())).forEach((unitId, list) -> {
            Unit unit = list.getFirst().unit();
            if (list.stream().allMatch(v -> v.state() == Subscription.State.ENDED) && state(states, unit).enabledAnywhere(unit.vlan())) {
                pending.add(pending(list.stream().max(Comparator.comparing(v -> v.subscription().endsAt())).orElseThrow()));
            }
        });
        pending.sort(Comparator.comparing((PendingVlanChange p) -> p.endsAt()).thenComparing(PendingVlanChange::subscriptionId));
        return pending;
    }

    private static VenueVlanState state(Map<Long, VenueVlanState> states, Unit unit) {
        return states.getOrDefault(unit.venueId(), new VenueVlanState(unit.venueId(), 0, Map.of()));
    }

    private static PendingVlanChange pending(SubscriptionView v) {
        return new PendingVlanChange(v.subscription().id(), v.unit().venueId(), v.venueKey(), v.unit().id(), v.unit().key(),
                v.unit().vlan(), v.subscriber().email(), v.subscription().startsAt(), v.subscription().endsAt());
    }

    private Equipment gateway(String name) {
        return equipment.add(world.operator.id(), world.venue.key(), name + " " + Fixtures.unique(), new EquipmentDetails(
                EquipmentType.GATEWAY, "Ubiquiti", "UDM", "ssh", "127.0.0.1", "admin", null, "In Service"));
    }

    private void enable(Equipment gateway, Unit unit) {
        equipment.recordVlanState(gateway.id(), unit.vlan(), true, NOW);
    }

    private Unit unit(Venue venue) {
        return units.add(world.operator.id(), venue.key(),
                new NewUnit("U" + Fixtures.unique().substring(0, 5), "1", "1", UnitPurpose.WIRED_UNIT, null, ""));
    }

    private IssuedKey sub(Unit unit, Instant start, @Nullable Instant end) {
        return subscriptions.addKey(world.operator.id(), new NewKey(unit.key(), plan.key(),
                new SubscriberDetails("vlan-" + Fixtures.unique().toLowerCase() + "@example.com", "Vera", "Vlan",
                        "+15551234567", "en-us", false, true), start, end, null));
    }

    /** Dates no administrator could set through addKey (an end now, equal ends on one unit). */
    private void dates(IssuedKey key, Instant start, Instant end) {
        jdbc.sql("update subscription set starts_at = ?, ends_at = ? where id = ?")
                .params(start.atOffset(ZoneOffset.UTC), end.atOffset(ZoneOffset.UTC), key.subscription().id()).update();
    }
}
