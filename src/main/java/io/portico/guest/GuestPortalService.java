package io.portico.guest;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.benmanes.caffeine.cache.Cache;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.portico.guest.persistence.PortalSignInRepository;
import io.portico.guest.persistence.PortalSignInRepository.CredentialRow;
import io.portico.hotspot.HotspotService;
import io.portico.hotspot.PortalConfiguration;
import io.portico.hotspot.PortalDetails;
import io.portico.hotspot.PortalHotspot;
import io.portico.hotspot.PortalSettings;
import io.portico.hotspot.SignInMethod;
import io.portico.platform.Actor;
import io.portico.platform.Caches;
import io.portico.platform.ClockTimeMeter;
import io.portico.platform.PorticoException;
import io.portico.platform.Problem;
import io.portico.platform.SecretBox;

/**
 * Entry point of the guest module for the captive portal: the portal pages call {@link #signIn}
 * when a guest accepts the terms, fills the form or redeems a voucher, {@link #returningDevice}
 * when a device with an active plan comes back, {@link #status} for the status page and the
 * RFC 8908 API, {@link #issueStatusLink} and {@link #statusLink} for the short status page link
 * gateways carry after the login, and {@link #unsubscribe} for the marketing link; RADIUS calls {@link #useCredential}
 * when a gateway logs a device in with the one-time credential a sign-in issued; the console sets
 * a hotspot's portal through {@link #configurePortal}. The portal-facing methods throw
 * {@link PorticoException}s whose messages are written for the guest (and name the form field at
 * fault, in {@link PortalSettings#FIELDS} spelling, where there is one). At a UniFi hotspot the
 * portal then lets the device on with {@code HotspotService.authorizeUniFiGuest(hotspotId,
 * grant.unifiAccess(device, apMac))}, after {@link #signIn} or {@link #returningDevice}.
 */
@Service
public class GuestPortalService {

    /** {@code payment_gateway} of the purchase a CLICK_THROUGH or FORM sign-in records. */
    public static final String FREE_GATEWAY = "Free";
    /** Every one-time credential's user name starts with this; voucher codes (upper case, no '-') never do. */
    public static final String CREDENTIAL_PREFIX = "p-";
    private static final String USERNAME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
    private static final String PASSWORD_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
    private static final int USERNAME_LENGTH = 16;
    private static final int PASSWORD_LENGTH = 20;
    private static final Duration CREDENTIAL_KEPT = Duration.ofDays(1);
    private static final int STATUS_LINK_BYTES = 16;

    private final HotspotService hotspots;
    private final GuestService guests;
    private final GuestPlanService plans;
    private final PortalSignInRepository repository;
    private final SecretBox box;
    private final Clock clock;
    private final GuestPortalProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Bucket> voucherBuckets;
    private final TimeMeter time;
    private final TransactionTemplate transactions;

    GuestPortalService(HotspotService hotspots, GuestService guests, GuestPlanService plans, PortalSignInRepository repository,
                       SecretBox box, Clock clock, GuestPortalProperties properties, TransactionTemplate transactions) {
        this.hotspots = hotspots;
        this.transactions = transactions;
        this.guests = guests;
        this.plans = plans;
        this.repository = repository;
        this.box = box;
        this.clock = clock;
        this.properties = properties;
        this.voucherBuckets = Caches.builder().expireAfterAccess(properties.voucherAttemptWindow().multipliedBy(2))
                .maximumSize(200_000).build();
        // the buckets refill on the injected clock, so tests can move time
        this.time = new ClockTimeMeter(clock);
    }

    // ---- console ----

    /**
     * Sets a hotspot's captive portal (console route): checks each free plan is a guest plan of the
     * hotspot's client, then {@link HotspotService#configurePortal} stores and audits it.
     */
    @Transactional
    public PortalDetails configurePortal(Actor actor, long hotspotId, PortalConfiguration configuration) {
        long clientId = hotspots.find(actor.operatorId(), hotspotId)
                .orElseThrow(() -> PorticoException.notFound("Unknown hotspot " + hotspotId + ".")).clientId();
        for (long planId : configuration.settings().freePlanIds().values()) {
            plans.findPlan(clientId, planId).orElseThrow(() -> PorticoException.invalid("freePlanIds",
                    "{freePlanIds}: guest plan " + planId + " is not a guest plan of the hotspot's client."));
        }
        return hotspots.configurePortal(actor, hotspotId, configuration);
    }

