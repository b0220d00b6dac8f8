package io.portico.subscription.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.subscription.PendingVlanChange;

/**
 * The pending gateway VLAN lists, computed in SQL so that only pending rows come back and no key
 * is opened: the gateway engine reads them every few seconds and the overview counts them. The
 * VLAN state comes from a read-only join on the equipment module's {@code equipment} and
 * {@code gateway_vlan_state} tables (see docs/decisions.md); it mirrors
 * {@code VenueVlanState.enabledEverywhere} and {@code enabledAnywhere}: only the operator's
 * gateways at the unit's venue count, and a venue without gateways never has a VLAN enabled.
 */
@Repository
public class PendingVlanRepository {

    private static final String COLUMNS = """
            select s.id, u.venue_id, v.venue_key, u.id as unit_id, u.unit_key, u.vlan, sb.email, s.starts_at, s.ends_at""";

    private static final String JOINS = """
              from subscription s
              join unit u on u.id = s.unit_id
              join venue v on v.id = u.venue_id
              join subscriber sb on sb.id = s.subscriber_id
            """;

    private static final String GATEWAYS = """
            select 1 from equipment g
             where g.operator_id = s.operator_id and g.venue_id = u.venue_id and g.equipment_type = 'GATEWAY'""";

    /** Active now (started, not ended) and the unit's VLAN not enabled on every gateway of its venue. */
    private static final String ENABLES = JOINS + """
             where s.operator_id = :operator and s.starts_at <= :now and (s.ends_at is null or s.ends_at > :now)
               and (not exists (%1$s)
                    or exists (%1$s and not exists (select 1 from gateway_vlan_state st
                                                     where st.equipment_id = g.id and st.vlan = u.vlan and st.enabled = true)))
            """.formatted(GATEWAYS);

    /**
     * Ended now, the unit's last-ending subscription (on equal ends the first by start then id: the
     * one {@code Stream.max} kept in the list ordered by start and id), no subscription of the unit
     * not ended, and the VLAN still enabled on a gateway of the venue.
     */
    private static final String DISABLES = JOINS + """
             where s.operator_id = :operator and s.starts_at <= :now and s.ends_at <= :now
               and not exists (select 1 from subscription o
                                where o.operator_id = s.operator_id and o.unit_id = s.unit_id and o.id <> s.id
                                  and (o.starts_at > :now or o.ends_at is null or o.ends_at > :now or o.ends_at > s.ends_at
                                       or (o.ends_at = s.ends_at and (o.starts_at < s.starts_at
                                                                      or (o.starts_at = s.starts_at and o.id < s.id)))))
               and exists (%s
                             and exists (select 1 from gateway_vlan_state st
                                          where st.equipment_id = g.id and st.vlan = u.vlan and st.enabled = true))
            """.formatted(GATEWAYS);

    private final JdbcClient jdbc;

    PendingVlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Subscriptions whose VLAN a gateway still has to enable, oldest start first. */
    public List<PendingVlanChange> enables(long operatorId, Instant now) {
        return list(ENABLES + " order by s.starts_at, s.id", operatorId, now);
    }

    /** Units whose VLAN a gateway still has to disable, each with its last-ending subscription, oldest end first. */
    public List<PendingVlanChange> disables(long operatorId, Instant now) {
        return list(DISABLES + " order by s.ends_at, s.id", operatorId, now);
    }

    /** How many rows {@link #enables} and {@link #disables} would return together. */
    public long count(long operatorId, Instant now) {
        return count(ENABLES, operatorId, now) + count(DISABLES, operatorId, now);
    }

    private List<PendingVlanChange> list(String where, long operatorId, Instant now) {
        return jdbc.sql(COLUMNS + "\n" + where).param("operator", operatorId).param("now", now.atOffset(ZoneOffset.UTC))
                .query(PendingVlanRepository::pending).list();
    }

    private long count(String where, long operatorId, Instant now) {
        return jdbc.sql("select count(*)\n" + where).param("operator", operatorId).param("now", now.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }

    private static PendingVlanChange pending(ResultSet rs, int row) throws SQLException {
        OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
        return new PendingVlanChange(rs.getLong("id"), rs.getLong("venue_id"), rs.getString("venue_key"), rs.getLong("unit_id"),
                rs.getString("unit_key"), rs.getInt("vlan"), rs.getString("email"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant());
    }
}
