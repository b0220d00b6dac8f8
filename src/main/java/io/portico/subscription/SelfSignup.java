package io.portico.subscription;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.identity.Passwords;
import io.portico.identity.Secrets;
import io.portico.identity.TokenGrant;
import io.portico.operator.OperatorSettingsService;
import io.portico.operator.Section;
import io.portico.operator.Sections;
import io.portico.plan.PlanService;
import io.portico.plan.ServicePlan;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.KeyedRateLimit;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.RequestOrigin;
import io.portico.subscription.SignupVenue.Kind;
import io.portico.subscription.persistence.SelfSignupRepository;
import io.portico.subscription.persistence.SubscriberPasswordRepository;
import io.portico.subscription.persistence.SubscriptionRepository;
import io.portico.unit.Unit;
import io.portico.unit.UnitService;
import io.portico.venue.Venue;
import io.portico.venue.VenueService;

/**
 * Residents signing themselves up at a venue (the subscriber console's sign-up pages): staff
 * create the venue's sign-up link ({@link #link}), residents open it, give their unit's number
 * (and the property's sign-up code when it set one), choose a plan with {@code AllowSelfSignup},
 * accept the terms and set a password. The subscription is created by
 * {@link SubscriptionService#addKey} exactly as staff create one (SubscriptionAdded/Started,
 * VLAN change, welcome email). Free plans and trials count against the plan's and the operator's
 * limits; plans that need a card payment are refused until Portico takes payments.
 */
@Service
public class SelfSignup {

    private static final Logger log = LoggerFactory.getLogger(SelfSignup.class);

    private final SelfSignupRepository links;
    private final SubscriptionRepository subscribers;
    private final SubscriberPasswordRepository passwordHashes;
    private final SubscriptionService subscriptions;
    private final SubscriberSessions sessions;
    private final VenueService venues;
    private final UnitService units;
    private final PlanService plans;
    private final OperatorSettingsService settings;
    private final Passwords passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final KeyedRateLimit perAddress;

    SelfSignup(SelfSignupRepository links, SubscriptionRepository subscribers, SubscriberPasswordRepository passwordHashes,
               SubscriptionService subscriptions, SubscriberSessions sessions, VenueService venues, UnitService units,
               PlanService plans, OperatorSettingsService settings, Passwords passwords, ApplicationEventPublisher events,
               SubscriptionProperties properties, Clock clock) {
        this.links = links;
        this.subscribers = subscribers;
        this.passwordHashes = passwordHashes;
        this.subscriptions = subscriptions;
        this.sessions = sessions;
        this.venues = venues;
        this.units = units;
        this.plans = plans;
        this.settings = settings;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
        this.perAddress = new KeyedRateLimit(properties.signupsPerAddressPerHour(), Duration.ofHours(1), clock);
    }

    /** A venue's sign-up link as staff see it: the token for {@code /subscriber/signup/<token>} and the sign-up code. */
    public record SignupLink(String venueKey, String token, String signupCode) {
    }

    /** A finished sign-up: the new subscription and a console session for the resident. */
    public record SignedUp(IssuedKey issued, TokenGrant session) {
    }

