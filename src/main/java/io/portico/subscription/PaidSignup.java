package io.portico.subscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.Passwords;
import io.portico.identity.Secrets;
import io.portico.identity.TokenGrant;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.SignupVenue.Kind;
import io.portico.subscription.persistence.PaidSignupRepository;
import io.portico.subscription.persistence.SubscriberPasswordRepository;
import io.portico.subscription.persistence.SubscriptionRepository;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;

/**
 * Residents' self sign-up for a priced plan, paid online: {@link #prepare} checks the sign-up as
 * {@link SelfSignup#signUp} does and keeps it waiting under a reference; the payment module's
 * checkout carries the reference and, on the provider's signed webhook, calls {@link #complete},
 * which creates the subscription exactly once. Renewals move the subscription's end forward
 * ({@link #extendTo}); a failed renewal or a cancellation brings it back to the end of the paid
 * period ({@link #endBy}), and the usual SubscriptionEnded webhooks and emails follow when that
 * time comes. The resident's browser proves it started the sign-up with the claim it was given.
 */
@Service
public class PaidSignup {

    private static final Logger log = LoggerFactory.getLogger(PaidSignup.class);

    /**
     * A sign-up waiting for payment, with what the checkout needs: the plan's price in minor units
     * of its currency, its billing cycle and the trial (0 when the resident has none left).
     */
    public record Checkout(long operatorId, String reference, String claim, String email, String locale, String planName,
                           long amountMinor, String currency, double billingCycleHours, int trialCycles) {

        /** The trial as whole days (Stripe's trial_period_days), 0 for none. */
        public int trialDays() {
            return PaidSignup.trialDays(trialCycles, billingCycleHours);
        }

        @Override
        public String toString() {
            return "Checkout[operator=" + operatorId + ", reference=" + reference + ", plan=" + planName + "]";
        }
    }

    static int trialDays(int trialCycles, double billingCycleHours) {
        return trialCycles == 0 ? 0 : (int) Math.max(1, Math.ceil(trialCycles * billingCycleHours / 24));
    }

    /** Where a waiting sign-up stands, for the page the resident returns to. */
    public enum Status { OPEN, COMPLETED, FAILED }

    private final SelfSignup selfSignup;
    private final PaidSignupRepository pending;
    private final SubscriptionService subscriptions;
    private final SubscriptionRepository subscribers;
    private final SubscriberPasswordRepository passwordHashes;
    private final SubscriberSessions sessions;
    private final UnitService units;
    private final PlanService plans;
    private final Passwords passwords;
    private final ResidentService residents;
    private final io.portico.venue.VenueService venues;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    PaidSignup(SelfSignup selfSignup, PaidSignupRepository pending, SubscriptionService subscriptions,
               SubscriptionRepository subscribers, SubscriberPasswordRepository passwordHashes, SubscriberSessions sessions,
               UnitService units, PlanService plans, Passwords passwords, ResidentService residents, io.portico.venue.VenueService venues,
               org.springframework.context.ApplicationEventPublisher events, Clock clock) {
        this.selfSignup = selfSignup;
        this.pending = pending;
        this.subscriptions = subscriptions;
        this.subscribers = subscribers;
        this.passwordHashes = passwordHashes;
        this.sessions = sessions;
        this.units = units;
        this.plans = plans;
        this.passwords = passwords;
        this.residents = residents;
        this.venues = venues;
        this.events = events;
        this.clock = clock;
    }

    /** Whether a plan needs paying (every price 0 means free). */
    public static boolean priced(ServicePlan plan) {
        return SelfSignup.kind(plan) != Kind.FREE;
    }

