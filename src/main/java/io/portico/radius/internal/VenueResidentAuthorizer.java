package io.portico.radius.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentService;
import io.portico.radius.AccessAttempt;
import io.portico.radius.AccessDecision;
import io.portico.radius.AccessGrant;
import io.portico.radius.Credentials;
import io.portico.radius.RadiusProperties;
import io.portico.radius.ResidentAuthorizer;
import io.portico.radius.Speed;
import io.portico.radius.Vlan;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.subscription.ActiveSubscription;
import io.portico.subscription.SubscriptionService;

/**
 * The subscription domain behind the {@link ResidentAuthorizer} port, called by the authorisation
 * chain for NAS clients that are a venue's gateway. The resident's device proves its subscription
 * with the personal PSK sent as the PAP password (per-user PSK gateways send it that way); an
 * active subscription at the gateway's venue gets its unit's VLAN and its plan's speed, and the
 * device is remembered under that subscription for the Disconnect-Requests when it ends.
 */
@Component
class VenueResidentAuthorizer implements ResidentAuthorizer {

    private final EquipmentService equipment;
    private final SubscriptionService subscriptions;
    private final RadiusProperties properties;
    private final ResidentDeviceRepository devices;
    private final Clock clock;

    VenueResidentAuthorizer(EquipmentService equipment, SubscriptionService subscriptions, RadiusProperties properties,
                            ResidentDeviceRepository devices, Clock clock) {
        this.equipment = equipment;
        this.subscriptions = subscriptions;
        this.properties = properties;
        this.devices = devices;
        this.clock = clock;
    }

    @Override
    public AccessDecision authorize(long equipmentId, AccessAttempt attempt) {
        long operatorId = attempt.nas().operatorId();
        Optional<Equipment> gateway = equipment.find(operatorId, equipmentId);
        if (gateway.isEmpty()) {
            return AccessDecision.reject("This gateway is not known.");
        }
        // A NAS that is both a gateway and a hotspot controller lets guests through to the guest authorizer.
        boolean alsoHotspot = attempt.nas().hotspotId().isPresent();
        if (!(attempt.credentials() instanceof Credentials.Pap pap)) {
            return alsoHotspot ? AccessDecision.notMine() : AccessDecision.reject("Send the resident's key as the password.");
        }
        Optional<ActiveSubscription> active = subscriptions.findActiveByPsk(operatorId, gateway.get().venueId(), pap.password());
        if (active.isEmpty()) {
            return alsoHotspot ? AccessDecision.notMine() : AccessDecision.reject("No active subscription for this key.");
        }
        ActiveSubscription s = active.get();
        // Remembered so that the subscription's end can disconnect this device (SubscriptionEnded names only the subscription).
        devices.remember(attempt.nas().id(), attempt.device(), operatorId, s.subscriptionId(), s.unitId(), clock.instant());
        AccessGrant grant = AccessGrant.unlimited().withVlan(new Vlan(s.vlan()))
                .withInterimInterval(properties.defaultInterimInterval());
        if (s.uploadKbps() > 0 && s.downloadKbps() > 0) {
            grant = grant.withSpeed(new Speed(HotspotGuestAuthorizer.bits(s.uploadKbps()), HotspotGuestAuthorizer.bits(s.downloadKbps())));
        }
        if (s.sessionTimeoutSeconds() > 0) {
            grant = grant.withSessionTimeout(Duration.ofSeconds(s.sessionTimeoutSeconds()));
        }
        return AccessDecision.accept(grant);
    }
}