    // ---- portal ----

    /**
     * Signs a device in: checks the method is offered and the required fields are filled (FORM),
     * or redeems the voucher (VOUCHER, rate-limited per device and per remote address); creates or
     * updates the guest with the profile and user agent ({@link GuestCreated} for a new one);
     * records the purchase ({@code Free} with a portal transaction id, or {@code Voucher} with the
     * code; a free method reuses a plan the device still has) with {@link GuestPlanPurchased};
     * records the marketing consent (a new guest without consent is unsubscribed); and issues a
     * one-time RADIUS credential for the device.
     */
    public PortalGrant signIn(PortalSignIn request) {
        PortalSettings settings = portal(request.clientId(), request.hotspotId()).settings();
        if (!settings.methods().contains(request.method())) {
            throw PorticoException.invalid("This way of signing in is not offered here.");
        }
        if (request.method() == SignInMethod.VOUCHER) {
            if (request.voucherCode().isEmpty()) {
                throw PorticoException.invalid("voucherCode", "Please enter your voucher code.");
            }
            takeVoucherAttempt(request);
        }
        // A double-submitted first sign-in races to create the device's guest row; the loser's
        // transaction rolls back (PostgreSQL aborts it) and runs once more, finding the winner's row.
        try {
            return transactions.execute(tx -> record(request, settings));
        } catch (DuplicateKeyException e) {
            return transactions.execute(tx -> record(request, settings));
        }
    }

    private PortalGrant record(PortalSignIn request, PortalSettings settings) {
        long clientId = request.clientId();
        Instant now = clock.instant();
        GuestProfile profile = request.method() == SignInMethod.FORM ? formProfile(settings, request.profile(), request.userAgent())
                : userAgentOnly(request.userAgent());
        boolean consented = request.consent().isPresent();
        Guest guest = guests.recordPortalProfile(clientId, request.device(), profile, !consented);
        String unsubscribeToken = unsubscribeToken(guest.id());
        if (consented) {
            MarketingConsent consent = request.consent().get();
            repository.recordConsent(guest.id(), consent.givenAt(), consent.textVersion());
            guests.setUnsubscribed(guest.id(), false);
        } else if (repository.consent(guest.id()).isEmpty()) {
            guests.setUnsubscribed(guest.id(), true);
        }
        if (request.method() == SignInMethod.VOUCHER) {
            redeem(clientId, request.voucherCode().orElseThrow(), request.device(), request.hotspotId());
        } else if (plans.activePlanForDevice(clientId, request.device(), now).isEmpty()) {
            long planId = settings.freePlanId(request.method()).orElseThrow();
            plans.recordPayment(clientId, guest.id(), planId, FREE_GATEWAY,
                    "PORTAL-" + request.hotspotId() + "-" + randomText(USERNAME_ALPHABET, 12).toUpperCase(Locale.ROOT), now);
        }
        Instant purchased = clock.instant();
        ActiveGuestPlan active = activePlan(clientId, request.device(), purchased)
                .orElseThrow(() -> new PorticoException(Problem.CONFLICT, "Your plan grants no access now."));
        return grant(active, guest.id(), request.device(), unsubscribeToken, purchased);
    }

    /**
     * A device that comes back to the portal while its plan is active goes straight through: a
     * fresh one-time credential for it. Empty when the device has no active plan at the client.
     */
    @Transactional
    public Optional<PortalGrant> returningDevice(long clientId, MacAddress device) {
        Instant now = clock.instant();
        return plans.activePlanForDevice(clientId, device, now).map(active -> {
            long guestId = active.purchase().guestId();
            return grant(active, guestId, device, unsubscribeToken(guestId), now);
        });
    }

    /** What the status page shows the device at the hotspot; empty when it has no active plan. */
    @Transactional
    public Optional<PortalStatus> status(long clientId, long hotspotId, MacAddress device) {
        PortalHotspot portal = portal(clientId, hotspotId);
        Instant now = clock.instant();
        return plans.activePlanForDevice(clientId, device, now).map(active -> new PortalStatus(active.purchase().guestId(),
                active.plan().name(), active.purchase().startsAt(), active.purchase().expiresAt(), active.remaining(now),
                Optional.ofNullable(active.sessionProfile().dataCapBytes()),
                portal.settings().methods().contains(SignInMethod.VOUCHER), unsubscribeToken(active.purchase().guestId())));
    }

