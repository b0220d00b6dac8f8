package io.portico.radius;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.guest.MacAddress;
import io.portico.platform.PorticoException;
import io.portico.radius.internal.DisconnectClient;
import io.portico.radius.internal.NasClientRegistry;
import io.portico.radius.persistence.JdbcAccountingSink;
import io.portico.radius.persistence.NasClientRepository;

/**
 * Entry point of the radius module: registers the NAS clients gateways and hotspots talk from,
 * and ends a device's open sessions with Disconnect-Requests. Called by the console (gateways),
 * the guest module (hotspots, revoked guest plans), the subscription module (ended
 * subscriptions) and the demo data.
 */
@Service
public class RadiusService {

    private final NasClientRepository clients;
    private final NasClientRegistry registry;
    private final JdbcAccountingSink accounting;
    private final DisconnectClient disconnects;
    private final Clock clock;

    RadiusService(NasClientRepository clients, NasClientRegistry registry, JdbcAccountingSink accounting, DisconnectClient disconnects,
                  Clock clock) {
        this.clients = clients;
        this.registry = registry;
        this.accounting = accounting;
        this.disconnects = disconnects;
        this.clock = clock;
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

    /** Like {@link #disconnect(MacAddress)}, limited to the operator's NAS clients (another operator may see the same MAC). */
    public List<DisconnectOutcome> disconnect(long operatorId, MacAddress device) {
        return disconnect(device, nas -> nas.operatorId() == operatorId);
    }

    private List<DisconnectOutcome> disconnect(MacAddress device, java.util.function.Predicate<NasClient> scope) {
        return accounting.openSessions(device).stream()
                .flatMap(session -> clients.findWithSecret(session.nasClientId()).filter(nas -> scope.test(nas.client())).stream()
                        .map(nas -> disconnects.disconnect(new DisconnectClient.Target(
                                new InetSocketAddress(session.nasAddress(), nas.client().coaPort()), nas.secret(), session.sessionId(),
                                session.username(), session.device(), session.nasIdentifier()))))
                .toList();
    }
}
