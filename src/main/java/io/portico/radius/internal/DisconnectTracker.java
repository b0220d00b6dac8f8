package io.portico.radius.internal;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.ConnectionInsights;
import io.portico.guest.MacAddress;
import io.portico.platform.AdministratorActed;
import io.portico.platform.RequestOrigin;
import io.portico.radius.DisconnectOutcome;
import io.portico.radius.DisconnectRequest.State;
import io.portico.radius.DisconnectTrackingProperties;
import io.portico.radius.persistence.DisconnectRepository;
import io.portico.radius.persistence.DisconnectRepository.Pending;
import io.portico.radius.persistence.NasClientRepository;

/**
 * Sends Disconnect-Requests and confirms them: a disconnect is done only when the NAS ACKed it and
 * the session's accounting Stop has arrived. A NAK, no answer, or no Stop within
 * {@code confirmWithin} is a failure: written to the operator log and sent again after
 * {@code retryAfter}, up to {@code maxRounds} sends (gateways that ACK and keep the user online are
 * the known trap). Every disconnect Portico sends goes through here: staff on the dashboard, revoked
 * guest plans and ended subscriptions. State changes are conditional updates, so two nodes never
 * handle the same step twice.
 */
@Component
public class DisconnectTracker {

    private static final Logger log = LoggerFactory.getLogger(DisconnectTracker.class);

    /** A session to disconnect: a row of the connection store, with what its NAS needs to find it. */
    public record Session(long nasClientId, String nasAddress, String nasIdentifier, String acctSessionId, String userName,
                          Optional<MacAddress> device, long connectionSessionId) {
    }

