package io.portico.radius.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.portico.guest.ActiveGuestPlan;
import io.portico.guest.GuestPlanService;
import io.portico.guest.GuestPortalService;
import io.portico.guest.PortalCredentialCheck;
import io.portico.guest.GuestService;
import io.portico.guest.MacAddress;
import io.portico.guest.Purchase;
import io.portico.guest.SessionProfile;
import io.portico.hotspot.Hotspot;
import io.portico.hotspot.HotspotService;
import io.portico.platform.PorticoException;
import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.AccessGrant;
import io.portico.radius.GuestAuthorizer;
import io.portico.radius.RadiusProperties;
import io.portico.radius.Speed;

/**
 * The guest domain behind the {@link GuestAuthorizer} port, called by the authorisation chain for
 * NAS clients linked to a hotspot. A device with an active guest plan at the hotspot's client is
 * accepted with what its session profile grants; a voucher code sent as User-Name with itself as
 * the (PAP or CHAP) password is redeemed for the device; a one-time credential the captive portal
 * issued ({@code p-...} as User-Name) is accepted only for its device, once, before it expires and
 * with its password, whatever plan the device has; any other device is recorded as a guest (first
 * seen) and rejected with the reason.
 */
@Component
class HotspotGuestAuthorizer implements GuestAuthorizer {

    /** The largest rate the 32-bit WISPr attributes can carry. */
    private static final long MAX_BITS_PER_SECOND = 0xFFFF_FFFFL;

    private final HotspotService hotspots;
    private final GuestService guests;
    private final GuestPlanService plans;
    private final GuestPortalService portal;
    private final RadiusProperties properties;
    private final Clock clock;

    HotspotGuestAuthorizer(HotspotService hotspots, GuestService guests, GuestPlanService plans, GuestPortalService portal,
                           RadiusProperties properties, Clock clock) {
        this.hotspots = hotspots;
        this.portal = portal;
        this.guests = guests;
        this.plans = plans;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public AccessDecision authorize(long hotspotId, AccessAttempt attempt) {
        Optional<Hotspot> hotspot = hotspot(hotspotId, attempt);
        if (hotspot.isEmpty()) {
            return AccessDecision.reject("This hotspot is not known.");
        }
        long clientId = hotspot.get().clientId();
        MacAddress device = attempt.device();
        Instant now = clock.instant();
        if (attempt.account().filter(GuestPortalService::isPortalCredential).isPresent()) {
            return portalCredential(clientId, attempt, now);
        }
        Optional<ActiveGuestPlan> active = plans.activePlanForDevice(clientId, device, now);
        if (active.isPresent()) {
            return accept(active.get(), now);
        }
        if (attempt.account().isPresent()) {
            return redeem(clientId, hotspot.get().id(), attempt, now);
        }
        retryOnRace(() -> guests.findOrCreate(clientId, device));
        return AccessDecision.reject("No active guest plan for this device.");
    }

    /** The hotspot the NAS-Identifier names (one controller may serve several), else the one the NAS client is linked to. */
    private Optional<Hotspot> hotspot(long hotspotId, AccessAttempt attempt) {
        long operatorId = attempt.nas().operatorId();
        Optional<Hotspot> named = attempt.nasIdentifier().isBlank() ? Optional.empty()
                : hotspots.findByNasIdentifier(operatorId, attempt.nasIdentifier());
        return named.or(() -> hotspots.find(operatorId, hotspotId));
    }

    /** The portal's one-time credential decides on its own: a wrong one is rejected even for a device with a plan. */
    private AccessDecision portalCredential(long clientId, AccessAttempt attempt, Instant now) {
        PortalCredentialCheck check = portal.useCredential(clientId, attempt.username(), attempt.device(),
                attempt.credentials()::matches);
        return switch (check) {
            case ACCEPTED -> plans.activePlanForDevice(clientId, attempt.device(), now).map(plan -> accept(plan, now))
                    .orElseGet(() -> AccessDecision.reject("No active guest plan for this device."));
            case EXPIRED -> AccessDecision.reject("The sign-in has expired; please sign in again.");
            case USED -> AccessDecision.reject("This sign-in was already used; please sign in again.");
            case UNKNOWN, OTHER_DEVICE, WRONG_PASSWORD -> AccessDecision.reject("Unknown sign-in; please sign in again.");
        };
    }

    private AccessDecision redeem(long clientId, long hotspotId, AccessAttempt attempt, Instant now) {
        String code = attempt.account().orElseThrow();
        if (!attempt.credentials().matches(code)) {
            return AccessDecision.reject("Send the voucher code as both user name and password.");
        }
        Purchase purchase;
        try {
            purchase = retryOnRace(() -> plans.redeemVoucher(clientId, code, attempt.device(), hotspotId));
        } catch (PorticoException e) {
            return AccessDecision.reject(e.getMessage());
        }
        Instant started = purchase.startsAt().isAfter(now) ? purchase.startsAt() : now;
        // Asked a millisecond later: the database may round the stored start up to its precision (H2 rounds to microseconds).
        return plans.activePlan(clientId, purchase.guestId(), started.plusMillis(1)).map(plan -> accept(plan, started))
                .orElseGet(() -> AccessDecision.reject("The voucher's guest plan grants no access now."));
    }

    /**
     * Session-Timeout is the smaller of the profile's limit and the plan's remaining time, so the
     * gateway ends the session when the plan expires; speeds need both directions in the profile.
     */
    private AccessDecision accept(ActiveGuestPlan active, Instant now) {
        Duration remaining = active.remaining(now);
        if (remaining.toSeconds() < 1) {
            return AccessDecision.reject("The guest plan has expired.");
        }
        SessionProfile profile = active.sessionProfile();
        Duration timeout = profile.sessionTimeout() != null && profile.sessionTimeout().compareTo(remaining) < 0
                ? profile.sessionTimeout() : remaining;
        AccessGrant grant = AccessGrant.unlimited().withSessionTimeout(timeout)
                .withInterimInterval(properties.defaultInterimInterval());
        if (profile.idleTimeout() != null) {
            grant = grant.withIdleTimeout(profile.idleTimeout());
        }
        if (profile.uploadKbps() != null && profile.downloadKbps() != null) {
            grant = grant.withSpeed(new Speed(bits(profile.uploadKbps()), bits(profile.downloadKbps())));
        }
        return AccessDecision.accept(grant);
    }

    static long bits(long kbps) {
        return kbps > MAX_BITS_PER_SECOND / 1000 ? MAX_BITS_PER_SECOND : kbps * 1000;
    }

    /** Two requests of one new device can race to create its guest row; the loser finds the winner's row on its second try. */
    private static <T> T retryOnRace(Supplier<T> work) {
        try {
            return work.get();
        } catch (DuplicateKeyException e) {
            return work.get();
        }
    }
}
