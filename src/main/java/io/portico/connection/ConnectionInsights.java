package io.portico.connection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.internal.DailyRollup;
import io.portico.connection.persistence.InsightRepository;
import io.portico.connection.persistence.RollupRepository;
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
    private final RollupRepository rollups;
    private final ConnectionRollupProperties rollup;
    private final Clock clock;

    ConnectionInsights(InsightRepository repository, RollupRepository rollups, ConnectionRollupProperties rollup, Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.rollup = rollup;
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
     * The figures of the days whose starts are given (local midnights in {@code zone}; the last entry
     * ends the window) for the operator's hotspots, or a client's, or a venue's. Closed days come from
     * the daily rollup where the connection-rollup task has made them; today, and any day not rolled
     * up yet, are counted from the sessions. Both give the same figures.
     */
    @Transactional(readOnly = true)
    public ConnectionStats stats(Actor actor, Optional<Long> clientId, Optional<Long> venueId, ZoneId zone, List<Instant> dayStarts) {
        actor.require(Permission.READ_CONFIGURATION);
        if (dayStarts.size() < 2) {
            throw new IllegalArgumentException("a window needs its start and end");
        }
        long operatorId = actor.operatorId();
        List<LocalDate> dates = localDays(zone, dayStarts);
        if (!rollup.enabled() || dates.isEmpty() || (clientId.isPresent() && venueId.isPresent())) {
            return repository.stats(operatorId, clientId, venueId, dayStarts);
        }
        String key = DailyRollup.key(zone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        var rolled = rollups.rolledDays(key, dates.getFirst(), dates.getLast());
        int closed = 0;
        while (closed < dates.size() && dates.get(closed).isBefore(today) && rolled.containsKey(dates.get(closed))) {
            closed++;
        }
        if (closed == 0) {
            return repository.stats(operatorId, clientId, venueId, dayStarts);
        }
        LocalDate lastRolled = dates.get(closed - 1);
        var figures = rollups.days(key, dates.getFirst(), lastRolled, operatorId, clientId, venueId);
        List<ConnectionStats.Day> days = new ArrayList<>();
        for (int i = 0; i < closed; i++) {
            var f = figures.getOrDefault(dates.get(i), new RollupRepository.DayFigures(0, 0, 0, 0));
            days.add(new ConnectionStats.Day(dayStarts.get(i), f.sessions(), f.devices(), f.inputOctets(), f.outputOctets()));
        }
        Map<Long, long[]> totals = new HashMap<>(rollups.hotspotTotals(key, dates.getFirst(), lastRolled, operatorId, clientId, venueId));
        if (closed < dates.size()) {
            days.addAll(repository.days(operatorId, clientId, venueId, dayStarts.subList(closed, dayStarts.size())));
            repository.hotspotTotals(operatorId, clientId, venueId, dayStarts.get(closed), dayStarts.getLast())
                    .forEach((id, t) -> totals.merge(id, t, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
        }
        return new ConnectionStats(days, busiest(operatorId, totals, dayStarts.getFirst(), dayStarts.getLast()));
    }

    /**
     * The five hotspots with most sessions (ties by id, as the sessions query orders them); their
     * distinct devices over the window are counted from the sessions, as they do not add up over days.
     */
    private List<ConnectionStats.HotspotFigure> busiest(long operatorId, Map<Long, long[]> totals, Instant from, Instant to) {
        List<Long> top = totals.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparingLong(Map.Entry::getKey))
                .limit(5).map(Map.Entry::getKey).toList();
        var devices = repository.hotspotDevices(operatorId, top, from, to);
        return top.stream().filter(devices::containsKey).map(id -> new ConnectionStats.HotspotFigure(id, devices.get(id).getKey(),
                totals.get(id)[0], devices.get(id).getValue(), totals.get(id)[1])).toList();
    }

    /** The local dates the starts open, or empty when they are not consecutive local midnights of the zone. */
    private static List<LocalDate> localDays(ZoneId zone, List<Instant> dayStarts) {
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < dayStarts.size(); i++) {
            LocalDate date = LocalDate.ofInstant(dayStarts.get(i), zone);
            if (!date.atStartOfDay(zone).toInstant().equals(dayStarts.get(i)) || (i > 0 && !date.equals(dates.getLast().plusDays(1)))) {
                return List.of();
            }
            dates.add(date);
        }
        return dates.subList(0, dates.size() - 1);
    }
}
