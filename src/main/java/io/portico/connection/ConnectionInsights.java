package io.portico.connection;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.persistence.InsightRepository;
import io.portico.platform.Actor;
import io.portico.platform.Permission;

/**
 * What the dashboard reads about sessions: who is online now (the live list, keyset-paged, stale
 * sessions marked and not counted), a window's figures for the overview, and whether a session a
 * Disconnect-Request named has since ended (the radius module's disconnect confirmation).
 */
@Service
public class ConnectionInsights {

    private final InsightRepository repository;
    private final Clock clock;

    ConnectionInsights(InsightRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public LiveSessions live(Actor actor, LiveSessionQuery query) {
        actor.require(Permission.READ_CONFIGURATION);
        Instant now = clock.instant();
        List<LiveSession> rows = repository.live(actor.operatorId(), query, now);
        boolean more = rows.size() > query.limit();
        long[] counts = repository.openCounts(actor.operatorId(), query, now);
        return new LiveSessions(more ? rows.subList(0, query.limit()) : rows, counts[0], counts[1], more);
    }

    /** The guest's latest sessions at the operator's hotspots, newest first. */
    @Transactional(readOnly = true)
    public List<SessionSummary> guestSessions(Actor actor, long guestId, int limit) {
        actor.require(Permission.READ_CONFIGURATION);
        return repository.guestSessions(actor.operatorId(), guestId, limit);
    }

    /** An open session of the operator (a guest's at its hotspots or a resident's at its venue gateways), for a staff disconnect. */
    @Transactional(readOnly = true)
    public Optional<LiveSession> openSession(long operatorId, long sessionId) {
        return repository.open(operatorId, sessionId, clock.instant());
    }

    /**
     * True once the session's accounting Stop has arrived (only a Stop is final: a session closed as
     * stale or by Accounting-On reopens when its NAS reports it again); empty when the operator has no such session.
     */
    @Transactional(readOnly = true)
    public Optional<Boolean> stoppedByNas(long operatorId, long sessionId) {
        return repository.closedBy(operatorId, sessionId).map("nas"::equals);
    }

    /**
     * The figures of the days whose starts are given (local midnights in the page's time zone; the
     * last entry ends the window) for the operator's hotspots, or a client's, or a venue's.
     */
    @Transactional(readOnly = true)
    public ConnectionStats stats(Actor actor, Optional<Long> clientId, Optional<Long> venueId, List<Instant> dayStarts) {
        actor.require(Permission.READ_CONFIGURATION);
        if (dayStarts.size() < 2) {
            throw new IllegalArgumentException("a window needs its start and end");
        }
        return repository.stats(actor.operatorId(), clientId, venueId, dayStarts);
    }
}