    /**
     * The venue's sign-up link, created on first use. {@code regenerate} replaces the token (the
     * old link stops working); {@code signupCode} (null: keep, empty: none) sets the code residents
     * must also enter. Reading needs READ_CONFIGURATION, changing MANAGE_SUBSCRIBERS; changes are audited.
     */
    @Transactional
    public SignupLink link(Actor actor, @Nullable String venueKey, boolean regenerate, @Nullable String signupCode) {
        actor.require(Permission.READ_CONFIGURATION);
        if (venueKey == null || venueKey.isBlank()) {
            throw PorticoException.invalid("venueId", "{venueId} is required.");
        }
        Venue venue = venues.findByKey(actor.operatorId(), venueKey.strip())
                .orElseThrow(() -> PorticoException.notFound("Unknown {venueId} " + venueKey + "."));
        Optional<SelfSignupRepository.Link> current = links.findByVenue(actor.operatorId(), venue.id());
        String code = signupCode == null ? current.map(SelfSignupRepository.Link::code).orElse("") : signupCode.strip();
        if (code.length() > 64) {
            throw PorticoException.invalid("signupCode", "{signupCode} must be at most 64 characters.");
        }
        if (current.isPresent() && !regenerate && code.equals(current.get().code())) {
            return new SignupLink(venue.key(), current.get().token(), code);
        }
        actor.require(Permission.MANAGE_SUBSCRIBERS);
        String token = current.isPresent() && !regenerate ? current.get().token() : Secrets.randomToken("").substring(0, 24);
        links.save(actor.operatorId(), venue.id(), token, code, clock.instant());
        events.publishEvent(AdministratorActed.by(actor, "/venues/selfSignupLink", Map.of("message",
                (current.isEmpty() ? "Self sign-up link created" : regenerate ? "Self sign-up link replaced" : "Self sign-up code changed")
                        + " for venue " + venue.key() + (code.isEmpty() ? "; no sign-up code." : "; a sign-up code is required.")),
                clock.instant()).at(venue.key(), ""));
        return new SignupLink(venue.key(), token, code);
    }

    /** The venue behind a sign-up link and the plans on offer there; 404 for an unknown link. */
    @Transactional(readOnly = true)
    public SignupVenue venue(@Nullable String token) {
        SelfSignupRepository.Link link = link(token);
        Venue venue = venues.find(link.operatorId(), link.venueId()).orElseThrow();
        List<SignupVenue.Offer> offers = plans.listByOperator(link.operatorId()).stream()
                .filter(p -> p.terms().allowSelfSignup())
                .map(p -> new SignupVenue.Offer(p, kind(p)))
                .toList();
        return new SignupVenue(link.operatorId(), venue.id(), venue.name(), !link.code().isEmpty(), offers);
    }

    /**
     * Signs a resident up (see the class comment). A new email becomes a subscriber with the
     * password; an email the operator already knows must come with that account's password (the
     * sign-in lockout applies), and an account without a password is sent to "forgot password".
     * Every refusal is a 4xx naming the field ({@code signupCode}, {@code terms}, {@code unit},
     * {@code plan}, {@code payment}, {@code freeLimit}, {@code trialLimit}, {@code account}, ...);
     * nothing is stored unless the whole sign-up succeeds.
     */
    @Transactional
    public SignedUp signUp(SelfSignupRequest request, RequestOrigin origin) {
        Checked checked = check(request, origin, false);
        SelfSignupRepository.Link link = checked.link();
        long operatorId = link.operatorId();
        ServicePlan plan = checked.plan();
        Kind kind = checked.kind();
        Optional<Subscriber> existing = checked.existing();
        Instant now = clock.instant();
        Instant endsAt = null;
        requireWithinLimits(operatorId, existing.map(Subscriber::id).orElse(-1L), link.venueId(), plan, kind);
        if (kind == Kind.TRIAL) {
            endsAt = now.plus(Duration.ofSeconds(Math.round(plan.terms().trialCycles() * plan.terms().billingCycleHours() * 3600)));
        }
        IssuedKey issued;
        try {
            issued = subscriptions.addKey(operatorId, new NewKey(checked.unit().key(), plan.key(), checked.details(), null, endsAt, null));
        } catch (PorticoException e) {
            if (e.problem() == io.portico.platform.Problem.CONFLICT) {
                throw PorticoException.conflict("This unit already has an active subscription; ask the property.");
            }
            throw e;
        }
        Subscriber subscriber = issued.subscriber();
        links.recordEnrolment(issued.subscription().id(), operatorId, subscriber.id(), link.venueId(), plan.id(),
                kind == Kind.FREE ? SelfSignupRepository.Kind.FREE : SelfSignupRepository.Kind.TRIAL,
                kind == Kind.TRIAL ? plan.terms().trialCycles() : 0, now);
        if (existing.isEmpty()) {
            passwordHashes.savePasswordHash(subscriber.id(), passwords.hash(checked.password()), now);
        }
        events.publishEvent(new LoginPasswordCreated(subscriber, origin, now, true));
        log.info("Subscriber {} signed up at venue {} for plan {} ({}), subscription {}", subscriber.id(), link.venueId(),
                plan.key(), kind, issued.subscription().id());
        TokenGrant session = checked.existingSession().orElseGet(() -> sessions.open(subscriber, now));
        return new SignedUp(issued, session);
    }

