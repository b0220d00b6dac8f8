package io.portico.subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.operator.OperatorSettingsService;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.PorticoException;
import io.portico.subscription.persistence.CancellationRepository;
import io.portico.subscription.persistence.CancellationRepository.Cancellation;
import io.portico.subscription.persistence.SubscriptionRepository;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * What a signed-in resident does for themselves ("My WiFi", "My plan"): called by the subscriber
 * console's pages and its JSON routes with the {@link SubscriberPrincipal} acting. Every read and
 * write is scoped to that resident's own subscriptions (operator id and subscriber id); another
 * resident's subscription is "unknown", never "forbidden", so ids cannot be probed.
 */
@Service
public class ResidentService {

    private final SubscriptionRepository repository;
    private final CancellationRepository cancellations;
    private final SubscriptionService subscriptions;
    private final UnitService units;
    private final VenueService venues;
    private final PlanService plans;
    private final OperatorSettingsService settings;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;

    ResidentService(SubscriptionRepository repository, CancellationRepository cancellations, SubscriptionService subscriptions,
                    UnitService units, VenueService venues, PlanService plans, OperatorSettingsService settings,
                    ApplicationEventPublisher events, java.time.Clock clock) {
        this.repository = repository;
        this.cancellations = cancellations;
        this.subscriptions = subscriptions;
        this.units = units;
        this.venues = venues;
        this.plans = plans;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /** The resident's own details (name, contact preferences, locale). */
    @Transactional(readOnly = true)
    public Subscriber subscriber(SubscriberPrincipal resident) {
        return repository.findSubscriber(resident.operatorId(), resident.subscriberId())
                .orElseThrow(() -> PorticoException.notFound("Unknown subscriber."));
    }

    /** "My WiFi": the operator's SSIDs and the keys of the resident's subscriptions active now. */
    @Transactional(readOnly = true)
    public ResidentWifi wifi(SubscriberPrincipal resident) {
        Instant now = clock.instant();
        List<ResidentKey> keys = own(resident).stream().filter(s -> s.state(now) == Subscription.State.ACTIVE).map(s -> {
            Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
            Venue venue = venues.find(s.operatorId(), s.venueId()).orElseThrow();
            return new ResidentKey(s.id(), venue.key(), venue.name(), unit.key(), unit.name(), s.psk(), s.startsAt(), s.endsAt());
        }).toList();
        return new ResidentWifi(settings.network(resident.operatorId()).globalSsids(), keys);
    }

    /**
     * Replaces the key of one of the resident's active subscriptions with a new random one, as
     * staff's resetKey does: the old key stops working at once (the RADIUS look-up is by the new
     * key's digest), SubscriptionKeyReset goes out as KeyEnd/KeyStart webhooks, and the radius
     * module sends Disconnect-Requests for the devices the old key let in.
     */
    @Transactional
    public ResidentKey rotateKey(SubscriberPrincipal resident, long subscriptionId) {
        Subscription s = own(resident, subscriptionId);
        if (s.state(clock.instant()) != Subscription.State.ACTIVE) {
            throw PorticoException.conflict("Subscription " + s.id() + " is not active; only an active subscription's key can be replaced.");
        }
        Subscription rotated = subscriptions.replaceKey(s, Psk.generate());
        Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
        Venue venue = venues.find(s.operatorId(), s.venueId()).orElseThrow();
        audit(resident, "rotateKey", "Subscription " + s.id() + ": WiFi key replaced by the resident.", venue, unit);
        return new ResidentKey(rotated.id(), venue.key(), venue.name(), unit.key(), unit.name(), rotated.psk(), rotated.startsAt(), rotated.endsAt());
    }

    /** "My plan": the resident's subscriptions that have not ended, with plan, cycle and cancellation. */
    @Transactional(readOnly = true)
    public List<ResidentPlan> plans(SubscriberPrincipal resident) {
        Instant now = clock.instant();
        return own(resident).stream().filter(s -> s.state(now) != Subscription.State.ENDED).map(s -> plan(s, now)).toList();
    }

    /** One of the resident's subscriptions as "My plan" shows it (ended ones too). */
    @Transactional(readOnly = true)
    public ResidentPlan plan(SubscriberPrincipal resident, long subscriptionId) {
        return plan(own(resident, subscriptionId), clock.instant());
    }

    /**
     * The plans a resident may move this subscription to themselves: the operator's plans that
     * allow self sign-up (every plan of the operator is offered at each of its venues), other than
     * the current one, free ones first.
     */
    @Transactional(readOnly = true)
    public List<ServicePlan> selfServicePlans(SubscriberPrincipal resident, long subscriptionId) {
        Subscription s = own(resident, subscriptionId);
        return plans.listByOperator(resident.operatorId()).stream()
                .filter(p -> p.terms().allowSelfSignup() && p.id() != s.planId())
                .sorted(Comparator.comparing(ResidentPlan::paid).thenComparing(p -> p.terms().name()))
                .toList();
    }

    /**
     * Moves one of the resident's subscriptions to another free self-service plan, as the
     * console's changeServicePlan does (SubscriptionPlanUpdated, the gateways get the new speed).
     * A paid plan is refused here: the payment module moves to it once the provider confirms the
     * payment ({@link PaidSignup#planChange}, {@link PaidSignup#applyPlanChange}).
     */
    @Transactional
    public ResidentPlan changePlan(SubscriberPrincipal resident, long subscriptionId, String planKey) {
        Change c = checkedChange(resident, subscriptionId, planKey);
        if (ResidentPlan.paid(c.plan())) {
            throw PorticoException.conflict("Plan " + c.plan().terms().name()
                    + " is a paid plan; it is paid online before it starts, or staff change to it.");
        }
        subscriptions.movePlan(c.subscription(), c.plan(), c.previous());
        audit(resident, c.subscription(), "changeServicePlan", "Subscription " + c.subscription().id()
                + ": plan changed by the resident from " + c.previous().terms().name() + " to " + c.plan().terms().name() + ".");
        return plan(own(resident, subscriptionId), clock.instant());
    }

    /** A resident's plan change, checked: their own subscription, not ended, to another self-service plan. */
    record Change(Subscription subscription, ServicePlan plan, ServicePlan previous) {
    }

    Change checkedChange(SubscriberPrincipal resident, long subscriptionId, String planKey) {
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("planId", "{planId} is required.");
        }
        Subscription s = own(resident, subscriptionId);
        if (s.state(clock.instant()) == Subscription.State.ENDED) {
            throw PorticoException.conflict("Subscription " + s.id() + " has ended; its plan cannot change.");
        }
        ServicePlan plan = plans.findByKey(resident.operatorId(), planKey.strip())
                .filter(p -> p.terms().allowSelfSignup())
                .orElseThrow(() -> PorticoException.notFound("Unknown {planId} " + planKey + "."));
        if (plan.id() == s.planId()) {
            throw PorticoException.conflict("Subscription " + s.id() + " already has plan " + plan.terms().name() + ".");
        }
        return new Change(s, plan, plans.find(resident.operatorId(), s.planId()).orElseThrow());
    }

