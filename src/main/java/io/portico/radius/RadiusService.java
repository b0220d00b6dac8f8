package io.portico.radius;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.ConnectionInsights;
import io.portico.connection.ConnectionReader;
import io.portico.equipment.EquipmentService;
import io.portico.guest.MacAddress;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.platform.Slice;
import io.portico.radius.internal.DisconnectClient;
import io.portico.radius.internal.DisconnectTracker;
import io.portico.radius.internal.NasClientRegistry;
import io.portico.radius.internal.RadiusServer;
import io.portico.radius.persistence.NasClientRepository;

/**
 * Entry point of the radius module: registers the NAS clients gateways and hotspots talk from,
 * and ends a device's open sessions with Disconnect-Requests. Called by the console's RADIUS
 * client routes, the demo data, and this module's own listeners for revoked guest plans and
 * ended subscriptions.
 */
@Service
public class RadiusService {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RadiusService.class);

    private final NasClientRepository clients;
    private final NasClientRegistry registry;
    private final ConnectionReader connections;
    private final DisconnectClient disconnects;
    private final HotspotService hotspots;
    private final EquipmentService equipment;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<RadiusServer> server;
    private final ConnectionInsights connectionInsights;
    private final DisconnectTracker tracker;

    /** The UDP ports this server's RADIUS listeners are bound to. */
    public record Ports(int auth, int acct) {
    }

    RadiusService(NasClientRepository clients, NasClientRegistry registry, ConnectionReader connections,
                  DisconnectClient disconnects, HotspotService hotspots, EquipmentService equipment, ApplicationEventPublisher events, Clock clock,
                  ObjectProvider<RadiusServer> server,
                  ConnectionInsights connectionInsights, DisconnectTracker tracker) {
        this.clients = clients;
        this.registry = registry;
        this.connections = connections;
        this.disconnects = disconnects;
        this.hotspots = hotspots;
        this.equipment = equipment;
        this.events = events;
        this.clock = clock;
        this.server = server;
        this.connectionInsights = connectionInsights;
        this.tracker = tracker;
    }

    /**
     * Where the RADIUS listeners are (bound ports, so also when configured as 0); empty while
     * RADIUS is off. The demo's simulated gateways send there.
     */
    public Optional<Ports> listening() {
        return Optional.ofNullable(server.getIfAvailable()).filter(RadiusServer::isRunning)
                .map(s -> new Ports(s.authPort(), s.acctPort()));
    }

    /**
     * The console's addClient: registers a NAS client for one of the operator's hotspots or
     * gateways (404 for another operator's), audited without its secret. DomainAdministrators only.
     */
    @Transactional
    public NasClient register(Actor actor, NewNasClient client) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        if (client.operatorId() != actor.operatorId()) {
            throw PorticoException.forbidden("A RADIUS client belongs to the acting administrator's operator.");
        }
        client.hotspotId().ifPresent(id -> hotspots.find(actor.operatorId(), id)
                .orElseThrow(() -> PorticoException.notFound("Unknown hotspot " + id + ".")));
        client.equipmentId().ifPresent(id -> equipment.find(actor.operatorId(), id)
                .orElseThrow(() -> PorticoException.notFound("Unknown equipment " + id + ".")));
        NasClient saved = register(client);
        audit(actor, "/radius/addClient", "RADIUS client " + saved.name() + " (" + saved.network() + ", NAS-Identifier '"
                + saved.nasIdentifier() + "') added.");
        return saved;
    }

    /** The console's listClients; secrets are never part of a {@link NasClient}. DomainAdministrators only. */
    public List<NasClient> clients(Actor actor) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        return clients.list(actor.operatorId());
    }

    /**
     * A page (zero-based) of the operator's RADIUS clients by name whose name, network or
     * NAS-Identifier starts with {@code search} (case-insensitive), read in SQL: the dashboard's list.
     */
    public Slice<NasClient> clientPage(Actor actor, String search, int page, int size) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        return Slice.of(clients.page(actor.operatorId(), Slice.prefix(search), Slice.offset(page, size), size + 1), size);
    }

    /** The console's removeClient; 404 when the operator has no such client. DomainAdministrators only. */
    @Transactional
    public void remove(Actor actor, long nasClientId) {
        actor.require(Permission.MANAGE_EQUIPMENT);
        if (!remove(actor.operatorId(), nasClientId)) {
            throw PorticoException.notFound("Unknown RADIUS client " + nasClientId + ".");
        }
        audit(actor, "/radius/removeClient", "RADIUS client " + nasClientId + " removed.");
    }

    private void audit(Actor actor, String function, String message) {
        events.publishEvent(AdministratorActed.by(actor, function, Map.of("message", message), clock.instant()));
    }

    /** Registers a NAS client; 409 when one with the same network and NAS-Identifier exists. Listeners see it at once. */
    @Transactional
    public NasClient register(NewNasClient client) {
        if (clients.exists(client.network(), client.nasIdentifier())) {
            throw PorticoException.conflict("A RADIUS client for " + client.network() + " with NAS-Identifier '"
                    + client.nasIdentifier() + "' already exists.");
        }
        NasClient saved = clients.insert(client, clock.instant());
        registry.reload();
        return saved;
    }

    public List<NasClient> clients(long operatorId) {
        return clients.list(operatorId);
    }

    @Transactional
    public boolean remove(long operatorId, long nasClientId) {
        boolean removed = clients.delete(operatorId, nasClientId);
        registry.reload();
        return removed;
    }

    /**
     * Sends a Disconnect-Request for every open session of the device to the NAS that reported it,
     * with retries, and returns each outcome (also logged). Blocks up to timeout × attempts per
     * session, so call it from a virtual thread or an after-commit listener.
     */
    public List<DisconnectOutcome> disconnect(MacAddress device) {
        return disconnect(device, nas -> true);
    }

    /**
     * Requests tracked Disconnect-Requests ({@link #disconnectTracked}) for these devices' open
     * sessions at the operator's NAS clients, on a virtual thread (the caller never waits), with
     * {@code why} as the reason. Call it once the change that ended the access has committed.
     */
    public void disconnectInBackground(String why, long operatorId, List<MacAddress> devices) {
        if (devices.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("radius-disconnect").start(() -> {
            for (MacAddress device : devices) {
                try {
                    int requested = disconnectTracked(operatorId, device, why);
                    log.info("{}: {} open session(s) of {} to disconnect", why, requested, device);
                } catch (RuntimeException e) {
                    log.warn("{}: disconnecting {} failed: {}", why, device, e.toString(), e);
                }
            }
        });
    }

    /** Like {@link #disconnect(MacAddress)}, limited to the operator's NAS clients (another operator may see the same MAC). */
    public List<DisconnectOutcome> disconnect(long operatorId, MacAddress device) {
        return disconnect(device, nas -> nas.operatorId() == operatorId);
    }

    /** The device's open sessions, as the connection module stores them: guest connections and every other NAS session. */
    private List<DisconnectOutcome> disconnect(MacAddress device, java.util.function.Predicate<NasClient> scope) {
        List<OpenSession> open = new java.util.ArrayList<>();
        connections.openNasSessions(device).forEach(s -> open.add(new OpenSession(s.nasClientId(), s.nasAddress(), s.nasIdentifier(),
                s.acctSessionId(), s.userName(), java.util.Optional.of(s.device()))));
        return open.stream()
                .flatMap(session -> clients.findWithSecret(session.nasClientId()).filter(nas -> scope.test(nas.client())).stream()
                        .map(nas -> disconnects.disconnect(new DisconnectClient.Target(
                                new InetSocketAddress(session.nasAddress(), nas.client().coaPort()), nas.secret(), session.sessionId(),
                                session.username(), session.device(), session.nasIdentifier()))))
                .toList();
    }

    /**
     * Staff end one live session (a guest's or a resident's) from the dashboard: a tracked Disconnect-Request
     * ({@link DisconnectRequest}), confirmed by the NAS's ACK and the session's accounting Stop.
     */
    public DisconnectRequest disconnectSession(Actor actor, long connectionSessionId) {
        actor.require(Permission.MANAGE_GUESTS);
        var live = connectionInsights.openSession(actor.operatorId(), connectionSessionId)
                .orElseThrow(() -> PorticoException.notFound("This session has already ended."));
        var open = connections.openNasSessions(live.device()).stream().filter(s -> s.sessionId() == connectionSessionId)
                .filter(s -> clients.findWithSecret(s.nasClientId()).filter(n -> n.client().operatorId() == actor.operatorId()).isPresent())
                .findFirst()
                .orElseThrow(() -> PorticoException.conflict("This session was not reported by one of your RADIUS clients, so there is no NAS to ask."));
        var details = new java.util.LinkedHashMap<String, Object>();
        details.put("message", "Disconnect-Request for session " + open.acctSessionId() + " of " + open.device().value() + " at "
                + open.nasIdentifier());
        long id = tracker.request(actor.operatorId(), tracked(open), "Staff disconnect", actor.label(),
                java.util.Optional.of(AdministratorActed.by(actor, "/dashboard/sessions/disconnect", details, clock.instant())));
        return tracker.find(actor.operatorId(), id).orElseThrow();
    }

    /**
     * Ends every open session of the device at the operator's NAS clients with tracked
     * Disconnect-Requests (confirmed by ACK and Stop, retried and logged when they fail); used when
     * a guest plan is revoked or a subscription ends. Returns how many were requested.
     */
    public int disconnectTracked(long operatorId, MacAddress device, String reason) {
        int requested = 0;
        for (var s : connections.openNasSessions(device)) {
            if (ownedBy(s.nasClientId(), operatorId)) {
                tracker.request(operatorId, tracked(s), reason, "Portico", java.util.Optional.empty());
                requested++;
            }
        }
        return requested;
    }

    /** The operator's most recent disconnects, newest first, with their confirmation state. */
    public List<DisconnectRequest> recentDisconnects(Actor actor, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return tracker.recent(actor.operatorId(), limit);
    }

    private boolean ownedBy(long nasClientId, long operatorId) {
        return clients.findWithSecret(nasClientId).filter(n -> n.client().operatorId() == operatorId).isPresent();
    }

    private static DisconnectTracker.Session tracked(io.portico.connection.OpenNasSession s) {
        return new DisconnectTracker.Session(s.nasClientId(), s.nasAddress(), s.nasIdentifier(), s.acctSessionId(), s.userName(),
                java.util.Optional.of(s.device()), s.sessionId());
    }

    private record OpenSession(long nasClientId, String nasAddress, String nasIdentifier, String sessionId, String username,
                               java.util.Optional<MacAddress> device) {
    }
}
