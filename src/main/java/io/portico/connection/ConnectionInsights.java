package io.portico.connection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.portico.connection.internal.DailyRollup;
import io.portico.connection.persistence.DeviceSketch;
import io.portico.connection.persistence.HourRollupRepository;
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

    private static final Duration HOUR = Duration.ofHours(1);

    private final InsightRepository repository;
    private final RollupRepository rollups;
    private final HourRollupRepository hours;
    private final ConnectionRollupProperties rollup;
    private final Clock clock;

    ConnectionInsights(InsightRepository repository, RollupRepository rollups, HourRollupRepository hours, ConnectionRollupProperties rollup,
                       Clock clock) {
        this.repository = repository;
        this.rollups = rollups;
        this.hours = hours;
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
     * up yet, from the hourly rollup's whole UTC hours plus the sessions of the rest (a leading part
     * hour in zones at :30 or :45, the hours not rolled up yet). Sessions and data are exact either way;
     * distinct devices of hourly-rolled days and of the busiest hotspots are merged sketches, marked estimated.
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
            days.add(new ConnectionStats.Day(dayStarts.get(i), f.sessions(), f.devices(), f.inputOctets(), f.outputOctets(), false));
        }
        Map<Long, long[]> totals = new HashMap<>(rollups.hotspotTotals(key, dates.getFirst(), lastRolled, operatorId, clientId, venueId));
        Tail tail = tail(operatorId, clientId, venueId, dayStarts.subList(closed, dayStarts.size()));
        days.addAll(tail.days());
        tail.totals().forEach((id, t) -> totals.merge(id, t, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));

        // The five hotspots with most sessions (ties by id, as the sessions query orders them); their devices over the
        // window are the merge of their rolled days' sketches, their rolled hours' sketches and the tail's MAC addresses.
        List<Long> top = totals.entrySet().stream()
                .sorted(Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> -e.getValue()[0]).thenComparingLong(Map.Entry::getKey))
                .limit(5).map(Map.Entry::getKey).toList();
        Map<Long, DeviceSketch> devices = new LinkedHashMap<>();
        top.forEach(id -> devices.put(id, DeviceSketch.counting()));
        rollups.mergeHotspotSketches(key, dates.getFirst(), lastRolled, operatorId, devices);
        tail.hours().forEach(part -> hours.mergeHotspotSketches(part[0], part[1], operatorId, devices));
        devices.forEach((id, sketch) -> tail.macs().getOrDefault(id, Set.of()).forEach(sketch::add));
        Map<Long, String> names = hours.hotspotNames(operatorId, top);
        List<ConnectionStats.HotspotFigure> busiest = top.stream().filter(names::containsKey)
                .map(id -> new ConnectionStats.HotspotFigure(id, names.get(id), totals.get(id)[0], devices.get(id).devices(), totals.get(id)[1],
                        devices.get(id).estimated())).toList();
        return new ConnectionStats(days, busiest);
    }

    /**
     * The days not rolled up (today, and any before it the task has not rolled up yet): per day the rolled UTC
     * hours [from, to) read from the hourly rollup, the days' figures, each hotspot's {sessions, octets} and the
     * MAC addresses of the sessions read.
     */
    private record Tail(List<Instant[]> hours, List<ConnectionStats.Day> days, Map<Long, long[]> totals, Map<Long, Set<String>> macs) {
    }

    private Tail tail(long operatorId, Optional<Long> clientId, Optional<Long> venueId, List<Instant> starts) {
        char scope = venueId.isPresent() ? 'v' : clientId.isPresent() ? 'c' : 'o';
        long scopeId = venueId.or(() -> clientId).orElse(operatorId);
        List<Instant[]> rolledParts = new ArrayList<>();
        List<ConnectionStats.Day> days = new ArrayList<>();
        Map<Long, long[]> totals = new HashMap<>();
        Map<Long, Set<String>> macs = new HashMap<>();
        // Day by day, as a whole UTC hour can straddle a local midnight (zones at :30 and :45).
        for (int i = 0; i + 1 < starts.size(); i++) {
            Instant from = starts.get(i);
            Instant to = starts.get(i + 1);
            Instant[] rolled = rolledHours(from, to);
            rolledParts.add(rolled);
            long[] figures = hours.figures(rolled[0], rolled[1], operatorId, clientId, venueId);
            hours.hotspotTotals(rolled[0], rolled[1], operatorId, clientId, venueId)
                    .forEach((id, t) -> totals.merge(id, t, (a, b) -> new long[] {a[0] + b[0], a[1] + b[1]}));
            DeviceSketch devices = DeviceSketch.counting();
            hours.scopeSketches(rolled[0], rolled[1], operatorId, scope, scopeId).forEach(devices::merge);
            for (Instant[] part : List.of(new Instant[] {from, rolled[0]}, new Instant[] {rolled[1], to})) {
                if (part[0].isBefore(part[1])) {
                    hours.sessions(operatorId, clientId, venueId, part[0], part[1], row -> {
                        figures[0]++;
                        figures[1] += row.inputOctets();
                        figures[2] += row.outputOctets();
                        devices.add(row.macAddress());
                        long[] total = totals.computeIfAbsent(row.hotspotId(), id -> new long[2]);
                        total[0]++;
                        total[1] += row.inputOctets() + row.outputOctets();
                        macs.computeIfAbsent(row.hotspotId(), id -> new HashSet<>()).add(row.macAddress());
                    });
                }
            }
            days.add(new ConnectionStats.Day(from, figures[0], devices.devices(), figures[1], figures[2], devices.estimated()));
        }
        return new Tail(rolledParts, days, totals, macs);
    }

    /**
     * The first run of consecutive rolled UTC hours wholly inside [from, to) (empty, at {@code to}, when there is
     * none): the rest of the day, before and after it, is read from the sessions.
     */
    private Instant[] rolledHours(Instant from, Instant to) {
        Instant first = from.truncatedTo(ChronoUnit.HOURS).equals(from) ? from : from.truncatedTo(ChronoUnit.HOURS).plus(HOUR);
        var rolled = hours.rolledHours(first, to);
        Instant start = first;
        while (!start.plus(HOUR).isAfter(to) && !rolled.containsKey(start)) {
            start = start.plus(HOUR);
        }
        Instant end = start;
        while (!end.plus(HOUR).isAfter(to) && rolled.containsKey(end)) {
            end = end.plus(HOUR);
        }
        return end.equals(start) ? new Instant[] {to, to} : new Instant[] {start, end};
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
