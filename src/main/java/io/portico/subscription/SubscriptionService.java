package io.portico.subscription;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.equipment.EquipmentService;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Sections;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.subscription.persistence.PendingVlanRepository;
import io.portico.subscription.persistence.SubscriptionRepository;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Entry point of the subscription module. The console issues and resets keys, ends and adjusts
 * subscriptions and reads the pending VLAN lists; the RADIUS work looks up active subscriptions
 * and the engines read start and end times through it.
 */
@Service
public class SubscriptionService {

    private final SubscriptionRepository repository;
    private final PendingVlanRepository pendingVlans;
    private final UnitService units;
    private final VenueService venues;
    private final PlanService plans;
    private final EquipmentService equipment;
    private final OperatorSettingsService settings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SubscriptionService(SubscriptionRepository repository, PendingVlanRepository pendingVlans, UnitService units,
                        VenueService venues, PlanService plans, EquipmentService equipment, OperatorSettingsService settings, ApplicationEventPublisher events,
                        Clock clock) {
        this.repository = repository;
        this.pendingVlans = pendingVlans;
        this.units = units;
        this.venues = venues;
        this.plans = plans;
        this.equipment = equipment;
        this.settings = settings;
        this.events = events;
        this.clock = clock;
    }

    /**
     * addKey: creates the subscriber when the email is new (updating nothing when it exists) and
     * a subscription on the unit. No two subscriptions of a unit may overlap in time unless the
     * operator allows it (allowOverlappingSubscriptionWiredUnit).
     */
    @Transactional
    public IssuedKey addKey(Actor actor, NewKey request) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        IssuedKey issued = addKey(actor.operatorId(), request);
        events.publishEvent(AdministratorActed.by(actor, "/subscribers/addKey", Map.of("message",
                "Subscription " + issued.subscription().id() + " added for " + issued.subscriber().email() + " on "
                        + issued.unit().key() + " with plan " + issued.plan().key() + " from " + issued.subscription().startsAt()
                        + (issued.subscription().endsAt() == null ? "" : " to " + issued.subscription().endsAt()) + ". "),
                clock.instant()).at(issued.venueKey(), issued.unit().key()));
        return issued;
    }

    /** addKey without an acting administrator (demo data, tests). */
    @Transactional
    public IssuedKey addKey(long operatorId, NewKey request) {
        Unit unit = units.findByKey(operatorId, request.unitKey().strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {unitId} " + request.unitKey() + "."));
        ServicePlan plan = plans.findByKey(operatorId, request.planKey().strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {planId} " + request.planKey() + "."));
        Venue venue = venues.find(operatorId, unit.venueId()).orElseThrow();
        Sections.Network network = settings.network(operatorId);
        Instant now = clock.instant();
        Instant start = request.startsAt() == null ? now : request.startsAt();
        if (request.endsAt() != null && !request.endsAt().isAfter(start)) {
            throw PorticoException.invalid("endsAt", "{endsAt} must be after the start.");
        }
        requireNoOverlap(unit, start, request.endsAt(), null, network);
        String psk = psk(operatorId, request.psk(), network, null);
        var existing = repository.findSubscriberByEmail(operatorId, request.subscriber().email());
        Subscriber subscriber = existing.orElseGet(() -> repository.insertSubscriber(operatorId, request.subscriber(),
                Psk.generate() + Psk.generate(), now));
        Subscription subscription = claimingKey(() -> repository.insertSubscription(new Subscription(0, operatorId, subscriber.id(),
                unit.id(), unit.venueId(), plan.id(), start, request.endsAt(), psk, now)));
        SubscriptionSnapshot snapshot = new SubscriptionSnapshot(subscription, subscriber, unit, venue, plan.key());
        events.publishEvent(new SubscriptionAdded(snapshot, now));
        publishTransitions(snapshot, now);
        return new IssuedKey(subscriber, subscription, unit, venue.key(), plan, existing.isEmpty());
    }

    /** resetKey: replaces a subscription's PSK with the given one or a generated one. */
    @Transactional
    public Subscription resetKey(Actor actor, long subscriptionId, @Nullable String psk) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        Subscription s = subscription(actor.operatorId(), subscriptionId);
        String replacement = psk(actor.operatorId(), psk, settings.network(actor.operatorId()), s.id());
        Subscription reset = replaceKey(s, replacement);
        audit(actor, "/subscribers/resetKey", "PSK of subscription " + s.id() + " replaced. ", s);
        return reset;
    }

    /**
     * Stores the subscription's new key and publishes {@link SubscriptionKeyReset}: the webhook
     * module sends KeyEnd/KeyStart and the radius module disconnects the devices the old key let in.
     */
    Subscription replaceKey(Subscription s, String replacement) {
        claimingKey(() -> {
            repository.updatePsk(s.id(), s.operatorId(), replacement);
            return s;
        });
        Subscription reset = repository.findSubscription(s.id()).orElseThrow();
        events.publishEvent(new SubscriptionKeyReset(snapshot(reset), clock.instant()));
        return reset;
    }

    /**
     * changeServicePlan: moves a subscription to another plan of the operator. While it is active
     * the unit's VLAN is marked for re-application so the gateways get the new plan's speed.
     */
    @Transactional
    public ServicePlan changePlan(Actor actor, long subscriptionId, @Nullable String planKey) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("planId", "{planId} is required.");
        }
        Subscription s = subscription(actor.operatorId(), subscriptionId);
        ServicePlan plan = plans.findByKey(actor.operatorId(), planKey.strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {planId} " + planKey + "."));
        ServicePlan previous = plans.find(actor.operatorId(), s.planId()).orElseThrow();
        if (plan.id() == s.planId()) {
            throw PorticoException.conflict("Subscription " + s.id() + " already has plan " + plan.key() + ".");
        }
        movePlan(s, plan, previous);
        audit(actor, "/subscriptions/changeServicePlan", "Subscription " + s.id() + " moved from plan " + previous.key()
                + " to " + plan.key() + ". ", s);
        return plan;
    }

    /**
     * Stores the subscription's new plan, marks the unit's VLAN for re-application while it is
     * active (the gateways get the new speed) and publishes {@link SubscriptionPlanUpdated}.
     */
    void movePlan(Subscription s, ServicePlan plan, ServicePlan previous) {
        Instant now = clock.instant();
        repository.updatePlan(s.id(), plan.id());
        if (s.state(now) == Subscription.State.ACTIVE) {
            Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
            equipment.requireReapply(s.operatorId(), unit.venueId(), unit.vlan());
        }
        events.publishEvent(new SubscriptionPlanUpdated(snapshot(repository.findSubscription(s.id()).orElseThrow()),
                previous.key(), now));
    }

    /** Ends a subscription at the given moment (now when null); an end before the start is an error. */
    @Transactional
    public Subscription end(Actor actor, long subscriptionId, @Nullable Instant at) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        Subscription s = subscription(actor.operatorId(), subscriptionId);
        Instant end = at == null ? clock.instant() : at;
        if (!end.isAfter(s.startsAt())) {
            throw PorticoException.invalid("endsAt", "{endsAt} must be after the subscription's start.");
        }
        Subscription ended = changeDates(s, s.startsAt(), end);
        audit(actor, "/subscriptions/endSubscription", "Subscription " + s.id() + " ends at " + end + ". ", s);
        return ended;
    }

    /** Moves a subscription's start and/or end; {@code clearEnd} makes it open-ended. */
    @Transactional
    public Subscription adjust(Actor actor, long subscriptionId, @Nullable Instant start, @Nullable Instant end, boolean clearEnd) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        Subscription s = subscription(actor.operatorId(), subscriptionId);
        Instant newStart = start == null ? s.startsAt() : start;
        Instant newEnd = clearEnd ? null : end == null ? s.endsAt() : end;
        if (newEnd != null && !newEnd.isAfter(newStart)) {
            throw PorticoException.invalid("endsAt", "{endsAt} must be after {startsAt}.");
        }
        Unit unit = units.find(actor.operatorId(), s.unitId()).orElseThrow();
        requireNoOverlap(unit, newStart, newEnd, s.id(), settings.network(actor.operatorId()));
        Subscription adjusted = changeDates(s, newStart, newEnd);
        audit(actor, "/subscriptions/adjustSubscription", "Subscription " + s.id() + " now runs from " + newStart
                + (newEnd == null ? " without end" : " to " + newEnd) + ". ", s);
        return adjusted;
    }

    /**
     * Stores new dates, forgets transitions that no longer happened (a reopened subscription ends
     * again later) and publishes those that now have (ended by staff now: SubscriptionEnded at once).
     */
    Subscription changeDates(Subscription s, Instant start, @Nullable Instant end) {
        Instant now = clock.instant();
        repository.updateDates(s.id(), start, end);
        claimingKey(() -> {
            repository.clearUnhappenedTransitions(s.id(), now);
            return s;
        });
        Subscription changed = repository.findSubscription(s.id()).orElseThrow();
        SubscriptionSnapshot snapshot = snapshot(changed);
        events.publishEvent(new SubscriptionAdjusted(snapshot, s.startsAt(), s.endsAt(), now));
        publishTransitions(snapshot, now);
        return changed;
    }

    // ---- time-based transitions ----------------------------------------------------------------

    /** Ids of subscriptions (all operators) whose start or end has come unpublished; the transition task calls this. */
    @Transactional(readOnly = true)
    public List<Long> dueTransitions(int limit) {
        return repository.dueTransitions(clock.instant(), limit).stream().map(Subscription::id).toList();
    }

    /**
     * Publishes SubscriptionStarted and/or SubscriptionEnded for one subscription whose time has
     * come, each at most once ever (a conditional update decides, so concurrent callers cannot
     * both publish). The listeners (webhook outbox, emails) write in this same transaction.
     */
    @Transactional
    public void publishTransitions(long subscriptionId) {
        repository.findSubscription(subscriptionId).ifPresent(s -> publishTransitions(snapshot(s), clock.instant()));
    }

    private void publishTransitions(SubscriptionSnapshot snapshot, Instant now) {
        Subscription s = snapshot.subscription();
        if (!s.startsAt().isAfter(now) && repository.markStartPublished(s.id(), now)) {
            events.publishEvent(new SubscriptionStarted(snapshot, s.startsAt()));
        }
        if (s.endsAt() != null && !s.endsAt().isAfter(now) && repository.markEndPublished(s.id(), now)) {
            events.publishEvent(new SubscriptionEnded(snapshot, s.endsAt()));
        }
    }

    /** The subscription with what its events carry for their listeners (read in the publishing transaction). */
    SubscriptionSnapshot snapshot(Subscription s) {
        Unit unit = units.find(s.operatorId(), s.unitId()).orElseThrow();
        return new SubscriptionSnapshot(s, repository.findSubscriber(s.subscriberId()).orElseThrow(), unit,
                venues.find(s.operatorId(), unit.venueId()).orElseThrow(),
                plans.find(s.operatorId(), s.planId()).map(ServicePlan::key).orElseThrow());
    }

    /** A subscription with its subscriber, unit, venue and plan, for the engines' payloads and emails. */
    @Transactional(readOnly = true)
    public Optional<SubscriptionView> view(long operatorId, long subscriptionId) {
        Instant now = clock.instant();
        return repository.findSubscription(subscriptionId).filter(s -> s.operatorId() == operatorId).map(s -> {
            Unit unit = units.find(operatorId, s.unitId()).orElseThrow();
            return new SubscriptionView(s, repository.findSubscriber(s.subscriberId()).orElseThrow(), unit,
                    venues.find(operatorId, unit.venueId()).map(Venue::key).orElse(""),
                    plans.find(operatorId, s.planId()).map(ServicePlan::key).orElse(""), s.state(now));
        });
    }

    /** Changes a subscriber's contact details (the email is the subscriber's identity and may change too). */
    @Transactional
    public Subscriber updateSubscriber(Actor actor, String currentEmail, SubscriberDetails details) {
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        Subscriber s = repository.findSubscriberByEmail(actor.operatorId(), currentEmail == null ? "" : currentEmail.strip().toLowerCase(java.util.Locale.ROOT))
                .orElseThrow(() -> PorticoException.notFound("Unknown subscriber " + currentEmail + "."));
        if (!details.email().equals(s.email()) && repository.findSubscriberByEmail(actor.operatorId(), details.email()).isPresent()) {
            throw PorticoException.conflict("A subscriber with email " + details.email() + " already exists.");
        }
        repository.updateSubscriber(s.id(), details);
        events.publishEvent(AdministratorActed.by(actor, "/subscribers/updateSubscriber",
                Map.of("message", "Subscriber " + s.email() + " updated. "), clock.instant()));
        return repository.findSubscriber(s.id()).orElseThrow();
    }

    /** A subscriber of the actor's operator, found by email, with all their subscriptions (staff's per-subscriber routes). */
    @Transactional(readOnly = true)
    public SubscriberAccount account(Actor actor, @Nullable String email) {
        actor.require(Permission.READ_CONFIGURATION);
        String normalised = email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT);
        if (normalised.isEmpty()) {
            throw PorticoException.invalid("email", "{email} is required.");
        }
        Subscriber s = repository.findSubscriberByEmail(actor.operatorId(), normalised)
                .orElseThrow(() -> PorticoException.notFound("Unknown subscriber " + email + "."));
        return new SubscriberAccount(s, repository.listBySubscriber(actor.operatorId(), s.id()));
    }

    /**
     * Staff's getEnrollmentLimits: how many of a subscriber's subscriptions use each self-service
     * plan at each venue, beside the plan's and the operator's maximums.
     */
    @Transactional(readOnly = true)
    public EnrollmentLimits enrollmentLimits(Actor actor, @Nullable String email) {
        SubscriberAccount account = account(actor, email);
        Sections.ShoppingCart cart = settings.section(actor.operatorId(), io.portico.operator.Section.SHOPPING_CART);
        Map<Long, String> venueKeys = venues.listByOperator(actor.operatorId()).stream().collect(Collectors.toMap(Venue::id, Venue::key));
        List<ServicePlan> all = plans.listByOperator(actor.operatorId());
        List<EnrollmentLimits.PlanLimit> limits = all.stream().filter(p -> p.terms().allowSelfSignup()).map(p -> {
            Map<String, Integer> byVenue = new java.util.TreeMap<>();
            account.subscriptions().stream().filter(s -> s.planId() == p.id())
                    .forEach(s -> byVenue.merge(venueKeys.getOrDefault(s.venueId(), ""), 1, Integer::sum));
            return new EnrollmentLimits.PlanLimit(p.key(), p.terms().name(), !ResidentPlan.paid(p), p.terms().trialCycles(),
                    p.terms().maxFreeEnrollmentsPerSubscriberPerVenue(), p.terms().maxTrialCyclesPerSubscriberPerVenue(), byVenue);
        }).toList();
        Map<Long, ServicePlan> byId = all.stream().collect(Collectors.toMap(ServicePlan::id, Function.identity()));
        int free = (int) account.subscriptions().stream().filter(s -> !ResidentPlan.paid(byId.get(s.planId()))).count();
        return new EnrollmentLimits(account.subscriber(), cart.maxFreeEnrollmentsPerSubscriber(), cart.maxTrialCyclesPerSubscriber(),
                free, limits);
    }

    /**
     * A page of the operator's subscribers whose email or name contains {@code text}
     * (case-insensitive), by email, after the subscriber {@code afterToken}: the dashboard's search,
     * read in SQL.
     */
    public Slice<Subscriber> searchSubscribers(Actor actor, String text, Optional<String> afterToken, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        return Slice.of(repository.searchSubscribers(actor.operatorId(), text.strip().toLowerCase(Locale.ROOT), afterToken, size + 1), size);
    }

    public List<Subscriber> listSubscribers(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.listSubscribers(actor.operatorId());
    }

    /** Every subscription of the operator with its subscriber, unit, venue, plan and state now. */
    @Transactional(readOnly = true)
    public List<SubscriptionView> listSubscriptions(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        Instant now = clock.instant();
        Context c = context(actor.operatorId());
        Map<Long, ServicePlan> planById = plans.listByOperator(actor.operatorId()).stream()
                .collect(Collectors.toMap(ServicePlan::id, Function.identity()));
        return c.subscriptions().stream().map(s -> {
            Unit unit = c.units().get(s.unitId());
            return new SubscriptionView(s, c.subscribers().get(s.subscriberId()), unit, c.venues().get(unit.venueId()).key(),
                    planById.get(s.planId()).key(), s.state(now));
        }).toList();
    }

    /**
     * A subscriber of the actor's operator by token with each of their subscriptions (unit, venue,
     * plan, state now): the dashboard's subscriber page, read for that subscriber only.
     */
    @Transactional(readOnly = true)
    public Optional<SubscriberAccount> subscriberByToken(Actor actor, String token) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.findSubscriberByToken(actor.operatorId(), token)
                .map(s -> new SubscriberAccount(s, repository.listBySubscriber(actor.operatorId(), s.id())));
    }

    public Optional<Subscriber> findSubscriber(long operatorId, long subscriberId) {
        return repository.findSubscriber(subscriberId).filter(s -> s.operatorId() == operatorId);
    }

    // ---- pending gateway VLAN changes --------------------------------------------------------

    /** listPendingGatewayVLANEnable for the actor's operator. */
    public List<PendingVlanChange> pendingEnables(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return pendingEnables(actor.operatorId());
    }

    /** listPendingGatewayVLANDisable for the actor's operator. */
    public List<PendingVlanChange> pendingDisables(Actor actor) {
        actor.require(Permission.READ_CONFIGURATION);
        return pendingDisables(actor.operatorId());
    }

    /**
     * Subscriptions that have started and not ended whose unit VLAN is not yet confirmed enabled
     * on every gateway of the venue, oldest start first. The gateway engine works from this list
     * every few seconds, so it is computed in SQL and opens no key.
     */
    @Transactional(readOnly = true)
    public List<PendingVlanChange> pendingEnables(long operatorId) {
        return pendingVlans.enables(operatorId, clock.instant());
    }

    /**
     * Units whose every subscription has ended while their VLAN is still enabled on a gateway of
     * the venue, each shown with its last-ending subscription, oldest end first (computed in SQL).
     */
    @Transactional(readOnly = true)
    public List<PendingVlanChange> pendingDisables(long operatorId) {
        return pendingVlans.disables(operatorId, clock.instant());
    }

    private record Context(List<Subscription> subscriptions, Map<Long, Unit> units, Map<Long, Venue> venues,
                           Map<Long, Subscriber> subscribers) {
    }

    private Context context(long operatorId) {
        return new Context(repository.listSubscriptions(operatorId),
                units.listByOperator(operatorId).stream().collect(Collectors.toMap(Unit::id, Function.identity())),
                venues.listByOperator(operatorId).stream().collect(Collectors.toMap(Venue::id, Function.identity())),
                repository.listSubscribers(operatorId).stream().collect(Collectors.toMap(Subscriber::id, Function.identity())));
    }

    // ---- look-ups for RADIUS and the engines --------------------------------------------------

    /**
     * The subscription active now at the venue whose PSK this is (a resident's device joining).
     * Found by the key's digest: keys are stored sealed, never in clear.
     */
    @Transactional(readOnly = true)
    public Optional<ActiveSubscription> findActiveByPsk(long operatorId, long venueId, String psk) {
        Instant now = clock.instant();
        return repository.findByPsk(operatorId, psk).stream()
                .filter(s -> s.venueId() == venueId && s.state(now) == Subscription.State.ACTIVE).findFirst()
                .map(s -> active(operatorId, s));
    }

    /**
     * The keys of the venue's subscriptions not ended now (running or still to start, each with its
     * dates): the candidates for a WPA handshake (Ruckus dynamic PSK), which the RADIUS work keeps
     * and filters by {@link VenueKey#activeAt}.
     */
    @Transactional(readOnly = true)
    public List<VenueKey> unendedKeysAtVenue(long operatorId, long venueId) {
        return repository.listUnendedKeysAtVenue(operatorId, venueId, clock.instant());
    }

    /** One subscription's key with its dates if it is the operator's and not ended now (what a key cache refreshes). */
    @Transactional(readOnly = true)
    public Optional<VenueKey> unendedKey(long operatorId, long subscriptionId) {
        Instant now = clock.instant();
        return repository.findSubscription(subscriptionId)
                .filter(s -> s.operatorId() == operatorId && (s.endsAt() == null || s.endsAt().isAfter(now)))
                .map(s -> new VenueKey(s.id(), s.psk(), s.startsAt(), s.endsAt()));
    }

    /** The subscription if it is active now (a device bound to it asks again, e.g. by MAC alone). */
    @Transactional(readOnly = true)
    public Optional<ActiveSubscription> findActive(long operatorId, long subscriptionId) {
        Instant now = clock.instant();
        return repository.findSubscription(subscriptionId)
                .filter(s -> s.operatorId() == operatorId && s.state(now) == Subscription.State.ACTIVE)
                .map(s -> active(operatorId, s));
    }

    /** The subscriber's subscription active now at the venue (by SubscriberToken's subscriber id). */
    @Transactional(readOnly = true)
    public Optional<ActiveSubscription> findActiveForSubscriber(long operatorId, long subscriberId, long venueId) {
        Instant now = clock.instant();
        return repository.listBySubscriber(operatorId, subscriberId).stream()
                .filter(s -> s.venueId() == venueId && s.state(now) == Subscription.State.ACTIVE)
                .max(Comparator.comparing(Subscription::startsAt)).map(s -> active(operatorId, s));
    }

    /** The subscriptions of the unit active now (more than one only when the operator allows overlap). */
    @Transactional(readOnly = true)
    public List<ActiveSubscription> activeOnUnit(long operatorId, long unitId) {
        Instant now = clock.instant();
        return repository.listByUnit(operatorId, unitId).stream()
                .filter(s -> s.state(now) == Subscription.State.ACTIVE).map(s -> active(operatorId, s)).toList();
    }

    /** Subscriptions starting or ending in [from, to): the engines' schedule of VLAN changes and emails. */
    @Transactional(readOnly = true)
    public List<Subscription> startingOrEndingBetween(long operatorId, Instant from, Instant to) {
        return repository.listSubscriptions(operatorId).stream()
                .filter(s -> within(s.startsAt(), from, to) || s.endsAt() != null && within(s.endsAt(), from, to)).toList();
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && t.isBefore(to);
    }

    private ActiveSubscription active(long operatorId, Subscription s) {
        Unit unit = units.find(operatorId, s.unitId()).orElseThrow();
        ServicePlan plan = plans.find(operatorId, s.planId()).orElseThrow();
        Subscriber subscriber = repository.findSubscriber(s.subscriberId()).orElseThrow();
        return new ActiveSubscription(s.id(), subscriber.id(), subscriber.token(), unit.id(), unit.key(), unit.venueId(),
                unit.vlan(), plan.key(), plan.terms().downloadKbps(), plan.terms().uploadKbps(),
                plan.terms().concurrentDevices(), plan.terms().sessionTimeoutSecondsPerDevice(), s.psk(), s.startsAt(), s.endsAt());
    }

    // ---- rules ---------------------------------------------------------------------------------

    void requireNoOverlap(Unit unit, Instant start, @Nullable Instant end, @Nullable Long except,
                                  Sections.Network network) {
        if (network.allowOverlappingSubscriptions()) {
            return;
        }
        repository.listByUnit(unit.operatorId(), unit.id()).stream()
                .filter(s -> (except == null || s.id() != except) && s.overlaps(start, end))
                .findFirst().ifPresent(s -> {
                    throw PorticoException.conflict("Unit " + unit.key() + " already has subscription " + s.id()
                            + " in that time (from " + s.startsAt() + (s.endsAt() == null ? "" : " to " + s.endsAt())
                            + "); this operator does not allow overlapping subscriptions.");
                });
    }

    private String psk(long operatorId, @Nullable String given, Sections.Network network, @Nullable Long except) {
        if (given == null || given.isEmpty()) {
            return Psk.generate();
        }
        if (!network.customPsk()) {
            throw PorticoException.invalid("psk", "This operator does not allow custom PSKs ({customPsk} is false); leave {psk} out.");
        }
        Psk.requireValid(given);
        Instant now = clock.instant();
        boolean taken = repository.findByPsk(operatorId, given).stream()
                .anyMatch(s -> (except == null || s.id() != except) && s.state(now) != Subscription.State.ENDED);
        if (taken) {
            throw keyTaken();
        }
        return given;
    }

    /**
     * Runs a write that claims a subscription's key. The unique claim index is what enforces one
     * live key per operator; the check in {@link #psk} only gives the usual case its message first.
     */
    static <T> T claimingKey(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw keyTaken();
        }
    }

    /**
     * Keys are unique across the operator's SSIDs: Portico's SSIDs (GlobalSSID) are the operator's,
     * broadcast at every venue, so two live subscriptions of an operator never share one.
     */
    private static PorticoException keyTaken() {
        return PorticoException.conflict("That {psk} is already used on this operator's WiFi networks; choose another.");
    }

    /** One of the operator's subscriptions, whatever its state. */
    @Transactional(readOnly = true)
    public Optional<Subscription> findSubscription(long operatorId, long id) {
        return repository.findSubscription(id).filter(s -> s.operatorId() == operatorId);
    }

    private Subscription subscription(long operatorId, long id) {
        return repository.findSubscription(id).filter(s -> s.operatorId() == operatorId)
                .orElseThrow(() -> PorticoException.notFound("Unknown {subscriptionId} " + id + "."));
    }

    private void audit(Actor actor, String function, String message, Subscription s) {
        String venueKey = venues.find(actor.operatorId(), s.venueId()).map(Venue::key).orElse("");
        String unitKey = units.find(actor.operatorId(), s.unitId()).map(Unit::key).orElse("");
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), clock.instant())
                .at(venueKey, unitKey));
    }
}
