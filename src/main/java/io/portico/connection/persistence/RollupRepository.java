package io.portico.connection.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overview's daily rollup (V129): written by the connection-rollup task from
 * {@code connection_session} one local day at a time, read by the overview for the days it holds.
 * Every read is scoped by the operator (through the hotspot, as {@link InsightRepository} counts).
 */
@Repository
public class RollupRepository {

    /**
     * What a closed day's row says: its sessions still open when it was rolled up (their data grows until the
     * Stop), those closed without a Stop or started by an Interim (a later packet can reopen or move them).
     */
    public record RolledDay(LocalDate day, long openSessions, long reopenable, Instant rolledAt) {
    }

    /** A rolled-up day's figures in a scope: sessions, distinct devices, data. */
    public record DayFigures(long sessions, long devices, long inputOctets, long outputOctets) {
    }

    /**
     * A time range's sessions of every hotspot, on PostgreSQL, as both rollups read them (days here, hours in
     * {@link HourRollupRepository}): each hotspot's range is read as its own range of
     * {@code ix_connection_hotspot_start} (a lateral subquery, kept apart from the join by {@code offset 0}),
     * whatever the statistics say. As a plain join, on a table analysed while it was much smaller (a server
     * without autovacuum, after a busy day), the planner chose to read all of {@code connection_session} for
     * each of a day's six statements: 0.4 s each at 500,000 sessions, seconds of a core on every run
     * (docs/benchmarks.md, "RADIUS on the real jar"). H2 has no {@code lateral} and plans the join by the
     * index without statistics.
     */
    static final String HOTSPOT_SESSIONS_POSTGRES = " from hotspot h cross join lateral (select c.hotspot_id, c.mac_address,"
            + " c.input_octets, c.output_octets, c.ended_at, c.closed_by, c.start_reported from connection_session c"
            + " where c.hotspot_id = h.id and c.started_at >= ? and c.started_at < ? offset 0) c";

    private static final String HOTSPOT_SESSIONS = " from hotspot h join connection_session c on c.hotspot_id = h.id"
            + " and c.started_at >= ? and c.started_at < ?";

    /** The FROM clause of every hotspot's sessions started in a range (two parameters: from, to) for this database. */
    static String hotspotSessions(boolean postgres) {
        return postgres ? HOTSPOT_SESSIONS_POSTGRES : HOTSPOT_SESSIONS;
    }

    private final JdbcClient jdbc;
    private final ConnectionRepository connections;

