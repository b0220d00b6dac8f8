package io.portico.guest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.guest.persistence.GuestPlanRepository;
import io.portico.guest.persistence.PurchaseRepository;
import io.portico.guest.persistence.SessionProfileRepository;
import io.portico.guest.persistence.VoucherRepository;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;

/**
 * Entry point for what guests can buy and what they bought: session profiles, guest plans,
 * vouchers and purchases. The console manages them; the guest API lists purchases; the RADIUS
 * module asks for a guest's {@link #activePlan} and redeems vouchers ({@link #redeemVoucher}).
 */
@Service
public class GuestPlanService {

    /** Voucher code alphabet: no 0/O, 1/I/L, so codes survive being read aloud or retyped. */
    private static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private static final int CODE_LENGTH = 10;
    public static final String VOUCHER_GATEWAY = "Voucher";
    public static final String MANUAL_GATEWAY = "Manual";

    private final SessionProfileRepository profiles;
    private final GuestPlanRepository plans;
    private final PurchaseRepository purchases;
    private final VoucherRepository vouchers;
    private final GuestService guests;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SecureRandom secureRandom = new SecureRandom();
    private final PlanCache cache;

    GuestPlanService(SessionProfileRepository profiles, GuestPlanRepository plans, PurchaseRepository purchases,
                     VoucherRepository vouchers, GuestService guests, ApplicationEventPublisher events, Clock clock,
                     GuestProperties properties) {
        this.profiles = profiles;
        this.plans = plans;
        this.purchases = purchases;
        this.vouchers = vouchers;
        this.guests = guests;
        this.events = events;
        this.clock = clock;
        this.cache = new PlanCache(properties.planCacheTtl(), com.github.benmanes.caffeine.cache.Ticker.systemTicker());
    }

    // ---- session profiles and guest plans ----

    @Transactional
    public SessionProfile addSessionProfile(Actor actor, long clientId, String name, @Nullable Duration sessionTimeout,
                                            @Nullable Duration idleTimeout, @Nullable Long downloadKbps,
                                            @Nullable Long uploadKbps, @Nullable Long dataCapBytes) {
        actor.require(Permission.MANAGE_PLANS);
        guests.requireClient(actor, clientId);
        SessionProfile profile = addSessionProfile(new SessionProfile(0, clientId, name, sessionTimeout, idleTimeout,
                downloadKbps, uploadKbps, dataCapBytes, clock.instant()));
        audit(actor, "/guests/addSessionProfile", "Session profile added: " + profile.name() + ".");
        return profile;
    }

    /** Adds a session profile without an acting administrator (demo data, tests). */
    @Transactional
    public SessionProfile addSessionProfile(SessionProfile draft) {
        if (profiles.findSessionProfileByName(draft.clientId(), draft.name()).isPresent()) {
            throw PorticoException.conflict("Session profile " + draft.name() + " already exists.");
        }
        return profiles.insert(draft);
    }

    /**
     * Changes a session profile's name and limits (the dashboard's guest set-up). Devices get the
     * new limits at their next sign-in; RADIUS nodes may serve the old ones for up to
     * {@code portico.guest.plan-cache-ttl}.
     */
    @Transactional
    public SessionProfile updateSessionProfile(Actor actor, long clientId, long profileId, String name,
                                               @Nullable Duration sessionTimeout, @Nullable Duration idleTimeout,
                                               @Nullable Long downloadKbps, @Nullable Long uploadKbps, @Nullable Long dataCapBytes) {
        actor.require(Permission.MANAGE_PLANS);
        SessionProfile existing = sessionProfile(actor, clientId, profileId);
        SessionProfile changed = new SessionProfile(profileId, clientId, name, sessionTimeout, idleTimeout, downloadKbps,
                uploadKbps, dataCapBytes, existing.createdAt());
        profiles.findSessionProfileByName(clientId, changed.name()).filter(other -> other.id() != profileId).ifPresent(other -> {
            throw PorticoException.conflict("Session profile " + changed.name() + " already exists.");
        });
        profiles.update(changed);
        cache.evict(null, profileId);
        audit(actor, "/guests/updateSessionProfile", "Session profile " + profileId + " updated: " + changed.name() + ".");
        return changed;
    }