    private final DisconnectRepository repository;
    private final NasClientRepository clients;
    private final DisconnectClient client;
    private final ConnectionInsights connections;
    private final DisconnectTrackingProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    DisconnectTracker(DisconnectRepository repository, NasClientRepository clients, DisconnectClient client,
                      ConnectionInsights connections, DisconnectTrackingProperties properties, ApplicationEventPublisher events,
                      TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.clients = clients;
        this.client = client;
        this.connections = connections;
        this.properties = properties;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Records the disconnect (with the staff member's operator log entry, if any, in the same
     * transaction) and, once committed, sends it on a virtual thread; returns its id at once.
     */
    public long request(long operatorId, Session session, String reason, String requestedBy, Optional<AdministratorActed> audit) {
        Long id = transactions.execute(tx -> {
            long inserted = repository.insert(operatorId, session.nasClientId(), session.nasAddress(), session.nasIdentifier(),
                    session.acctSessionId(), session.userName(), session.device().map(MacAddress::value).orElse(null),
                    session.connectionSessionId(), reason, requestedBy,
                    clock.instant());
            audit.ifPresent(events::publishEvent);
            return inserted;
        });
        long committed = java.util.Objects.requireNonNull(id);
        Thread.ofVirtual().name("radius-disconnect-" + committed).start(() -> send(committed));
        return committed;
    }

    public Optional<io.portico.radius.DisconnectRequest> find(long operatorId, long id) {
        return repository.get(operatorId, id);
    }

    public java.util.List<io.portico.radius.DisconnectRequest> recent(long operatorId, int limit) {
        return repository.recent(operatorId, limit);
    }

    /** One send (with the RADIUS retransmissions) and its answer. */
    void send(long id) {
        Pending pending = repository.find(id).orElseThrow();
        int attempts = pending.attempts() + 1;
        var nas = clients.findWithSecret(pending.nasClientId());
        if (nas.isEmpty()) {
            fail(pending, State.SENT, attempts, "The RADIUS client is no longer registered.", true);
            return;
        }
        DisconnectOutcome outcome;
        try {
            outcome = client.disconnect(new DisconnectClient.Target(new InetSocketAddress(pending.nasAddress(), nas.get().client().coaPort()),
                    nas.get().secret(), pending.acctSessionId(), pending.userName(),
                    Optional.ofNullable(pending.deviceMac()).flatMap(MacAddress::tryParse), pending.nasIdentifier()));
        } catch (RuntimeException e) {
            log.warn("Disconnect {} could not be sent: {}", id, e.toString());
            fail(pending, State.SENT, attempts, "Could not send the Disconnect-Request.", false);
            return;
        }
        Instant now = clock.instant();
        if (outcome.disconnected()) {
            repository.transition(id, State.SENT, State.ACKED, attempts, null, now.plus(properties.confirmWithin()), now, null);
            confirmIfStopped(repository.find(id).orElseThrow());
        } else if (outcome.result() == DisconnectOutcome.Result.REFUSED) {
            fail(pending, State.SENT, attempts, "The NAS refused it (Disconnect-NAK" + outcome.errorCause().map(c -> ", Error-Cause " + c)
                    .orElse("") + ").", false);
        } else {
            fail(pending, State.SENT, attempts, "The NAS did not answer after " + outcome.attempts() + " tries.", false);
        }
    }

    /** Confirms acknowledged disconnects whose Stop arrived, fails those past the window, and resends retries. */
    @Scheduled(fixedDelayString = "${portico.radius.disconnect-tracking.check-interval:5s}", initialDelayString = "5s")
    public void check() {
        for (Pending pending : repository.awaitingStop(500)) {
            confirmIfStopped(pending);
        }
        Instant now = clock.instant();
        for (Pending pending : repository.due(now, 100)) {
            if (pending.state() == State.ACKED) {
                fail(pending, State.ACKED, pending.attempts(), "The NAS acknowledged it but no accounting Stop arrived within "
                        + properties.confirmWithin().toSeconds() + " s.", false);
            } else if (stopped(pending)) {
                repository.transition(pending.id(), State.RETRYING, State.DONE, pending.attempts(), null, now, null, now);
            } else if (repository.transition(pending.id(), State.RETRYING, State.SENT, pending.attempts(), null,
                    now.plus(properties.confirmWithin()), null, null)) {
                Thread.ofVirtual().name("radius-disconnect-" + pending.id()).start(() -> send(pending.id()));
            }
        }
    }

    private void confirmIfStopped(Pending pending) {
        if (pending.state() == State.ACKED && stopped(pending)) {
            Instant now = clock.instant();
            if (repository.transition(pending.id(), State.ACKED, State.DONE, pending.attempts(), null, now, null, now)) {
                log.info("Disconnect {} of session {} at {} confirmed by its accounting Stop", pending.id(), pending.acctSessionId(),
                        pending.nasIdentifier());
            }
        }
    }

    private boolean stopped(Pending pending) {
        return connections.stoppedByNas(pending.operatorId(), pending.connectionSessionId()).orElse(false);
    }

    /** A failed round: retried later unless out of rounds, and written to the operator log either way. */
    private void fail(Pending pending, State from, int attempts, String error, boolean giveUpNow) {
        Instant now = clock.instant();
        boolean giveUp = giveUpNow || attempts >= properties.maxRounds();
        State to = giveUp ? State.FAILED : State.RETRYING;
        transactions.executeWithoutResult(tx -> {
            if (repository.transition(pending.id(), from, to, attempts, error, now.plus(properties.retryAfter()), null,
                    giveUp ? now : null)) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("message", "Disconnect of session " + pending.acctSessionId() + " at " + pending.nasIdentifier()
                        + (pending.deviceMac() == null ? "" : " (" + pending.deviceMac() + ")") + " failed: " + error
                        + (giveUp ? " Giving up after " + attempts + " tries." : " It will be sent again."));
                details.put("reason", pending.reason());
                events.publishEvent(new AdministratorActed(pending.operatorId(), null, RequestOrigin.SYSTEM, "/radius/disconnect",
                        details, "", "", now));
            }
        });
        log.warn("Disconnect {} of session {} at {} failed (round {}): {}", pending.id(), pending.acctSessionId(), pending.nasIdentifier(),
                attempts, error);
    }
}