    /**
     * Checks a sign-up for a priced plan and keeps it waiting for payment. Refuses a free plan,
     * a unit that already has an active subscription, and whatever {@link SelfSignup#signUp}
     * refuses; the trial is offered only while the resident has trial cycles left.
     */
    @Transactional
    public Checkout prepare(SelfSignupRequest request, RequestOrigin origin) {
        SelfSignup.Checked c = selfSignup.check(request, origin, true);
        c.existingSession().ifPresent(session -> sessions.logout(session.accessToken()));
        if (c.kind() == Kind.FREE) {
            throw PorticoException.invalid("plan", "This plan is free; it needs no payment.");
        }
        long operatorId = c.link().operatorId();
        if (!subscriptions.activeOnUnit(operatorId, c.unit().id()).isEmpty()) {
            throw PorticoException.conflict("This unit already has an active subscription; ask the property.");
        }
        Map.Entry<String, Long> price = c.plan().terms().prices().entrySet().stream().filter(e -> e.getValue() > 0)
                .findFirst().orElseThrow();
        long subscriberId = c.existing().map(Subscriber::id).orElse(-1L);
        int trialCycles = selfSignup.trialAvailable(operatorId, subscriberId, c.link().venueId(), c.plan())
                ? c.plan().terms().trialCycles() : 0;
        String reference = "rs_" + Secrets.randomToken("").substring(0, 24);
        String claim = Secrets.randomToken("");
        SubscriberDetails d = c.details();
        pending.insert(new PaidSignupRepository.Pending(0, operatorId, reference, Secrets.digest(claim), c.link().venueId(),
                c.unit().id(), c.plan().id(), c.existing().map(Subscriber::id).orElse(null), d.email(), d.givenName(),
                d.familyName(), d.phoneE164(), d.locale(), c.existing().isPresent() ? null : passwords.hash(c.password()),
                trialCycles, Status.OPEN.name(), null), clock.instant());
        return new Checkout(operatorId, reference, claim, d.email(), d.locale(), c.plan().terms().name(), price.getValue(),
                price.getKey(), c.plan().terms().billingCycleHours(), trialCycles);
    }

    /**
     * The provider confirmed the payment of sign-up {@code reference}: creates the subscription,
     * running to {@code paidThrough} (or, when not known yet, to the end of the trial or the first
     * billing cycle), and answers its id. A second call, or one for an unknown reference, does
     * nothing. If the unit was taken while the resident paid, the sign-up is marked FAILED for
     * staff to refund, and nothing is created.
     */
    @Transactional
    public Optional<Long> complete(long operatorId, String reference, @Nullable Instant paidThrough) {
        Optional<PaidSignupRepository.Pending> found = pending.find(operatorId, reference);
        if (found.isEmpty()) {
            log.warn("Payment for unknown resident sign-up {} of operator {}", reference, operatorId);
            return Optional.empty();
        }
        PaidSignupRepository.Pending p = found.get();
        Instant now = clock.instant();
        if (!pending.close(p.id(), Status.COMPLETED.name(), now)) {
            return Optional.ofNullable(p.subscriptionId());
        }
        Unit unit = units.find(operatorId, p.unitId()).orElseThrow();
        ServicePlan plan = plans.find(operatorId, p.planId()).orElseThrow();
        double cycles = p.trialCycles() > 0 ? p.trialCycles() : 1;
        Instant endsAt = now.plus(Duration.ofSeconds(Math.round(cycles * plan.terms().billingCycleHours() * 3600)));
        if (paidThrough != null && paidThrough.isAfter(endsAt)) {
            endsAt = paidThrough;
        }
        SubscriberDetails details = new SubscriberDetails(p.email(), p.givenName(), p.familyName(), p.phone(), p.locale(), false, true);
        IssuedKey issued;
        try {
            issued = subscriptions.addKey(operatorId, new NewKey(unit.key(), plan.key(), details, null, endsAt, null));
        } catch (PorticoException e) {
            if (e.problem() != Problem.CONFLICT) {
                throw e;
            }
            pending.markFailed(p.id());
            log.error("Resident sign-up {} was paid but unit {} has an active subscription now; refund it", reference, unit.key());
            return Optional.empty();
        }
        long subscriberId = issued.subscriber().id();
        if (p.passwordHash() != null && passwordHashes.passwordHash(subscriberId).isEmpty()) {
            passwordHashes.savePasswordHash(subscriberId, p.passwordHash(), now);
        }
        if (p.trialCycles() > 0) {
            selfSignup.recordTrial(issued.subscription().id(), operatorId, subscriberId, p.venueId(), plan.id(), p.trialCycles(), now);
        }
        pending.linkSubscription(p.id(), issued.subscription().id());
        log.info("Paid sign-up {} completed: subscriber {}, subscription {}", reference, subscriberId, issued.subscription().id());
        return Optional.of(issued.subscription().id());
    }

