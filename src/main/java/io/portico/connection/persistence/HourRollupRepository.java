package io.portico.connection.persistence;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The overview's hourly rollup of recent UTC hours (V146): written by the connection-rollup task one
 * hour at a time, read by the overview for today and any day not rolled up; and the sessions of the
 * hours not rolled up yet, streamed for the overview to add. Every read is scoped by the operator.
 */
@Repository
public class HourRollupRepository {

    /** Rows read at a time when a rollup or the overview streams sessions. */
    static final int FETCH_SIZE = 1_000;

    /** What a rolled hour's row says, as {@link RollupRepository.RolledDay} does for a day. */
    public record RolledHour(Instant hourStart, long openSessions, long reopenable) {
    }

    /** One session as the overview adds it: where, when, by which device, with what data. */
    public record SessionRow(long hotspotId, Instant startedAt, String macAddress, long inputOctets, long outputOctets) {
    }

    private final JdbcClient jdbc;
    private final ConnectionRepository connections;

    HourRollupRepository(JdbcClient jdbc, ConnectionRepository connections) {
        this.jdbc = jdbc;
        this.connections = connections;
    }

    public Map<Instant, RolledHour> rolledHours(Instant from, Instant to) {
        Map<Instant, RolledHour> hours = new LinkedHashMap<>();
        jdbc.sql("select hour_start, open_sessions, reopenable from connection_hour_rollup where hour_start >= ? and hour_start < ? order by hour_start")
                .params(utc(from), utc(to)).query(rs -> {
                    Instant hour = rs.getObject(1, OffsetDateTime.class).toInstant();
                    hours.put(hour, new RolledHour(hour, rs.getLong(2), rs.getLong(3)));
                });
        return hours;
    }

    /** Makes the hours from this one on be read from the sessions until rolled up anew (an erasure changed MACs). */
    public void forgetFrom(Instant hour) {
        jdbc.sql("delete from connection_hour_rollup where hour_start >= ?").param(utc(hour)).update();
    }

    /** Drops the hours before this one (older than any overview's today). */
    public void prune(Instant before) {
        for (String table : List.of("connection_hour_rollup", "connection_hour_hotspot", "connection_hour_devices")) {
            jdbc.sql("delete from " + table + " where hour_start < ?").param(utc(before)).update();
        }
    }

    /**
     * Counts one UTC hour of every hotspot again, replacing what was there: per hotspot its sessions,
     * data and devices sketch, and a devices sketch per operator, client and venue. The sessions are
     * streamed from {@code ix_connection_hotspot_start} ranges and counted here, so both databases give the same sketches.
     */
    public void rollHour(Instant hour, Instant now) {
        for (String table : List.of("connection_hour_rollup", "connection_hour_hotspot", "connection_hour_devices")) {
            jdbc.sql("delete from " + table + " where hour_start = ?").param(utc(hour)).update();
        }
        Map<Long, long[]> hotspots = new HashMap<>(); // hotspot id to {operator, sessions, input, output}
        Map<Long, DeviceSketch> hotspotDevices = new HashMap<>();
        Map<List<Long>, DeviceSketch> scopeDevices = new HashMap<>(); // {operator, scope letter, scope id}
        long[] unsettled = new long[2];
        jdbc.sql("select h.id, h.operator_id, h.client_id, h.venue_id, c.mac_address, c.input_octets, c.output_octets,"
                        + " case when c.ended_at is null then 1 when c.closed_by <> 'nas' or c.start_reported = false then 2 else 0 end"
                        + RollupRepository.hotspotSessions(connections.postgres()))
                .params(utc(hour), utc(hour.plus(Duration.ofHours(1)))).withFetchSize(FETCH_SIZE).query(rs -> {
                    long hotspot = rs.getLong(1);
                    long operator = rs.getLong(2);
                    String mac = rs.getString(5);
                    long[] figures = hotspots.computeIfAbsent(hotspot, id -> new long[] {operator, 0, 0, 0});
                    figures[1]++;
                    figures[2] += rs.getLong(6);
                    figures[3] += rs.getLong(7);
                    hotspotDevices.computeIfAbsent(hotspot, id -> DeviceSketch.forStorage()).add(mac);
                    for (long[] scope : new long[][] {{'o', operator}, {'c', rs.getLong(3)}, {'v', rs.getLong(4)}}) {
                        scopeDevices.computeIfAbsent(List.of(operator, scope[0], scope[1]), k -> DeviceSketch.forStorage()).add(mac);
                    }
                    int state = rs.getInt(8);
                    if (state > 0) {
                        unsettled[state - 1]++;
                    }
                });
        hotspots.forEach((hotspot, f) -> jdbc.sql("insert into connection_hour_hotspot (hour_start, hotspot_id, operator_id, sessions,"
                        + " input_octets, output_octets, devices_sketch) values (?, ?, ?, ?, ?, ?, ?)")
                .params(utc(hour), hotspot, f[0], f[1], f[2], f[3], hotspotDevices.get(hotspot).toBytes()).update());
        scopeDevices.forEach((scope, sketch) -> jdbc.sql("insert into connection_hour_devices (hour_start, operator_id, scope, scope_id,"
                        + " devices_sketch) values (?, ?, ?, ?, ?)")
                .params(utc(hour), scope.get(0), String.valueOf((char) scope.get(1).longValue()), scope.get(2), sketch.toBytes()).update());
        jdbc.sql("insert into connection_hour_rollup (hour_start, open_sessions, reopenable, rolled_at) values (?, ?, ?, ?)")
                .params(utc(hour), unsettled[0], unsettled[1], utc(now)).update();
    }

