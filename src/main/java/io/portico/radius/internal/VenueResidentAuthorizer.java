package io.portico.radius.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Cache;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.guest.MacAddress;
import io.portico.platform.Caches;
import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.AccessGrant;
import io.portico.radius.Credentials;
import io.portico.radius.PersonalKey;
import io.portico.radius.RadiusProperties;
import io.portico.radius.ResidentAuthorizer;
import io.portico.radius.Speed;
import io.portico.radius.Vlan;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.radius.persistence.ResidentDeviceRepository.Binding;
import io.portico.subscription.ActiveSubscription;
import io.portico.subscription.SubscriptionService;
import io.portico.subscription.VenueKey;

/**
 * The subscription domain behind the {@link ResidentAuthorizer} port, called by the authorisation
 * chain for NAS clients that are a venue's gateway or access point. Two ways in:
 * <ul>
 * <li>the device's personal key sent as the PAP password (gateways that check keys that way): an
 * active subscription at the venue with that key lets it in, and the device is bound to it;</li>
 * <li>MAC authentication (no password, or the MAC as password), as access points with per-user
 * keys ask: a device bound to a subscription active now at the venue gets the key back in the
 * attribute its equipment's vendor reads ({@link PersonalKey.Delivery#forEquipment});</li>
 * <li>a WPA handshake (Ruckus dynamic PSK): the venue's key that produced it is found
 * ({@link DpskSearch}: the bound subscription's first, then the venue's keys kept by
 * {@link VenueKeyCache}) and its PMK goes back; the device is bound to that subscription.</li>
 * </ul>
 * Either way the reply carries the unit's VLAN and the plan's speed. A device is bound to the
 * subscription whose key last let it in (see docs/decisions.md); that binding also serves the
 * Disconnect-Requests when the subscription ends.
 */
@Component
class VenueResidentAuthorizer implements ResidentAuthorizer {

    private final EquipmentService equipment;
    private final SubscriptionService subscriptions;
    private final RadiusProperties properties;
    private final ResidentDeviceRepository devices;
    private final DpskSearch dpsk;
    private final VenueKeyCache venueKeys;
    private final ResidentKeyCache keys;
    private final ResidentBindings bindings;
    private final Clock clock;
    private final Cache<EquipmentRef, Optional<Equipment>> equipmentById = Caches.builder().maximumSize(10_000)
            .expireAfterWrite(EQUIPMENT_TTL).build();

    /** How long a gateway's venue and vendor are kept: staff's changes to a piece of equipment reach RADIUS within it. */
    static final Duration EQUIPMENT_TTL = Duration.ofSeconds(30);

    private record EquipmentRef(long operatorId, long equipmentId) {
    }

    VenueResidentAuthorizer(EquipmentService equipment, SubscriptionService subscriptions, RadiusProperties properties,
                            ResidentDeviceRepository devices, DpskSearch dpsk, VenueKeyCache venueKeys, ResidentKeyCache keys,
                            ResidentBindings bindings, Clock clock) {
        this.keys = keys;
        this.bindings = bindings;
        this.equipment = equipment;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.devices = devices;
        this.dpsk = dpsk;
        this.venueKeys = venueKeys;
        this.clock = clock;
    }

    @Override
    public AccessDecision authorize(long equipmentId, AccessAttempt attempt) {
        long operatorId = attempt.nas().operatorId();
        Optional<Equipment> gateway = equipmentById.get(new EquipmentRef(operatorId, equipmentId), ref -> equipment.find(operatorId, equipmentId));
        if (gateway.isEmpty()) {
            return AccessDecision.reject("This gateway is not known.");
        }
        long venueId = gateway.get().venueId();
        // A NAS that is both a gateway and a hotspot controller lets guests through to the guest authorizer.
        boolean alsoHotspot = attempt.nas().hotspotId().isPresent();
        if (attempt.handshake().isPresent()) {
            return dynamicPsk(attempt, operatorId, venueId);
        }
        if (macAuthentication(attempt)) {
            Optional<Binding> bound = devices.lastBinding(operatorId, attempt.device());
            if (bound.isEmpty()) {
                return alsoHotspot ? AccessDecision.notMine()
                        : AccessDecision.reject("Unknown device: join once with the resident's key.");
            }
            Optional<ActiveSubscription> active = keys.active(operatorId, bound.get(), clock.instant()).filter(s -> s.venueId() == venueId);
            if (active.isEmpty()) {
                return alsoHotspot ? AccessDecision.notMine() : AccessDecision.reject("No active subscription for this device.");
            }
            PersonalKey key = new PersonalKey(active.get().psk(),
                    PersonalKey.Delivery.forEquipment(gateway.get().manufacturer(), gateway.get().model()));
            return AccessDecision.accept(grant(attempt, operatorId, active.get(), true).withPersonalKey(key));
        }
        if (!(attempt.credentials() instanceof Credentials.Pap pap)) {
            return alsoHotspot ? AccessDecision.notMine() : AccessDecision.reject("Send the resident's key as the password.");
        }
        Optional<ActiveSubscription> active = subscriptions.findActiveByPsk(operatorId, venueId, pap.password());
        if (active.isEmpty()) {
            return alsoHotspot ? AccessDecision.notMine() : AccessDecision.reject("No active subscription for this key.");
        }
        return AccessDecision.accept(grant(attempt, operatorId, active.get(), false));
    }