    /**
     * Cancels at the end of the current billing cycle: the subscription's end moves there
     * (SubscriptionAdjusted), and {@link #undoCancel} restores the previous end until then.
     */
    @Transactional
    public ResidentPlan cancel(SubscriberPrincipal resident, long subscriptionId) {
        Subscription s = own(resident, subscriptionId);
        Instant now = clock.instant();
        if (s.state(now) == Subscription.State.ENDED) {
            throw PorticoException.conflict("Subscription " + s.id() + " has already ended.");
        }
        if (pendingCancellation(s).isPresent()) {
            throw PorticoException.conflict("Subscription " + s.id() + " is already cancelled; it ends at " + s.endsAt() + ".");
        }
        Instant cycleEnd = cycleEnd(s, plans.find(s.operatorId(), s.planId()).orElseThrow(), now);
        if (s.endsAt() != null && !s.endsAt().isAfter(cycleEnd)) {
            throw PorticoException.conflict("Subscription " + s.id() + " already ends at " + s.endsAt()
                    + ", before the end of its billing cycle.");
        }
        cancellations.save(s.operatorId(), new Cancellation(s.id(), now, cycleEnd, s.endsAt()));
        audit(resident, s, "cancelSubscription", "Subscription " + s.id() + ": cancelled by the resident; it ends at " + cycleEnd + ".");
        return plan(subscriptions.changeDates(s, s.startsAt(), cycleEnd), now);
    }