    /** A sign-up request that passed every check but the enrolment limits, with what it resolved to. */
    record Checked(SelfSignupRepository.Link link, Unit unit, ServicePlan plan, Kind kind, SubscriberDetails details,
                   Optional<Subscriber> existing, Optional<TokenGrant> existingSession, String password) {
    }

    /**
     * The checks every sign-up passes, in the order residents meet their messages; {@code paying}
     * lets a plan that needs payment through ({@link PaidSignup}).
     */
    Checked check(SelfSignupRequest request, RequestOrigin origin, boolean paying) {
        perAddress.take(origin.sourceIp(), "Too many sign-ups from this address; try again later.");
        SelfSignupRepository.Link link = link(request.venueToken());
        long operatorId = link.operatorId();
        if (!link.code().isEmpty() && !sameCode(link.code(), request.signupCode())) {
            throw PorticoException.invalid("signupCode", "The sign-up code is not right; ask the property for it.");
        }
        SubscriberDetails details = new SubscriberDetails(request.email(), request.givenName(), request.familyName(),
                request.phoneE164(), request.locale(), false, true);
        Unit unit = unit(link, request.unitNumber());
        ServicePlan plan = plan(operatorId, request.planKey());
        Kind kind = kind(plan);
        if (kind == Kind.PAID && !paying) {
            throw PorticoException.invalid("payment", "Card payment is not available yet; ask the property to sign you up for this plan.");
        }
        if (!request.acceptedTerms()) {
            throw PorticoException.invalid("terms", "Accept the terms and conditions to sign up.");
        }
        String password = request.password() == null ? "" : request.password();
        Optional<Subscriber> existing = subscribers.findSubscriberByEmail(operatorId, details.email());
        Optional<TokenGrant> existingSession = Optional.empty();
        if (existing.isPresent()) {
            existingSession = Optional.of(signInExisting(existing.get(), password, origin));
        } else {
            Passwords.check(password);
        }
        return new Checked(link, unit, plan, kind, details, existing, existingSession, password);
    }

    /** Whether the subscriber (-1: a new one) may still have the plan's trial at the venue (plan and operator limits). */
    boolean trialAvailable(long operatorId, long subscriberId, long venueId, ServicePlan plan) {
        try {
            requireWithinLimits(operatorId, subscriberId, venueId, plan, Kind.TRIAL);
            return plan.terms().trialCycles() > 0;
        } catch (PorticoException e) {
            return false;
        }
    }

    void recordTrial(long subscriptionId, long operatorId, long subscriberId, long venueId, long planId, int trialCycles, Instant now) {
        links.recordEnrolment(subscriptionId, operatorId, subscriberId, venueId, planId, SelfSignupRepository.Kind.TRIAL, trialCycles, now);
    }

    private TokenGrant signInExisting(Subscriber subscriber, String password, RequestOrigin origin) {
        if (passwordHashes.passwordHash(subscriber.id()).isEmpty()) {
            throw PorticoException.invalid("account", "You already have an account here without a password: use "
                    + "\"forgot password\" to set one, then sign up again.");
        }
        PorticoException wrong = PorticoException.invalid("account",
                "You already have an account here: enter its password (or reset it with \"forgot password\").");
        TokenGrant grant;
        try {
            grant = sessions.login(subscriber.email(), password, origin);
        } catch (PorticoException e) {
            if (e.problem() == io.portico.platform.Problem.TOO_MANY_REQUESTS) {
                throw e;
            }
            throw wrong;
        }
        // The password may have opened the same email's account at another operator.
        boolean thisOperator = sessions.authenticate(grant.accessToken(), origin)
                .map(p -> p.subscriberId() == subscriber.id()).orElse(false);
        if (!thisOperator) {
            sessions.logout(grant.accessToken());
            throw wrong;
        }
        return grant;
    }