    /**
     * The bound subscription (read by id, when active at this venue) is tried first; only when its
     * key did not produce the handshake are the venue's keys tried, from {@link VenueKeyCache}.
     * A match from the cache is checked against the subscription as stored now (active, same key).
     */
    private AccessDecision dynamicPsk(AccessAttempt attempt, long operatorId, long venueId) {
        Optional<ActiveSubscription> bound = devices.lastBinding(operatorId, attempt.device())
                .flatMap(b -> keys.active(operatorId, b, clock.instant())).filter(s -> s.venueId() == venueId);
        DpskSearch.Outcome outcome = dpsk.find(attempt.nas().id(), attempt.handshake().orElseThrow(), operatorId,
                bound.map(s -> new VenueKey(s.subscriptionId(), s.psk())), () -> venueKeys.activeAt(operatorId, venueId));
        if (outcome instanceof DpskSearch.Outcome.RateLimited) {
            return AccessDecision.reject("Too many key look-ups from this access point; try again.");
        }
        if (!(outcome instanceof DpskSearch.Outcome.Found(DpskSearch.Match match))) {
            return AccessDecision.reject("No active subscription for this key.");
        }
        boolean boundMatched = bound.filter(s -> s.subscriptionId() == match.subscriptionId()).isPresent();
        Optional<ActiveSubscription> active = bound.filter(s -> s.subscriptionId() == match.subscriptionId())
                .or(() -> subscriptions.findActive(operatorId, match.subscriptionId()))
                .filter(s -> s.venueId() == venueId && s.psk().equals(match.psk()));
        if (active.isEmpty()) {
            return AccessDecision.reject("No active subscription for this key.");
        }
        return AccessDecision.accept(grant(attempt, operatorId, active.get(), boundMatched).withPairwiseMasterKey(match.pmk()));
    }

    /** No password, or the device's own MAC (or User-Name) as password: what MAC authentication sends. */
    static boolean macAuthentication(AccessAttempt attempt) {
        if (attempt.credentials() instanceof Credentials.None) {
            return true;
        }
        if (attempt.credentials() instanceof Credentials.Pap pap) {
            return MacAddress.tryParse(pap.password()).filter(attempt.device()::equals).isPresent()
                    || !attempt.username().isEmpty() && pap.password().equals(attempt.username());
        }
        return false;
    }

    /**
     * The unit's VLAN and the plan's speed and session timeout; the device is bound to the
     * subscription. {@code alreadyBound}: the subscription is the device's latest binding (MAC
     * authentication, or a handshake with the bound key), so the binding row is only refreshed.
     */
    private AccessGrant grant(AccessAttempt attempt, long operatorId, ActiveSubscription s, boolean alreadyBound) {
        // Remembered so that MAC-only requests find the subscription and its end can disconnect the device.
        bindings.remember(attempt.nas().id(), attempt.device(), operatorId, s.subscriptionId(), s.unitId(), alreadyBound);
        AccessGrant grant = AccessGrant.unlimited().withVlan(new Vlan(s.vlan()))
                .withInterimInterval(properties.defaultInterimInterval());
        if (s.uploadKbps() > 0 && s.downloadKbps() > 0) {
            grant = grant.withSpeed(new Speed(HotspotGuestAuthorizer.bits(s.uploadKbps()), HotspotGuestAuthorizer.bits(s.downloadKbps())));
        }
        if (s.sessionTimeoutSeconds() > 0) {
            grant = grant.withSessionTimeout(Duration.ofSeconds(s.sessionTimeoutSeconds()));
        }
        return grant;
    }
}
