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

import io.portico.connection.ConnectionReader;
import io.portico.equipment.EquipmentService;
import io.portico.guest.MacAddress;
import io.portico.hotspot.HotspotService;
import io.portico.platform.Actor;
import io.portico.platform.AdministratorActed;
import io.portico.platform.Permission;
import io.portico.platform.PorticoException;
import io.portico.radius.internal.DisconnectClient;
import io.portico.radius.internal.NasClientRegistry;
import io.portico.radius.internal.RadiusServer;
import io.portico.radius.persistence.JdbcAccountingSink;
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
    private final JdbcAccountingSink accounting;
    private final ConnectionReader connections;
    private final DisconnectClient disconnects;
    private final HotspotService hotspots;
    private final EquipmentService equipment;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ObjectProvider<RadiusServer> server;

    /** The UDP ports this server's RADIUS listeners are bound to. */
    public record Ports(int auth, int acct) {
    }

    RadiusService(NasClientRepository clients, NasClientRegistry registry, JdbcAccountingSink accounting, ConnectionReader connections,
                  DisconnectClient disconnects, HotspotService hotspots, EquipmentService equipment, ApplicationEventPublisher events, Clock clock,
                  ObjectProvider<RadiusServer> server) {
        this.clients = clients;
        this.registry = registry;
        this.accounting = accounting;
        this.connections = connections;
        this.disconnects = disconnects;
        this.hotspots = hotspots;
        this.equipment = equipment;
        this.events = events;
        this.clock = clock;
        this.server = server;
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
     * Sends the Disconnect-Requests for these devices' open sessions at the operator's NAS clients
     * on a virtual thread (the caller never waits for a NAS) and logs the outcomes with {@code why}.
     * Call it once the change that ended the access has committed.
     */
    public void disconnectInBackground(String why, long operatorId, List<MacAddress> devices) {
        if (devices.isEmpty()) {
            return;
        }
        Thread.ofVirtual().name("radius-disconnect").start(() -> {
            for (MacAddress device : devices) {
                try {
                    List<DisconnectOutcome> outcomes = disconnect(operatorId, device);
                    log.info("{}: {} open session(s) of {} disconnected: {}", why, outcomes.size(), device, outcomes);
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

    /** The device's open sessions: guest connections at hotspots, and the raw sessions of venue gateways and unknown hotspots. */
    private List<DisconnectOutcome> disconnect(MacAddress device, java.util.function.Predicate<NasClient> scope) {
        List<OpenSession> open = new java.util.ArrayList<>();
        connections.openNasSessions(device).forEach(s -> open.add(new OpenSession(s.nasClientId(), s.nasAddress(), s.nasIdentifier(),
                s.acctSessionId(), s.userName(), java.util.Optional.of(s.device()))));
        accounting.openSessions(device).forEach(s -> open.add(new OpenSession(s.nasClientId(), s.nasAddress(), s.nasIdentifier(),
                s.sessionId(), s.username(), s.device())));
        return open.stream()
                .flatMap(session -> clients.findWithSecret(session.nasClientId()).filter(nas -> scope.test(nas.client())).stream()
                        .map(nas -> disconnects.disconnect(new DisconnectClient.Target(
                                new InetSocketAddress(session.nasAddress(), nas.client().coaPort()), nas.secret(), session.sessionId(),
                                session.username(), session.device(), session.nasIdentifier()))))
                .toList();
    }

    private record OpenSession(long nasClientId, String nasAddress, String nasIdentifier, String sessionId, String username,
                               java.util.Optional<MacAddress> device) {
    }
}