    private void requireWithinLimits(long operatorId, long subscriberId, long venueId, ServicePlan plan, Kind kind) {
        Sections.ShoppingCart cart = settings.section(operatorId, Section.SHOPPING_CART);
        if (kind == Kind.FREE) {
            int planLimit = plan.terms().maxFreeEnrollmentsPerSubscriberPerVenue();
            int atVenue = subscriberId < 0 ? 0 : links.freeEnrolments(operatorId, subscriberId, venueId, plan.id());
            int overall = subscriberId < 0 ? 0 : links.freeEnrolments(operatorId, subscriberId, null, null);
            if ((planLimit > 0 && atVenue + 1 > planLimit)
                    || (cart.maxFreeEnrollmentsPerSubscriber() >= 0 && overall + 1 > cart.maxFreeEnrollmentsPerSubscriber())) {
                throw PorticoException.invalid("freeLimit", "You have used all the free sign-ups allowed for this plan; ask the property.");
            }
        } else {
            int cycles = plan.terms().trialCycles();
            int planLimit = plan.terms().maxTrialCyclesPerSubscriberPerVenue();
            int atVenue = subscriberId < 0 ? 0 : links.trialCycles(operatorId, subscriberId, venueId, plan.id());
            int overall = subscriberId < 0 ? 0 : links.trialCycles(operatorId, subscriberId, null, null);
            if ((planLimit > 0 && atVenue + cycles > planLimit)
                    || (cart.maxTrialCyclesPerSubscriber() >= 0 && overall + cycles > cart.maxTrialCyclesPerSubscriber())) {
                throw PorticoException.invalid("trialLimit", "You have used the free trial allowed for this plan; ask the property.");
            }
        }
    }

    private SelfSignupRepository.Link link(@Nullable String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            throw PorticoException.notFound("Unknown sign-up link.");
        }
        return links.findByToken(token.strip()).orElseThrow(() -> PorticoException.notFound("Unknown sign-up link."));
    }

    private Unit unit(SelfSignupRepository.Link link, @Nullable String number) {
        if (number == null || number.isBlank()) {
            throw PorticoException.invalid("unit", "Enter your unit's number.");
        }
        String wanted = number.strip().toLowerCase(Locale.ROOT);
        List<Unit> matches = units.listByVenue(link.operatorId(), link.venueId()).stream()
                .filter(u -> u.name().strip().toLowerCase(Locale.ROOT).equals(wanted)).toList();
        if (matches.size() != 1) {
            throw PorticoException.invalid("unit", "There is no unit " + number.strip() + " here; check the number or ask the property.");
        }
        return matches.getFirst();
    }

    private ServicePlan plan(long operatorId, @Nullable String planKey) {
        if (planKey == null || planKey.isBlank()) {
            throw PorticoException.invalid("plan", "Choose a plan.");
        }
        return plans.findByKey(operatorId, planKey.strip()).filter(p -> p.terms().allowSelfSignup())
                .orElseThrow(() -> PorticoException.invalid("plan", "This plan is not open for sign-up; choose another."));
    }

    static Kind kind(ServicePlan plan) {
        boolean free = plan.terms().prices().values().stream().allMatch(price -> price == 0L);
        if (free) {
            return Kind.FREE;
        }
        return plan.terms().trialCycles() > 0 ? Kind.TRIAL : Kind.PAID;
    }

    private static boolean sameCode(String expected, @Nullable String given) {
        String normalised = given == null ? "" : given.strip();
        return MessageDigest.isEqual(expected.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8),
                normalised.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }
}