    /** The unsubscribe link (portal, emails): the guest gets no more marketing. 404 for an unknown token. */
    @Transactional
    public void unsubscribe(String token) {
        long guestId = repository.guestIdByUnsubscribeToken(token == null ? "" : token.strip())
                .orElseThrow(() -> PorticoException.notFound("This unsubscribe link is not valid."));
        guests.setUnsubscribed(guestId, true);
    }

    /** The marketing consent the guest gave last; empty when none. */
    public Optional<MarketingConsent> consent(long guestId) {
        return repository.consent(guestId).map(c -> new MarketingConsent(c.at(), c.textVersion()));
    }

    /**
     * A short id for a signed-in device's status page, which gateways carry after the login
     * (MikroTik {@code dst}, CoovaChilli {@code userurl}: Chilli keeps only 2047 characters of its
     * logon query). It stands for the portal's own sealed state ({@code sealedState}, opaque here)
     * at this hotspot until {@code expiresAt}: 128 random bits, so it cannot be guessed.
     */
    @Transactional
    public String issueStatusLink(long clientId, long hotspotId, String sealedState, Instant expiresAt) {
        portal(clientId, hotspotId);
        byte[] bits = new byte[STATUS_LINK_BYTES];
        random.nextBytes(bits);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
        Instant now = clock.instant();
        repository.deleteExpiredStatusLinks(now);
        repository.insertStatusLink(id, clientId, hotspotId, sealedState, expiresAt, now);
        return id;
    }

    /** The sealed state behind a status link of the client's hotspot; empty when unknown, another hotspot's or expired. */
    public Optional<String> statusLink(long clientId, long hotspotId, String id) {
        if (id.length() > 32) {
            return Optional.empty();
        }
        return repository.findStatusLink(clientId, hotspotId, id, clock.instant());
    }

    // ---- RADIUS ----

    /** Whether a RADIUS User-Name is one of the portal's one-time credentials (rather than a voucher code or MAC). */
    public static boolean isPortalCredential(String username) {
        return username.startsWith(CREDENTIAL_PREFIX);
    }

    /**
     * Uses a one-time credential from an Access-Request: accepted when it is the client's, not
     * used or expired, issued for this device, and {@code proves} the password (PAP or CHAP, so the
     * clear password never leaves this module); it is then used up. The caller then grants what the
     * device's active plan grants.
     */
    @Transactional
    public PortalCredentialCheck useCredential(long clientId, String username, MacAddress device, Predicate<String> proves) {
        Optional<CredentialRow> found = repository.findCredential(username).filter(c -> c.clientId() == clientId);
        if (found.isEmpty()) {
            return PortalCredentialCheck.UNKNOWN;
        }
        CredentialRow credential = found.get();
        Instant now = clock.instant();
        if (credential.usedAt() != null) {
            return PortalCredentialCheck.USED;
        }
        if (!credential.expiresAt().isAfter(now)) {
            return PortalCredentialCheck.EXPIRED;
        }
        if (!credential.macAddress().equals(device)) {
            return PortalCredentialCheck.OTHER_DEVICE;
        }
        if (!proves.test(box.open(credential.passwordSealed()))) {
            return PortalCredentialCheck.WRONG_PASSWORD;
        }
        return repository.markUsed(username, now) ? PortalCredentialCheck.ACCEPTED : PortalCredentialCheck.USED;
    }

    // ---- steps ----

    private PortalHotspot portal(long clientId, long hotspotId) {
        return hotspots.findPortal(hotspotId).filter(p -> p.hotspot().clientId() == clientId)
                .orElseThrow(() -> PorticoException.notFound("This hotspot has no sign-in page."));
    }

    private void takeVoucherAttempt(PortalSignIn request) {
        Duration window = properties.voucherAttemptWindow();
        ConsumptionProbe device = bucket("mac:" + request.clientId() + ":" + request.device().value(),
                properties.voucherAttemptsPerDevice(), window).tryConsumeAndReturnRemaining(1);
        ConsumptionProbe address = request.remoteAddress().isBlank() ? device
                : bucket("ip:" + request.remoteAddress(), properties.voucherAttemptsPerAddress(), window)
                .tryConsumeAndReturnRemaining(1);
        if (!device.isConsumed() || !address.isConsumed()) {
            Duration wait = Duration.ofNanos(Math.max(device.getNanosToWaitForRefill(), address.getNanosToWaitForRefill()));
            long minutes = Math.max(1, (wait.toSeconds() + 59) / 60);
            throw PorticoException.tooManyRequests("Too many voucher attempts. Please try again in " + minutes
                    + (minutes == 1 ? " minute." : " minutes."), wait);
        }
    }