    /** Takes back a cancellation before it takes effect: the subscription's previous end comes back. */
    @Transactional
    public ResidentPlan undoCancel(SubscriberPrincipal resident, long subscriptionId) {
        Subscription s = own(resident, subscriptionId);
        Instant now = clock.instant();
        Cancellation c = pendingCancellation(s).orElseThrow(() ->
                PorticoException.conflict("Subscription " + s.id() + " has no cancellation to undo."));
        if (s.state(now) == Subscription.State.ENDED) {
            throw PorticoException.conflict("Subscription " + s.id() + " has already ended; its cancellation cannot be undone.");
        }
        Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
        subscriptions.requireNoOverlap(unit, s.startsAt(), c.previousEndsAt(), s.id(), settings.network(s.operatorId()));
        cancellations.delete(s.operatorId(), s.id());
        audit(resident, s, "undoCancelSubscription", "Subscription " + s.id() + ": cancellation taken back by the resident.");
        return plan(subscriptions.changeDates(s, s.startsAt(), c.previousEndsAt()), now);
    }

    /** Changes how the resident is contacted and in which language; SMS needs a phone number on file. */
    @Transactional
    public Subscriber updateContact(SubscriberPrincipal resident, ContactPreferences preferences) {
        Subscriber s = subscriber(resident);
        SubscriberDetails details = new SubscriberDetails(s.email(), s.givenName(), s.familyName(), s.phoneE164(),
                preferences.locale(), preferences.contactBySms(), preferences.contactByEmail());
        repository.updateSubscriber(s.id(), details);
        events.publishEvent(resident.acted("updateContactPreferences", "Contact preferences changed by the resident: locale "
                + preferences.locale() + ", email " + (preferences.contactByEmail() ? "on" : "off") + ", SMS "
                + (preferences.contactBySms() ? "on" : "off") + ".", clock.instant()));
        return subscriber(resident);
    }

    private void audit(SubscriberPrincipal resident, Subscription s, String route, String message) {
        audit(resident, route, message, venues.find(s.operatorId(), s.venueId()).orElseThrow(),
                units.find(s.operatorId(), s.unitId()).orElseThrow());
    }

    private void audit(SubscriberPrincipal resident, String route, String message, Venue venue, Unit unit) {
        events.publishEvent(resident.acted(route, message, clock.instant()).at(venue.key(), unit.key()));
    }

    /** The resident's subscriptions (any state), for the radius module's "My devices". */
    @Transactional(readOnly = true)
    public List<Subscription> subscriptions(SubscriberPrincipal resident) {
        return own(resident);
    }

    // ---- rules ---------------------------------------------------------------------------------

    /**
     * The end of the billing cycle running at {@code now}: cycles of the plan's billingCycleHours
     * counted from the subscription's start (the first cycle's end for a future subscription).
     */
    static Instant cycleEnd(Subscription s, ServicePlan plan, Instant now) {
        Duration cycle = Duration.ofSeconds(Math.max(1, Math.round(plan.terms().billingCycleHours() * 3600)));
        if (!now.isAfter(s.startsAt())) {
            return s.startsAt().plus(cycle);
        }
        long elapsed = Duration.between(s.startsAt(), now).toSeconds();
        long cycles = elapsed / cycle.toSeconds() + 1;
        return s.startsAt().plus(cycle.multipliedBy(cycles));
    }

    /** The resident's cancellation while it still governs the end (staff may have moved the dates since). */
    private Optional<Cancellation> pendingCancellation(Subscription s) {
        return cancellations.find(s.operatorId(), s.id()).filter(c -> c.cycleEnd().equals(s.endsAt()));
    }

    private ResidentPlan plan(Subscription s, Instant now) {
        Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
        Venue venue = venues.find(s.operatorId(), s.venueId()).orElseThrow();
        ServicePlan plan = plans.find(s.operatorId(), s.planId()).orElseThrow();
        return new ResidentPlan(s.id(), venue.key(), venue.name(), venue.timeZone(), unit.key(), unit.name(), plan, s.startsAt(), s.endsAt(), s.state(now),
                cycleEnd(s, plan, now), pendingCancellation(s).map(Cancellation::cycleEnd));
    }

    private List<Subscription> own(SubscriberPrincipal resident) {
        return repository.listBySubscriber(resident.operatorId(), resident.subscriberId());
    }

    private Subscription own(SubscriberPrincipal resident, long subscriptionId) {
        return repository.findOwnSubscription(resident.operatorId(), resident.subscriberId(), subscriptionId)
                .orElseThrow(() -> PorticoException.notFound("Unknown {subscriptionId} " + subscriptionId + "."));
    }
}