    /** Where the sign-up stands, if the claim is the one its browser was given. */
    @Transactional(readOnly = true)
    public Optional<Status> status(String reference, String claim) {
        return claimed(reference, claim).map(p -> Status.valueOf(p.status()));
    }

    /** A console session for the resident once the paid sign-up is complete and the claim matches. */
    @Transactional
    public Optional<TokenGrant> signIn(String reference, String claim) {
        return claimed(reference, claim).filter(p -> p.subscriptionId() != null)
                .flatMap(p -> subscribers.findSubscriber(p.operatorId(), p.subscriberId() != null ? p.subscriberId()
                        : subscriptions.findSubscription(p.operatorId(), p.subscriptionId()).orElseThrow().subscriberId()))
                .map(subscriber -> sessions.open(subscriber, clock.instant()));
    }

    private Optional<PaidSignupRepository.Pending> claimed(String reference, String claim) {
        if (reference.length() > 40 || claim.length() > 64) {
            return Optional.empty();
        }
        return pending.findByReference(reference).filter(p -> java.security.MessageDigest.isEqual(
                p.claimDigest().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                Secrets.digest(claim).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** A renewal was paid through {@code paidThrough}: the subscription's end moves there, never back. */
    @Transactional
    public void extendTo(long operatorId, long subscriptionId, Instant paidThrough) {
        subscriptions.findSubscription(operatorId, subscriptionId).ifPresent(s -> {
            if (s.endsAt() != null && !s.endsAt().isBefore(paidThrough)) {
                return;
            }
            subscriptions.changeDates(s, s.startsAt(), paidThrough);
        });
    }

    /**
     * The subscription must end by {@code end} (the paid period's end after a failed renewal or a
     * cancellation); an end already earlier stays, and an end in the past ends it now.
     */
    @Transactional
    public void endBy(long operatorId, long subscriptionId, Instant end) {
        subscriptions.findSubscription(operatorId, subscriptionId).ifPresent(s -> {
            Instant now = clock.instant();
            Instant at = end.isBefore(now) ? now : end;
            if (s.endsAt() != null && !s.endsAt().isAfter(at) || !at.isAfter(s.startsAt())) {
                return;
            }
            subscriptions.changeDates(s, s.startsAt(), at);
        });
    }

    // ---- plan changes paid online (My plan) ----------------------------------------------------

    /**
     * A resident's plan change as the payment module needs it: the target plan's price in minor
     * units (0 for a free plan), its billing cycle, and the trial cycles the resident may still
     * have on it (the payment module offers them only to a resident who is not billed yet).
     */
    public record PlanChange(long operatorId, long subscriptionId, long subscriberId, String email, String locale,
                             long planId, String planName, String previousPlanName, long amountMinor, String currency,
                             double billingCycleHours, int trialCycles) {

        public boolean paid() {
            return amountMinor > 0;
        }

        /** The trial as whole days (Stripe's trial_period_days), 0 for none. */
        public int trialDays() {
            return PaidSignup.trialDays(trialCycles, billingCycleHours);
        }
    }

    /** Checks the resident's change (own subscription, not ended, another self-service plan) without making it. */
    @Transactional(readOnly = true)
    public PlanChange planChange(SubscriberPrincipal resident, long subscriptionId, String planKey) {
        ResidentService.Change c = residents.checkedChange(resident, subscriptionId, planKey);
        Subscriber subscriber = subscribers.findSubscriber(resident.operatorId(), resident.subscriberId()).orElseThrow();
        ServicePlan plan = c.plan();
        Map.Entry<String, Long> price = plan.terms().prices().entrySet().stream().filter(e -> e.getValue() > 0)
                .findFirst().orElse(Map.entry("USD", 0L));
        int trialCycles = price.getValue() > 0 && selfSignup.trialAvailable(resident.operatorId(), subscriber.id(),
                c.subscription().venueId(), plan) ? plan.terms().trialCycles() : 0;
        return new PlanChange(resident.operatorId(), c.subscription().id(), subscriber.id(), subscriber.email(), subscriber.locale(),
                plan.id(), plan.terms().name(), c.previous().terms().name(), price.getValue(), price.getKey(),
                plan.terms().billingCycleHours(), trialCycles);
    }

    /**
     * The provider confirmed a resident's plan change: the subscription moves to the plan as staff's
     * changeServicePlan moves it (SubscriptionPlanUpdated, the gateways get the new speed), the
     * trial is recorded, and the operator log names the resident who asked. When the change
     * {@code startsBilling} (the first paid plan), the subscription's end becomes the end of the
     * trial or first cycle, or {@code paidThrough} if later. A subscription already
     * on that plan or ended stays as it is.
     */
    @Transactional
    public void applyPlanChange(long operatorId, long subscriptionId, long planId, String requestedBy, int trialCycles,
                                boolean startsBilling, @Nullable Instant paidThrough) {
        Subscription s = subscriptions.findSubscription(operatorId, subscriptionId).orElseThrow();
        Instant now = clock.instant();
        if (s.planId() == planId || s.state(now) == Subscription.State.ENDED) {
            log.warn("Paid plan change of subscription {} to plan {} not applied: it has that plan or has ended", subscriptionId, planId);
            return;
        }
        ServicePlan plan = plans.find(operatorId, planId).orElseThrow();
        ServicePlan previous = plans.find(operatorId, s.planId()).orElseThrow();
        subscriptions.movePlan(s, plan, previous);
        if (startsBilling) {
            // billed from now on: the subscription runs to the end of the trial or first cycle (or what is paid already)
            double cycles = trialCycles > 0 ? trialCycles : 1;
            Instant endsAt = now.plus(Duration.ofSeconds(Math.round(cycles * plan.terms().billingCycleHours() * 3600)));
            subscriptions.changeDates(subscriptions.findSubscription(operatorId, subscriptionId).orElseThrow(), s.startsAt(),
                    paidThrough != null && paidThrough.isAfter(endsAt) ? paidThrough : endsAt);
        }
        if (trialCycles > 0) {
            selfSignup.recordTrial(s.id(), operatorId, s.subscriberId(), s.venueId(), plan.id(), trialCycles, now);
        }
        Unit unit = units.find(operatorId, s.unitId()).orElseThrow();
        events.publishEvent(new io.portico.platform.AdministratorActed(operatorId, "Subscriber " + requestedBy,
                io.portico.platform.RequestOrigin.SYSTEM, "/resident/changeServicePlan",
                Map.of("message", "Subscription " + s.id() + ": plan changed by the resident from " + previous.terms().name()
                        + " to " + plan.terms().name() + ", confirmed by the payment provider."),
                "", "", now).at(venues.find(operatorId, unit.venueId()).orElseThrow().key(), unit.key()));
    }

    /** A paid plan became free (the provider stopped billing): the subscription runs on without an end. */
    @Transactional
    public void openEnd(long operatorId, long subscriptionId) {
        subscriptions.findSubscription(operatorId, subscriptionId).filter(s -> s.endsAt() != null)
                .ifPresent(s -> subscriptions.changeDates(s, s.startsAt(), null));
    }

    /** Who pays for a subscription and what it is on now, for receipts and the Billing list. */
    public record Billed(long subscriberId, String email, String locale, String planName) {
    }

    @Transactional(readOnly = true)
    public Optional<Billed> billed(long operatorId, long subscriptionId) {
        return subscriptions.findSubscription(operatorId, subscriptionId).flatMap(s -> subscribers.findSubscriber(operatorId, s.subscriberId())
                .map(r -> new Billed(r.id(), r.email(), r.locale(), plans.find(operatorId, s.planId()).map(p -> p.terms().name()).orElse(""))));
    }
}
