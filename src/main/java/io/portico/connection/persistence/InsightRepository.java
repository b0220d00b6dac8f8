package io.portico.connection.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.connection.ConnectionStats;
import io.portico.connection.LiveSession;
import io.portico.connection.LiveSessionQuery;
import io.portico.connection.SessionSummary;
import io.portico.guest.MacAddress;
import io.portico.platform.DayBuckets;

/**
 * The dashboard's reads of accounting sessions, every one scoped by the operator through the
 * hotspot ({@code h.operator_id = ?}) or, for residents' sessions at venue gateways, through the NAS
 * client ({@code n.operator_id = ?}), and counted in SQL: open sessions per hotspot
 * ({@code ix_connection_hotspot_open}), a window's figures per hotspot ({@code ix_connection_hotspot_start}).
 */
@Repository
public class InsightRepository {

    /** A guest's open session at one of the operator's hotspots ({@code ix_connection_hotspot_open}). */
    private static final String GUEST_LIVE = """
            select c.id, h.id as hotspot_id, h.name as place, h.venue_id, c.mac_address, c.guest_id,
                   cast(null as bigint) as subscriber_id, cast(null as varchar(64)) as subscriber_token,
                   cast(null as varchar(254)) as subscriber_email, cast(null as bigint) as unit_id, cast(null as varchar(100)) as unit_name,
                   c.user_name, c.framed_ip, c.nas_client_id, c.started_at, c.last_seen_at, c.input_octets, c.output_octets,
                   c.stale_after
              from connection_session c join hotspot h on h.id = c.hotspot_id
             where h.operator_id = ? and c.ended_at is null""";

    /**
     * A resident's open session at one of the operator's venue gateways: a session without a
     * hotspot, reported by the operator's NAS client, whose device that NAS last let in under a
     * subscription of the operator (the radius module's {@code radius_resident_device}); the unit,
     * venue and subscriber come from that subscription ({@code ix_connection_nas_open}, V132).
     */
    private static final String RESIDENT_LIVE = """
            select c.id, cast(null as bigint) as hotspot_id, v.name as place, u.venue_id, c.mac_address, cast(null as bigint) as guest_id,
                   sb.id as subscriber_id, sb.subscriber_token, sb.email as subscriber_email, u.id as unit_id, u.unit_name,
                   c.user_name, c.framed_ip, c.nas_client_id, c.started_at, c.last_seen_at, c.input_octets, c.output_octets,
                   c.stale_after
              from radius_client n
              join connection_session c on c.nas_client_id = n.id
              join radius_resident_device d on d.nas_client_id = c.nas_client_id and d.device_mac = c.mac_address
              join subscription s on s.id = d.subscription_id
              join unit u on u.id = s.unit_id
              join venue v on v.id = u.venue_id
              join subscriber sb on sb.id = s.subscriber_id
             where n.operator_id = ? and c.hotspot_id is null and c.ended_at is null
               and d.operator_id = n.operator_id and s.operator_id = n.operator_id and u.operator_id = n.operator_id""";

    private final JdbcClient jdbc;

    InsightRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A page of the operator's open sessions, guests' and residents' together, newest first: each
     * kind is read on its own index up to the page's length, then the two are merged.
     */
    public List<LiveSession> live(long operatorId, LiveSessionQuery query, Instant now) {
        List<String> branches = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String kind : kinds(query)) {
            StringBuilder sql = new StringBuilder(kind);
            params.add(operatorId);
            filters(kind, query, sql, params);
            if (query.afterStartedAt().isPresent()) {
                OffsetDateTime after = utc(query.afterStartedAt().get());
                sql.append(" and (c.started_at < ? or (c.started_at = ? and c.id < ?))");
                params.add(after);
                params.add(after);
                params.add(query.afterId().orElseThrow());
            }
            sql.append(" order by c.started_at desc, c.id desc fetch first ").append(query.limit() + 1).append(" rows only");
            branches.add("select * from (" + sql + ") k" + branches.size());
        }
        if (branches.isEmpty()) {
            return List.of();
        }
        String sql = String.join(" union all ", branches) + " order by started_at desc, id desc fetch first "
                + (query.limit() + 1) + " rows only";
        return jdbc.sql(sql).params(params).query((rs, n) -> live(rs, now)).list();
    }

    /** Open sessions under the filter: [online, stale]. */
    public long[] openCounts(long operatorId, LiveSessionQuery query, Instant now) {
        long[] counts = new long[2];
        for (String kind : kinds(query)) {
            StringBuilder sql = new StringBuilder("""
                    select coalesce(sum(case when o.stale_after is null or o.stale_after >= ? then 1 else 0 end), 0),
                           coalesce(sum(case when o.stale_after < ? then 1 else 0 end), 0)
                      from (""").append(kind);
            List<Object> params = new ArrayList<>(List.of(utc(now), utc(now), operatorId));
            filters(kind, query, sql, params);
            sql.append(") o");
            jdbc.sql(sql.toString()).params(params).query(rs -> {
                counts[0] += rs.getLong(1);
                counts[1] += rs.getLong(2);
            });
        }
        return counts;
    }

    /** One open session of the operator, a guest's or a resident's. */
    public Optional<LiveSession> open(long operatorId, long sessionId, Instant now) {
        return jdbc.sql(GUEST_LIVE + " and c.id = ? union all " + RESIDENT_LIVE + " and c.id = ?")
                .params(operatorId, sessionId, operatorId, sessionId).query((rs, n) -> live(rs, now)).optional();
    }

    /**
     * How the session stands: {@code open}, {@code nas} (its Stop arrived: final), another closer, or
     * empty when unknown. A guest connection is scoped by its hotspot's operator; a NAS session
     * without a hotspot (a resident at a venue gateway) carries no operator, and its id comes from a
     * disconnect the caller already scoped by the NAS client's operator.
     */
    public Optional<String> closedBy(long operatorId, long sessionId) {
        return jdbc.sql("""
                        select case when c.ended_at is null then 'open' else coalesce(c.closed_by, 'nas') end
                          from connection_session c left join hotspot h on h.id = c.hotspot_id
                         where c.id = ? and (h.operator_id = ? or c.hotspot_id is null)""")
                .params(sessionId, operatorId).query(String.class).optional();
    }

    /**
     * The window's figures for the hotspots in scope (all the operator's, a client's or a venue's):
     * sessions started, distinct devices, data, and per-day buckets in the given UTC offset-free day
     * boundaries (the caller passes the start instants of each local day).
     */
    public ConnectionStats stats(long operatorId, Optional<Long> clientId, Optional<Long> venueId, List<Instant> dayStarts) {
        Instant from = dayStarts.getFirst();
        Instant to = dayStarts.getLast();
        List<Object> params = new ArrayList<>(List.of(operatorId));
        String scope = " h.operator_id = ?" + RollupRepository.scope(clientId, venueId, params);
        params.add(utc(from));
        params.add(utc(to));
        List<ConnectionStats.HotspotFigure> busiest = jdbc.sql("""
                        select h.id, h.name, count(*), count(distinct c.mac_address),
                               coalesce(sum(c.input_octets + c.output_octets), 0)
                          from hotspot h join connection_session c on c.hotspot_id = h.id
                         where""" + scope + " " + """
                           and c.started_at >= ? and c.started_at < ?
                         group by h.id, h.name order by count(*) desc, h.id fetch first 5 rows only""")
                .params(params).query((rs, n) -> new ConnectionStats.HotspotFigure(rs.getLong(1), rs.getString(2),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), false)).list();
        return new ConnectionStats(days(operatorId, clientId, venueId, dayStarts), busiest);
    }

    /**
     * Every day's figures in one grouped query over the window (one scan of {@code ix_connection_hotspot_start}
     * per hotspot): sessions, distinct devices, data.
     */
    public List<ConnectionStats.Day> days(long operatorId, Optional<Long> clientId, Optional<Long> venueId, List<Instant> dayStarts) {
        List<Object> params = new ArrayList<>();
        String bucket = DayBuckets.bucket("c.started_at", dayStarts, params);
        params.add(operatorId);
        String scope = " h.operator_id = ?" + RollupRepository.scope(clientId, venueId, params);
        params.add(utc(dayStarts.getFirst()));
        params.add(utc(dayStarts.getLast()));
        long[][] figures = new long[dayStarts.size() - 1][4];
        jdbc.sql("select d.day_index, count(*), count(distinct d.mac_address), coalesce(sum(d.input_octets), 0), "
                        + "coalesce(sum(d.output_octets), 0) from (select " + bucket + " as day_index, c.mac_address, c.input_octets, c.output_octets"
                        + " from hotspot h join connection_session c on c.hotspot_id = h.id where"
                        + scope + " and c.started_at >= ? and c.started_at < ?) d group by d.day_index")
                .params(params).query(rs -> {
                    long[] day = figures[rs.getInt(1)];
                    for (int k = 0; k < 4; k++) {
                        day[k] = rs.getLong(k + 2);
                    }
                });
        List<ConnectionStats.Day> days = new ArrayList<>();
        for (int i = 0; i < figures.length; i++) {
            days.add(new ConnectionStats.Day(dayStarts.get(i), figures[i][0], figures[i][1], figures[i][2], figures[i][3], false));
        }
        return days;
    }

    /** A guest's sessions, newest first ({@code ix_connection_guest}). */
    public List<SessionSummary> guestSessions(long operatorId, long guestId, int limit) {
        return jdbc.sql("""
                        select c.id, h.name, c.started_at, c.ended_at, c.input_octets, c.output_octets
                          from connection_session c join hotspot h on h.id = c.hotspot_id
                         where c.guest_id = ? and h.operator_id = ?
                         order by c.started_at desc, c.id desc fetch first ? rows only""")
                .params(guestId, operatorId, limit)
                .query((rs, n) -> new SessionSummary(rs.getLong(1), rs.getString(2), instant(rs, "started_at"),
                        Optional.ofNullable(instant(rs, "ended_at")), rs.getLong(5), rs.getLong(6))).list();
    }

    private static List<String> kinds(LiveSessionQuery query) {
        List<String> kinds = new ArrayList<>(2);
        if (query.guests()) {
            kinds.add(GUEST_LIVE);
        }
        if (query.residents()) {
            kinds.add(RESIDENT_LIVE);
        }
        return kinds;
    }

    private static void filters(String kind, LiveSessionQuery query, StringBuilder sql, List<Object> params) {
        String venue = kind.equals(GUEST_LIVE) ? "h.venue_id" : "u.venue_id";
        query.hotspotId().ifPresent(id -> {
            sql.append(" and h.id = ?");
            params.add(id);
        });
        query.venueId().ifPresent(id -> {
            sql.append(" and ").append(venue).append(" = ?");
            params.add(id);
        });
        query.unitId().ifPresent(id -> {
            sql.append(" and u.id = ?");
            params.add(id);
        });
    }

    private static LiveSession live(ResultSet rs, Instant now) throws SQLException {
        Instant stale = instant(rs, "stale_after");
        Optional<Long> hotspotId = optionalLong(rs, "hotspot_id");
        Optional<Long> subscriber = optionalLong(rs, "subscriber_id");
        Optional<LiveSession.Resident> resident = subscriber.isEmpty() ? Optional.empty()
                : Optional.of(new LiveSession.Resident(subscriber.get(), rs.getString("subscriber_token"), rs.getString("subscriber_email"),
                        rs.getLong("unit_id"), rs.getString("unit_name")));
        return new LiveSession(rs.getLong("id"), hotspotId, rs.getString("place"), rs.getLong("venue_id"),
                new MacAddress(rs.getString("mac_address")), optionalLong(rs, "guest_id"), resident,
                rs.getString("user_name") == null ? "" : rs.getString("user_name"), Optional.ofNullable(rs.getString("framed_ip")),
                optionalLong(rs, "nas_client_id"), instant(rs, "started_at"), instant(rs, "last_seen_at"), rs.getLong("input_octets"),
                rs.getLong("output_octets"), stale != null && stale.isBefore(now));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