    private Bucket bucket(String key, int attempts, Duration window) {
        return voucherBuckets.get(key, k -> Bucket.builder().withCustomTimePrecision(time)
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, window).build()).build());
    }

    private void redeem(long clientId, String code, MacAddress device, long hotspotId) {
        try {
            plans.redeemVoucher(clientId, code, device, hotspotId);
        } catch (PorticoException e) {
            throw e.problem() == Problem.NOT_FOUND
                    ? PorticoException.invalid("voucherCode", "This voucher code is not valid.")
                    : new PorticoException(Problem.CONFLICT, "This voucher has already been used or has expired.", "voucherCode", null);
        }
    }

    /** The form's profile: only the fields the hotspot asks for, each required one filled. */
    private static GuestProfile formProfile(PortalSettings settings, GuestProfile given, String userAgent) {
        for (String field : settings.requiredFields()) {
            if (value(given, field) == null) {
                throw PorticoException.invalid(field, "Please fill in " + field + ".");
            }
        }
        List<@Nullable String> custom = new ArrayList<>(GuestProfile.CUSTOM_FIELDS);
        for (int i = 1; i <= GuestProfile.CUSTOM_FIELDS; i++) {
            custom.add(settings.asks("custom" + i) ? given.custom(i) : null);
        }
        return new GuestProfile(asked(settings, "email", given.email()), asked(settings, "firstName", given.firstName()),
                asked(settings, "lastName", given.lastName()), null, null, asked(settings, "phone", given.mobilePhone()),
                asked(settings, "birthDate", given.birthdate()), null, asked(settings, "country", given.country()),
                null, null, null, null, custom, userAgent);
    }

    private static <T> @Nullable T asked(PortalSettings settings, String field, @Nullable T value) {
        return settings.asks(field) ? value : null;
    }

    private static @Nullable Object value(GuestProfile p, String field) {
        return switch (field) {
            case "email" -> p.email();
            case "firstName" -> p.firstName();
            case "lastName" -> p.lastName();
            case "phone" -> p.mobilePhone();
            case "birthDate" -> p.birthdate();
            case "country" -> p.country();
            default -> p.custom(Integer.parseInt(field.substring("custom".length())));
        };
    }

    private static GuestProfile userAgentOnly(String userAgent) {
        return new GuestProfile(null, null, null, null, null, null, null, null, null, null, null, null, null, List.of(), userAgent);
    }

    private String unsubscribeToken(long guestId) {
        return repository.unsubscribeToken(guestId).orElseGet(() -> {
            String token = randomText(PASSWORD_ALPHABET, 32);
            repository.insertMarketing(guestId, token);
            return token;
        });
    }

    /** The plan granting access now; asked a millisecond on because the database may round a start just stored up. */
    private Optional<ActiveGuestPlan> activePlan(long clientId, MacAddress device, Instant now) {
        return plans.activePlanForDevice(clientId, device, now.plusMillis(1));
    }

    private PortalGrant grant(ActiveGuestPlan active, long guestId, MacAddress device, String unsubscribeToken, Instant now) {
        String username = CREDENTIAL_PREFIX + randomText(USERNAME_ALPHABET, USERNAME_LENGTH);
        String password = randomText(PASSWORD_ALPHABET, PASSWORD_LENGTH);
        Instant expires = now.plus(properties.credentialTtl());
        repository.deleteExpired(now.minus(CREDENTIAL_KEPT));
        repository.insertCredential(new CredentialRow(username, active.purchase().clientId(), guestId,
                device, box.seal(password), expires, null), now);
        SessionProfile profile = active.sessionProfile();
        Duration left = active.remaining(now);
        Duration timeout = profile.sessionTimeout() != null && profile.sessionTimeout().compareTo(left) < 0
                ? profile.sessionTimeout() : left;
        return new PortalGrant(guestId, active.purchase().id(), active.plan().name(), active.purchase().expiresAt(), timeout,
                Optional.ofNullable(profile.uploadKbps()), Optional.ofNullable(profile.downloadKbps()),
                Optional.ofNullable(profile.dataCapBytes()), username, password, expires, unsubscribeToken);
    }

    private String randomText(String alphabet, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