    /** The rolled hours in [from, to) of the scope summed: {sessions, input, output}. */
    public long[] figures(Instant from, Instant to, long operatorId, Optional<Long> clientId, Optional<Long> venueId) {
        if (!from.isBefore(to)) {
            return new long[3];
        }
        List<Object> params = new ArrayList<>();
        return jdbc.sql("select coalesce(sum(r.sessions), 0), coalesce(sum(r.input_octets), 0), coalesce(sum(r.output_octets), 0)"
                        + hotspotHours(from, to, operatorId, clientId, venueId, params))
                .params(params).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
    }

    /** Sessions and data per hotspot over the rolled hours in [from, to) of the scope: hotspot id to {sessions, octets}. */
    public Map<Long, long[]> hotspotTotals(Instant from, Instant to, long operatorId, Optional<Long> clientId, Optional<Long> venueId) {
        Map<Long, long[]> totals = new HashMap<>();
        if (!from.isBefore(to)) {
            return totals;
        }
        List<Object> params = new ArrayList<>();
        jdbc.sql("select r.hotspot_id, sum(r.sessions), sum(r.input_octets + r.output_octets)"
                        + hotspotHours(from, to, operatorId, clientId, venueId, params) + " group by r.hotspot_id")
                .params(params).query(rs -> {
            totals.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
        });
        return totals;
    }

    /** The rolled hotspot hours in [from, to) of the scope: {@code from ... where ...}, adding its parameters. */
    private static String hotspotHours(Instant from, Instant to, long operatorId, Optional<Long> clientId, Optional<Long> venueId,
                                       List<Object> params) {
        params.addAll(List.of(utc(from), utc(to), operatorId));
        return " from connection_hour_hotspot r join hotspot h on h.id = r.hotspot_id where r.hour_start >= ? and r.hour_start < ?"
                + " and r.operator_id = ? and h.operator_id = r.operator_id" + RollupRepository.scope(clientId, venueId, params);
    }

    /** The scope's devices sketches of the rolled hours in [from, to). */
    public List<byte[]> scopeSketches(Instant from, Instant to, long operatorId, char scope, long scopeId) {
        List<byte[]> sketches = new ArrayList<>();
        if (!from.isBefore(to)) {
            return sketches;
        }
        jdbc.sql("select devices_sketch from connection_hour_devices where operator_id = ? and scope = ? and scope_id = ?"
                        + " and hour_start >= ? and hour_start < ?")
                .params(operatorId, String.valueOf(scope), scopeId, utc(from), utc(to)).query(rs -> {
                    sketches.add(rs.getBytes(1));
                });
        return sketches;
    }

    /** Merges the named hotspots' devices sketches of the rolled hours in [from, to) into theirs. */
    public void mergeHotspotSketches(Instant from, Instant to, long operatorId, Map<Long, DeviceSketch> into) {
        if (into.isEmpty() || !from.isBefore(to)) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(utc(from), utc(to), operatorId));
        params.addAll(into.keySet());
        jdbc.sql("select hotspot_id, devices_sketch from connection_hour_hotspot where hour_start >= ? and hour_start < ? and operator_id = ?"
                        + " and hotspot_id in (" + String.join(", ", Collections.nCopies(into.size(), "?")) + ")")
                .params(params).query(rs -> {
                    into.get(rs.getLong(1)).merge(rs.getBytes(2));
                });
    }

    /** The scope's sessions started within [from, to), streamed from {@code ix_connection_hotspot_start} ranges (an hour or two of them). */
    public void sessions(long operatorId, Optional<Long> clientId, Optional<Long> venueId, Instant from, Instant to, Consumer<SessionRow> each) {
        List<Object> params = new ArrayList<>(List.of(operatorId));
        String scope = RollupRepository.scope(clientId, venueId, params);
        params.add(utc(from));
        params.add(utc(to));
        jdbc.sql("select c.hotspot_id, c.started_at, c.mac_address, c.input_octets, c.output_octets from hotspot h"
                        + " join connection_session c on c.hotspot_id = h.id where h.operator_id = ?" + scope
                        + " and c.started_at >= ? and c.started_at < ?")
                .params(params).withFetchSize(FETCH_SIZE).query(rs -> {
                    each.accept(new SessionRow(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3),
                            rs.getLong(4), rs.getLong(5)));
                });
    }

    /** The names of the operator's hotspots among these ids. */
    public Map<Long, String> hotspotNames(long operatorId, List<Long> hotspotIds) {
        Map<Long, String> names = new HashMap<>();
        if (hotspotIds.isEmpty()) {
            return names;
        }
        List<Object> params = new ArrayList<>(List.of(operatorId));
        params.addAll(hotspotIds);
        jdbc.sql("select id, name from hotspot where operator_id = ? and id in (" + String.join(", ", Collections.nCopies(hotspotIds.size(), "?")) + ")")
                .params(params).query(rs -> {
                    names.put(rs.getLong(1), rs.getString(2));
                });
        return names;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