    /** One session profile of the client. */
    public SessionProfile sessionProfile(Actor actor, long clientId, long profileId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return profiles.findSessionProfile(profileId).filter(p -> p.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown session profile " + profileId + "."));
    }

    /**
     * A page (zero-based) of the client's session profiles whose name starts with {@code namePrefix}
     * (case-insensitive), by name, read in SQL: the dashboard's list and its bounded menus.
     */
    public Slice<SessionProfile> sessionProfilePage(Actor actor, long clientId, String namePrefix, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return Slice.of(profiles.page(clientId, Slice.prefix(namePrefix), Slice.offset(page, size), size + 1), size);
    }

    public List<SessionProfile> listSessionProfiles(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return profiles.listSessionProfiles(clientId);
    }

    @Transactional
    public GuestPlan addGuestPlan(Actor actor, long clientId, long sessionProfileId, String name, Duration duration,
                                  long priceCents, String currency) {
        actor.require(Permission.MANAGE_PLANS);
        guests.requireClient(actor, clientId);
        GuestPlan plan = addGuestPlan(new GuestPlan(0, clientId, sessionProfileId, name, duration, priceCents, currency,
                clock.instant()));
        audit(actor, "/guests/addGuestPlan", "Guest plan added: " + plan.name() + ".");
        return plan;
    }

    /** Adds a guest plan without an acting administrator (demo data, tests). */
    @Transactional
    public GuestPlan addGuestPlan(GuestPlan draft) {
        profiles.findSessionProfile(draft.sessionProfileId()).filter(p -> p.clientId() == draft.clientId())
                .orElseThrow(() -> PorticoException.notFound("Unknown session profile " + draft.sessionProfileId() + "."));
        if (plans.findGuestPlanByName(draft.clientId(), draft.name()).isPresent()) {
            throw PorticoException.conflict("Guest plan " + draft.name() + " already exists.");
        }
        return plans.insert(draft);
    }

    /**
     * Changes a guest plan's name, session profile, length and price (the dashboard's guest
     * set-up). Purchases already made keep their start and end; new ones use the new length.
     */
    @Transactional
    public GuestPlan updateGuestPlan(Actor actor, long clientId, long planId, long sessionProfileId, String name,
                                     Duration duration, long priceCents, String currency) {
        actor.require(Permission.MANAGE_PLANS);
        GuestPlan existing = guestPlan(actor, clientId, planId);
        GuestPlan changed = new GuestPlan(planId, clientId, sessionProfileId, name, duration, priceCents, currency,
                existing.createdAt());
        profiles.findSessionProfile(sessionProfileId).filter(p -> p.clientId() == clientId)
                .orElseThrow(() -> PorticoException.invalid("sessionProfileId", "Unknown session profile " + sessionProfileId + "."));
        plans.findGuestPlanByName(clientId, changed.name()).filter(other -> other.id() != planId).ifPresent(other -> {
            throw PorticoException.conflict("Guest plan " + changed.name() + " already exists.");
        });
        plans.update(changed);
        cache.evict(planId, null);
        audit(actor, "/guests/updateGuestPlan", "Guest plan " + planId + " updated: " + changed.name() + ".");
        return changed;
    }

    /** One guest plan of the client. */
    public GuestPlan guestPlan(Actor actor, long clientId, long planId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return requirePlan(clientId, planId);
    }

    /** A page (zero-based) of the client's guest plans by name, read in SQL (the dashboard's list). */
    public Slice<GuestPlan> guestPlanPage(Actor actor, long clientId, int page, int size) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return Slice.of(plans.guestPlanPage(clientId, Slice.offset(page, size), size + 1), size);
    }

    /** At most {@code limit} of the client's guest plans whose name starts with {@code namePrefix} (case-insensitive), by name. */
    public List<GuestPlan> namedGuestPlans(Actor actor, long clientId, String namePrefix, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return plans.named(clientId, Slice.prefix(namePrefix), limit);
    }

    public List<GuestPlan> listGuestPlans(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return plans.listGuestPlans(clientId);
    }

    // ---- vouchers ----

