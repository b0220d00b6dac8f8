package io.portico.radius;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.ConnectionReader;
import io.portico.connection.DeviceUsage;
import io.portico.guest.MacAddress;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.PorticoException;
import io.portico.platform.Text;
import io.portico.radius.persistence.ResidentDeviceRepository;
import io.portico.radius.persistence.ResidentDeviceRepository.Seen;
import io.portico.subscription.ResidentService;
import io.portico.subscription.SubscriberAccount;
import io.portico.subscription.SubscriberPrincipal;
import io.portico.subscription.Subscription;
import io.portico.subscription.SubscriptionService;

/**
 * "My devices": the devices RADIUS let in under a resident's subscriptions (by their key, or by
 * MAC on the unit's VLAN), with accounting's view of each, the names residents give them, and a
 * disconnect. Called by the subscriber console (pages and JSON routes) with the resident acting,
 * and by the console's subscriber routes with staff acting. Every query is scoped to the operator
 * and to that subscriber's subscriptions.
 */
@Service
public class ResidentDevices {

    private final ResidentDeviceRepository repository;
    private final ResidentService residents;
    private final SubscriptionService subscriptions;
    private final RadiusService radius;
    private final ConnectionReader connections;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ResidentDevices(ResidentDeviceRepository repository, ResidentService residents, SubscriptionService subscriptions,
                    RadiusService radius, ConnectionReader connections, ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.connections = connections;
        this.residents = residents;
        this.subscriptions = subscriptions;
        this.radius = radius;
        this.events = events;
        this.clock = clock;
    }

    /** The resident's devices, most recently seen first. */
    @Transactional(readOnly = true)
    public List<ResidentDevice> devices(SubscriberPrincipal resident) {
        return devices(resident.operatorId(), resident.subscriberId(), residents.subscriptions(resident));
    }

    /** Staff's listDevices: a subscriber's devices (found by email), most recently seen first. */
    @Transactional(readOnly = true)
    public List<ResidentDevice> devices(Actor actor, String subscriberEmail) {
        SubscriberAccount account = subscriptions.account(actor, subscriberEmail);
        return devices(actor.operatorId(), account.subscriber().id(), account.subscriptions());
    }

    /** Gives one of the resident's devices a name (1 to 60 characters; empty removes it). */
    @Transactional
    public ResidentDevice rename(SubscriberPrincipal resident, String macAddress, String name) {
        MacAddress device = own(resident, macAddress).device();
        String named = Text.atMost("deviceName", name, 60);
        repository.rename(resident.operatorId(), resident.subscriberId(), device, named, clock.instant());
        events.publishEvent(resident.acted("renameDevice", named.isEmpty() ? "Device " + device.value() + " un-named by the resident."
                : "Device " + device.value() + " named \"" + named + "\" by the resident.", clock.instant()));
        return own(resident, macAddress);
    }

    /**
     * Ends the open sessions of one of the resident's devices: Disconnect-Requests go to the NAS
     * that reported each (in the background; the device may join again with the current key).
     * Answers the device as it stood when asked.
     */
    @Transactional
    public ResidentDevice disconnect(SubscriberPrincipal resident, String macAddress) {
        ResidentDevice device = own(resident, macAddress);
        events.publishEvent(resident.acted("disconnectDevice", "Device " + device.device().value() + " disconnected by the resident.",
                clock.instant()));
        radius.disconnectInBackground("Resident " + resident.subscriberId() + " disconnected a device", resident.operatorId(),
                List.of(device.device()));
        return device;
    }

    /** Staff's disconnectDevice: the same for a subscriber's device, audited. */
    @Transactional
    public ResidentDevice disconnect(Actor actor, String subscriberEmail, String macAddress) {
        actor.require(io.portico.platform.Permission.MANAGE_SUBSCRIBERS);
        MacAddress mac = MacAddress.parse(macAddress == null ? "" : macAddress, "macAddress");
        ResidentDevice device = devices(actor, subscriberEmail).stream().filter(d -> d.device().equals(mac)).findFirst()
                .orElseThrow(() -> PorticoException.notFound("Unknown device " + mac.value() + " for subscriber " + subscriberEmail + "."));
        events.publishEvent(AdministratorActed.by(actor, "/subscribers/disconnectDevice", Map.of("message",
                "Device " + mac.value() + " of subscriber " + subscriberEmail + " disconnected. "), clock.instant()));
        radius.disconnectInBackground("Staff disconnected a device of " + subscriberEmail, actor.operatorId(), List.of(mac));
        return device;
    }

    private ResidentDevice own(SubscriberPrincipal resident, String macAddress) {
        MacAddress mac = MacAddress.parse(macAddress == null ? "" : macAddress, "macAddress");
        return devices(resident).stream().filter(d -> d.device().equals(mac)).findFirst()
                .orElseThrow(() -> PorticoException.notFound("Unknown device " + mac.value() + "."));
    }

    private List<ResidentDevice> devices(long operatorId, long subscriberId, List<Subscription> own) {
        Instant now = clock.instant();
        Map<Long, Subscription> byId = new LinkedHashMap<>();
        own.forEach(s -> byId.put(s.id(), s));
        Map<MacAddress, String> names = repository.names(operatorId, subscriberId);
        Map<MacAddress, ResidentDevice> devices = new LinkedHashMap<>();
        for (Seen seen : repository.seen(operatorId, new ArrayList<>(byId.keySet()))) {
            DeviceUsage usage = connections.deviceUsage(seen.nasClientId(), seen.device(), byId.get(seen.subscriptionId()).startsAt(), now);
            ResidentDevice here = new ResidentDevice(seen.device(), names.getOrDefault(seen.device(), ""), seen.subscriptionId(),
                    usage.lastReport().filter(t -> t.isAfter(seen.authorisedAt())).orElse(seen.authorisedAt()), usage.open(),
                    usage.bytes());
            devices.merge(seen.device(), here, ResidentDevices::combine);
        }
        return devices.values().stream().sorted(java.util.Comparator.comparing(ResidentDevice::lastSeen).reversed()).toList();
    }

    /** One device seen at several access points or under several subscriptions: the latest view, usage added up. */
    private static ResidentDevice combine(ResidentDevice a, ResidentDevice b) {
        ResidentDevice latest = a.lastSeen().isAfter(b.lastSeen()) ? a : b;
        return new ResidentDevice(latest.device(), latest.name(), latest.subscriptionId(), latest.lastSeen(), a.online() || b.online(),
                a.bytesUsed() + b.bytesUsed());
    }
}