    RollupRepository(JdbcClient jdbc, ConnectionRepository connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    /** The zones the overview can count days in: every venue's, and UTC (an operator without venues). */
    public Set<String> zones() {
        Set<String> zones = new TreeSet<>(jdbc.sql("select distinct time_zone from venue").query(String.class).list());
        zones.add("UTC");
        return zones;
    }

    public long maxSessionId() {
        return jdbc.sql("select coalesce(max(id), 0) from connection_session").query(Long.class).single();
    }

    /** The highest session id the task has looked at, and how many rows the ids of the margin below it held then. */
    public record Mark(long lastSessionId, long marginRows) {
    }

    public Optional<Mark> mark() {
        return jdbc.sql("select last_session_id, margin_rows from connection_rollup_mark where id = 1")
                .query((rs, n) -> new Mark(rs.getLong(1), rs.getLong(2))).optional();
    }

    public void setMark(Mark mark) {
        if (jdbc.sql("update connection_rollup_mark set last_session_id = ?, margin_rows = ? where id = 1")
                .params(mark.lastSessionId(), mark.marginRows()).update() == 0) {
            jdbc.sql("insert into connection_rollup_mark (id, last_session_id, margin_rows) values (1, ?, ?)")
                    .params(mark.lastSessionId(), mark.marginRows()).update();
        }
    }

    /** Sessions with ids in (after, upTo], on the primary key. */
    public long countBetweenIds(long after, long upTo) {
        return jdbc.sql("select count(*) from connection_session where id > ? and id <= ?").params(after, upTo).query(Long.class).single();
    }

    /** The earliest start among a guest's sessions (before an erasure replaces their MAC). */
    public Optional<Instant> firstStartOf(long clientId, long guestId) {
        return jdbc.sql("select min(started_at) from connection_session where client_id = ? and guest_id = ?").params(clientId, guestId)
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant)).single();
    }

    /** The earliest and latest start of the sessions with ids in (after, upTo] (empty when there are none). */
    public Optional<Instant[]> startRangeBetweenIds(long after, long upTo) {
        return jdbc.sql("select min(started_at), max(started_at) from connection_session where id > ? and id <= ?").params(after, upTo)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class) == null ? Optional.<Instant[]>empty()
                        : Optional.of(new Instant[] {rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getObject(2, OffsetDateTime.class).toInstant()}))
                .single();
    }

    /** Start times of the sessions with ids in (after, upTo], on the primary key. */
    public List<Instant> startsBetweenIds(long after, long upTo) {
        return jdbc.sql("select started_at from connection_session where id > ? and id <= ?").params(after, upTo)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).list();
    }

    public Map<LocalDate, RolledDay> rolledDays(String zone, LocalDate first, LocalDate last) {
        Map<LocalDate, RolledDay> days = new LinkedHashMap<>();
        jdbc.sql("select local_day, open_sessions, reopenable, rolled_at from connection_day_rollup where time_zone = ? and local_day >= ? and local_day <= ? order by local_day")
                .params(zone, first, last).query(rs -> {
                    LocalDate day = rs.getObject(1, LocalDate.class);
                    days.put(day, new RolledDay(day, rs.getLong(2), rs.getLong(3), rs.getObject(4, OffsetDateTime.class).toInstant()));
                });
        return days;
    }

    /** Makes days be counted from the sessions again until the task rolls them up anew. */
    public void forget(String zone, LocalDate day) {
        jdbc.sql("delete from connection_day_rollup where time_zone = ? and local_day = ?").params(zone, day).update();
    }

    /** Every zone's days from this one on (an erasure changed MAC addresses, so distinct devices may change). */
    public void forgetFrom(LocalDate day) {
        jdbc.sql("delete from connection_day_rollup where local_day >= ?").param(day).update();
    }

    /** Drops the rolled-up days before this one in every zone (older than any overview reads). */
    public void prune(LocalDate before) {
        for (String table : List.of("connection_day_rollup", "connection_day_hotspot", "connection_day_devices")) {
            jdbc.sql("delete from " + table + " where local_day < ?").param(before).update();
        }
    }

    /**
     * Counts one local day ({@code from} to {@code to}) of every hotspot again, replacing what was
     * there: per hotspot, and distinct devices per operator, client and venue. Each hotspot's day is
     * a range of {@code ix_connection_hotspot_start} ({@link #HOTSPOT_SESSIONS_POSTGRES}).
     */
    public void rollDay(String zone, LocalDate day, Instant from, Instant to, Instant now) {
        for (String table : List.of("connection_day_rollup", "connection_day_hotspot", "connection_day_devices")) {
            jdbc.sql("delete from " + table + " where time_zone = ? and local_day = ?").params(zone, day).update();
        }
        String sessions = hotspotSessions(connections.postgres());
        jdbc.sql("insert into connection_day_hotspot (time_zone, local_day, hotspot_id, operator_id, sessions, input_octets, output_octets)"
                        + " select ?, ?, h.id, h.operator_id, count(*), coalesce(sum(c.input_octets), 0), coalesce(sum(c.output_octets), 0)"
                        + sessions + " group by h.id, h.operator_id")
                .params(zone, day, utc(from), utc(to)).update();
        // Each hotspot's devices as a sketch the overview merges over the window (distinct counts do not add up).
        Map<Long, DeviceSketch> sketches = new HashMap<>();
        jdbc.sql("select c.hotspot_id, c.mac_address" + sessions).params(utc(from), utc(to)).withFetchSize(HourRollupRepository.FETCH_SIZE)
                .query(rs -> {
                    sketches.computeIfAbsent(rs.getLong(1), id -> DeviceSketch.forStorage()).add(rs.getString(2));
                });
        sketches.forEach((hotspot, sketch) -> jdbc.sql("update connection_day_hotspot set devices_sketch = ?"
                        + " where time_zone = ? and local_day = ? and hotspot_id = ?")
                .params(sketch.toBytes(), zone, day, hotspot).update());
        for (String[] scope : List.of(new String[] {"o", "h.operator_id"}, new String[] {"c", "h.client_id"}, new String[] {"v", "h.venue_id"})) {
            jdbc.sql("insert into connection_day_devices (time_zone, local_day, operator_id, scope, scope_id, devices)"
                            + " select ?, ?, h.operator_id, '" + scope[0] + "', " + scope[1] + ", count(distinct c.mac_address)"
                            + sessions + " group by h.operator_id, " + scope[1])
                    .params(zone, day, utc(from), utc(to)).update();
        }
        // Sessions whose figures may still change: open, closed without their Stop (they reopen when the
        // NAS reports again), or started by an Interim (a late Start moves started_at).
        long[] unsettled = jdbc.sql("select coalesce(sum(case when c.ended_at is null then 1 else 0 end), 0),"
                        + " coalesce(sum(case when c.ended_at is not null and (c.closed_by <> 'nas' or c.start_reported = false) then 1 else 0 end), 0)"
                        + sessions).params(utc(from), utc(to)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        jdbc.sql("insert into connection_day_rollup (time_zone, local_day, open_sessions, reopenable, rolled_at) values (?, ?, ?, ?, ?)")
                .params(zone, day, unsettled[0], unsettled[1], utc(now)).update();
    }

    /** The rolled-up days' figures in the scope (days without sessions are absent). */
    public Map<LocalDate, DayFigures> days(String zone, LocalDate first, LocalDate last, long operatorId, Optional<Long> clientId,
                                           Optional<Long> venueId) {
        Map<LocalDate, long[]> sums = new HashMap<>();
        sums("r.local_day", "sum(r.input_octets), sum(r.output_octets)", zone, first, last, operatorId, clientId, venueId)
                .query(rs -> {
                    sums.put(rs.getObject(1, LocalDate.class), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                });
        String kind = venueId.isPresent() ? "v" : clientId.isPresent() ? "c" : "o";
        long scopeId = venueId.or(() -> clientId).orElse(operatorId);
        Map<LocalDate, Long> devices = new HashMap<>();
        jdbc.sql("select local_day, devices from connection_day_devices where time_zone = ? and operator_id = ? and scope = ? and scope_id = ?"
                        + " and local_day >= ? and local_day <= ?")
                .params(zone, operatorId, kind, scopeId, first, last)
                .query(rs -> {
                    devices.put(rs.getObject(1, LocalDate.class), rs.getLong(2));
                });
        Map<LocalDate, DayFigures> days = new HashMap<>();
        sums.forEach((day, s) -> days.put(day, new DayFigures(s[0], devices.getOrDefault(day, 0L), s[1], s[2])));
        return days;
    }

    /** Sessions and data per hotspot over the rolled-up days in the scope: hotspot id to {sessions, octets}. */
    public Map<Long, long[]> hotspotTotals(String zone, LocalDate first, LocalDate last, long operatorId, Optional<Long> clientId,
                                           Optional<Long> venueId) {
        Map<Long, long[]> totals = new HashMap<>();
        sums("r.hotspot_id", "sum(r.input_octets + r.output_octets)", zone, first, last, operatorId, clientId, venueId)
                .query(rs -> {
                    totals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return totals;
    }

    /** Merges the named hotspots' devices sketches of the rolled-up days into theirs (the operator's hotspots only). */
    public void mergeHotspotSketches(String zone, LocalDate first, LocalDate last, long operatorId, Map<Long, DeviceSketch> into) {
        if (into.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(zone, first, last, operatorId));
        params.addAll(into.keySet());
        jdbc.sql("select hotspot_id, devices_sketch from connection_day_hotspot where time_zone = ? and local_day >= ? and local_day <= ?"
                        + " and operator_id = ? and devices_sketch is not null and hotspot_id in ("
                        + String.join(", ", java.util.Collections.nCopies(into.size(), "?")) + ")")
                .params(params).query(rs -> {
                    into.get(rs.getLong(1)).merge(rs.getBytes(2));
                });
    }

    /** The rolled-up hotspot days of the scope grouped by {@code key}: the key, the sessions, then {@code data}. */
    private JdbcClient.StatementSpec sums(String key, String data, String zone, LocalDate first, LocalDate last, long operatorId,
                                          Optional<Long> clientId, Optional<Long> venueId) {
        List<Object> params = new ArrayList<>(List.of(zone, first, last, operatorId));
        String scope = scope(clientId, venueId, params);
        return jdbc.sql("select " + key + ", sum(r.sessions), " + data + " from connection_day_hotspot r join hotspot h on h.id = r.hotspot_id"
                        + " where r.time_zone = ? and r.local_day >= ? and r.local_day <= ? and h.operator_id = ?" + scope + " group by " + key)
                .params(params);
    }

    static String scope(Optional<Long> clientId, Optional<Long> venueId, List<Object> params) {
        StringBuilder scope = new StringBuilder();
        clientId.ifPresent(id -> {
            scope.append(" and h.client_id = ?");
            params.add(id);
        });
        venueId.ifPresent(id -> {
            scope.append(" and h.venue_id = ?");
            params.add(id);
        });
        return scope.toString();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