    /** Creates one voucher (with a chosen or random code) or a batch of random-code vouchers. */
    @Transactional
    public List<Voucher> createVouchers(Actor actor, NewVouchers request) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.requireClient(actor, request.clientId());
        List<Voucher> vouchers = createVouchers(request, secureRandom);
        audit(actor, "/guests/addVouchers", vouchers.size() + " voucher(s) added for guest plan " + request.guestPlanId()
                + (request.maxUses() == 1 ? " (single-use)." : " (" + request.maxUses() + " uses each)."));
        return vouchers;
    }

    /** Creates vouchers with codes drawn from the given generator (demo data passes a seeded one). */
    @Transactional
    public List<Voucher> createVouchers(NewVouchers request, RandomGenerator random) {
        return createVouchers(request, random, null);
    }

    private List<Voucher> createVouchers(NewVouchers request, RandomGenerator random, @Nullable Long batchId) {
        requirePlan(request.clientId(), request.guestPlanId());
        if (request.expiresAt() != null && !request.expiresAt().isAfter(clock.instant())) {
            throw PorticoException.invalid("expiresAt", "{expiresAt} must be in the future.");
        }
        List<Voucher> created = new ArrayList<>(request.count());
        for (int i = 0; i < request.count(); i++) {
            String code = request.code() != null ? request.code() : uniqueCode(request.clientId(), random);
            if (vouchers.findVoucherByCode(request.clientId(), code).isPresent()) {
                throw PorticoException.conflict("Voucher code " + code + " already exists.");
            }
            created.add(vouchers.insert(new Voucher(0, request.clientId(), request.guestPlanId(), code,
                    request.maxUses(), 0, request.expiresAt(), null, clock.instant()), batchId));
        }
        return created;
    }

    private String uniqueCode(long clientId, RandomGenerator random) {
        while (true) {
            StringBuilder sb = new StringBuilder(CODE_LENGTH);
            for (int i = 0; i < CODE_LENGTH; i++) {
                sb.append(CODE_ALPHABET.charAt(random.nextInt(CODE_ALPHABET.length())));
            }
            if (vouchers.findVoucherByCode(clientId, sb.toString()).isEmpty()) {
                return sb.toString();
            }
        }
    }

    public List<Voucher> listVouchers(Actor actor, long clientId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return vouchers.listVouchers(clientId);
    }

    @Transactional
    public void revokeVoucher(Actor actor, long clientId, long voucherId) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.requireClient(actor, clientId);
        Voucher voucher = vouchers.findVoucher(voucherId).filter(v -> v.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown voucher " + voucherId + "."));
        vouchers.revokeVoucher(voucher.id(), clock.instant());
        audit(actor, "/guests/revokeVoucher", "Voucher " + voucher.code() + " revoked.");
    }

    /**
     * Creates a batch of random-code vouchers to print (the dashboard's voucher page); the
     * hotspot, when given, must be one of the client's (the facade checks it with the hotspot module).
     */
    @Transactional
    public VoucherBatch createBatch(Actor actor, NewVoucherBatch request) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.requireClient(actor, request.clientId());
        long batchId = vouchers.insertBatch(request, actor.label(), clock.instant());
        List<Voucher> created = createVouchers(request.vouchers(), secureRandom, batchId);
        audit(actor, "/guests/addVoucherBatch", "Voucher batch " + request.label() + " added: " + created.size()
                + " voucher(s) for guest plan " + request.guestPlanId() + ".");
        return vouchers.findBatch(request.clientId(), batchId).orElseThrow();
    }

    /** A page of the client's voucher batches, newest first (keyset: pass the last id seen as {@code beforeId}). */
    public List<VoucherBatch> listBatches(Actor actor, long clientId, @Nullable Long beforeId, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return vouchers.listBatches(clientId, beforeId, pageSize(limit));
    }

    public VoucherBatch batch(Actor actor, long clientId, long batchId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return vouchers.findBatch(clientId, batchId)
                .orElseThrow(() -> PorticoException.notFound("Unknown voucher batch " + batchId + "."));
    }

    /** A page of a batch's vouchers in printing order (keyset: pass the last id seen as {@code afterId}). */
    public List<Voucher> batchVouchers(Actor actor, long clientId, long batchId, long afterId, int limit) {
        batch(actor, clientId, batchId);
        return vouchers.listBatchVouchers(clientId, batchId, afterId, Math.min(Math.max(limit, 1), NewVouchers.MAX_BATCH));
    }

    /** One voucher of the client (to reprint it or see its redemptions). */
    public Voucher voucher(Actor actor, long clientId, long voucherId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.requireClient(actor, clientId);
        return vouchers.findVoucher(voucherId).filter(v -> v.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown voucher " + voucherId + "."));
    }

    /** A voucher's redemptions (who, when, which hotspot), newest first. */
    public List<VoucherRedemption> voucherRedemptions(Actor actor, long clientId, long voucherId, @Nullable Long beforeId, int limit) {
        voucher(actor, clientId, voucherId);
        return vouchers.listRedemptions(clientId, false, voucherId, beforeId, pageSize(limit));
    }

    /** A batch's redemptions, newest first. */
    public List<VoucherRedemption> batchRedemptions(Actor actor, long clientId, long batchId, @Nullable Long beforeId, int limit) {
        batch(actor, clientId, batchId);
        return vouchers.listRedemptions(clientId, true, batchId, beforeId, pageSize(limit));
    }

    private static int pageSize(int limit) {
        return Math.min(Math.max(limit, 1), 500);
    }

    /** {@link #redeemVoucher(long, String, MacAddress, Long)} where no hotspot is known (demo data). */
    @Transactional
    public Purchase redeemVoucher(long clientId, String code, MacAddress mac) {
        return redeemVoucher(clientId, code, mac, null);
    }

    /**
     * Redeems a voucher code for a device at the client: finds or creates the guest, takes one use
     * of the voucher, starts its guest plan now and records the redemption with the hotspot it came
     * through. Called by RADIUS (code as password) and the captive portal. 404 for unknown codes;
     * 409 when used up, expired or revoked.
     */
    @Transactional
    public Purchase redeemVoucher(long clientId, String code, MacAddress mac, @Nullable Long hotspotId) {
        String normalised = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        Voucher voucher = vouchers.findVoucherByCode(clientId, normalised)
                .orElseThrow(() -> PorticoException.notFound("Unknown voucher code."));
        Instant now = clock.instant();
        if (!voucher.redeemableAt(now) || !vouchers.takeUse(voucher.id())) {
            throw PorticoException.conflict("Voucher " + voucher.code() + " is used up, expired or revoked.");
        }
        Guest guest = guests.findOrCreate(clientId, mac);
        GuestPlan plan = requirePlan(clientId, voucher.guestPlanId());
        Purchase purchase = purchases.insert(new Purchase(0, clientId, guest.id(), plan.id(), now, now.plus(plan.duration()),
                VOUCHER_GATEWAY, voucher.code(), null, now));
        vouchers.insertRedemption(voucher.id(), clientId, guest.id(), purchase.id(), hotspotId, now);
        return purchased(purchase);
    }

    // ---- purchases ----

    /** Grants a guest a plan from now (staff courtesy); recorded with payment gateway "Manual". */
    @Transactional
    public Purchase grant(Actor actor, long clientId, long guestId, long guestPlanId) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.require(actor, clientId, guestId);
        Instant now = clock.instant();
        Purchase purchase = recordPayment(clientId, guestId, guestPlanId, MANUAL_GATEWAY,
                "GRANT-" + actor.administratorId() + "-" + now.toEpochMilli(), now);
        audit(actor, "/guests/grantGuestPlan", "Guest plan " + guestPlanId + " granted to guest " + guestId + ".");
        return purchase;
    }

    /** Records a paid purchase (captive portal payment, demo data) starting at {@code startsAt}. */
    @Transactional
    public Purchase recordPayment(long clientId, long guestId, long guestPlanId, String paymentGateway,
                                  String transactionId, Instant startsAt) {
        guests.find(clientId, guestId).orElseThrow(() -> PorticoException.notFound("Unknown guest " + guestId + "."));
        GuestPlan plan = requirePlan(clientId, guestPlanId);
        return purchased(purchases.insert(new Purchase(0, clientId, guestId, plan.id(), startsAt,
                startsAt.plus(plan.duration()), paymentGateway, transactionId, null, clock.instant())));
    }

    private Purchase purchased(Purchase purchase) {
        events.publishEvent(GuestPlanPurchased.of(purchase, guests.client(purchase.clientId())));
        return purchase;
    }

    /** Bulk insert of already-checked purchases for the demo data set. */
    @Transactional
    public void recordAll(List<Purchase> purchases) {
        this.purchases.insertAll(purchases);
    }

    /** Ends a purchase now and publishes {@link GuestPlanRevoked}, on which RADIUS disconnects the device's open sessions. */
    @Transactional
    public Purchase revoke(Actor actor, long clientId, long purchaseId) {
        actor.require(Permission.MANAGE_GUESTS);
        guests.requireClient(actor, clientId);
        Purchase purchase = purchases.findPurchase(purchaseId).filter(p -> p.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown purchase " + purchaseId + "."));
        if (purchase.revokedAt() != null) {
            throw PorticoException.conflict("Purchase " + purchaseId + " is already revoked.");
        }
        audit(actor, "/guests/revokeGuestPlan", "Guest plan purchase " + purchaseId + " revoked.");
        return revokeNow(actor.operatorId(), purchase);
    }

    /**
     * Ends a purchase whose payment the provider refunded outside Portico (the operator refunded it
     * on PayPal's own site): no administrator acted, so the payment module writes the log entry.
     * Empty when the purchase is unknown to the client or already revoked.
     */
    @Transactional
    public Optional<Purchase> revokeRefunded(long operatorId, long clientId, long purchaseId) {
        return purchases.findPurchase(purchaseId).filter(p -> p.clientId() == clientId && p.revokedAt() == null)
                .map(p -> revokeNow(operatorId, p));
    }

    /** Publishes {@link GuestPlanRevoked}, on which RADIUS disconnects the device's open sessions. */
    private Purchase revokeNow(long operatorId, Purchase purchase) {
        Instant now = clock.instant();
        purchases.revoke(purchase.id(), now);
        guests.find(purchase.clientId(), purchase.guestId()).ifPresent(guest -> events.publishEvent(new GuestPlanRevoked(operatorId,
                purchase.clientId(), guest.id(), purchase.id(), guest.macAddress(), now)));
        return purchases.findPurchase(purchase.id()).orElseThrow();
    }

    public List<Purchase> listPurchases(Actor actor, long clientId, long guestId) {
        actor.require(Permission.READ_CONFIGURATION);
        guests.require(actor, clientId, guestId);
        return purchases.listPurchases(guestId);
    }

    /** The plan that grants the guest access at the instant (latest expiry wins); empty when none. */
    public Optional<ActiveGuestPlan> activePlan(long clientId, long guestId, Instant at) {
        return purchases.findActive(clientId, guestId, at);
    }

    /**
     * The plan that grants the client's device access at the instant, found by MAC in one query
     * (its guest plan and session profile from {@link PlanCache}): what RADIUS asks for every
     * Access-Request. Empty when the device was never seen at the client or has no active plan.
     */
    public Optional<ActiveGuestPlan> activePlanForDevice(long clientId, MacAddress mac, Instant at) {
        return purchases.findActivePurchaseByMac(clientId, mac, at).flatMap(purchase ->
                cache.plan(purchase.guestPlanId(), plans::findGuestPlan).flatMap(plan ->
                        cache.profile(plan.sessionProfileId(), profiles::findSessionProfile)
                                .map(profile -> new ActiveGuestPlan(purchase, plan, profile))));
    }

    /** The guest API's guest plan list: purchases started since the instant, in the state as of now. */
    public List<PurchaseDetails> purchasesStartedSince(long clientId, Instant since, PlanState state) {
        return purchases.startedSince(clientId, since, state, clock.instant());
    }

    /** The client's guest plans with a price, cheapest first: what guests can buy on the captive portal. */
    public List<GuestPlan> pricedPlans(long clientId) {
        return plans.listGuestPlans(clientId).stream().filter(p -> p.priceCents() > 0)
                .sorted(java.util.Comparator.comparingLong(GuestPlan::priceCents).thenComparing(GuestPlan::name)).toList();
    }

    /** One purchase of the client; empty for unknown ids and other clients' purchases. */
    public Optional<Purchase> findPurchase(long clientId, long purchaseId) {
        return purchases.findPurchase(purchaseId).filter(p -> p.clientId() == clientId);
    }

    /** A guest plan of the client; empty for unknown ids and other clients' plans. */
    public Optional<GuestPlan> findPlan(long clientId, long guestPlanId) {
        return plans.findGuestPlan(guestPlanId).filter(p -> p.clientId() == clientId);
    }

    public GuestPlan requirePlan(long clientId, long guestPlanId) {
        return plans.findGuestPlan(guestPlanId).filter(p -> p.clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("Unknown guest plan " + guestPlanId + "."));
    }

    private void audit(Actor actor, String function, String message) {
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), clock.instant()));
    }
}
