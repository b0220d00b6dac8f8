package io.portico.venue.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.venue.Address;
import io.portico.venue.Venue;

/** SQL for the venue table. */
@Repository
public class VenueRepository {

    private final JdbcClient jdbc;

    VenueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Venue insert(Venue v) {
        var keys = new GeneratedKeyHolder();
        Address a = v.address();
        jdbc.sql("""
                        insert into venue (operator_id, client_id, venue_key, name, address_line1, address_line2, city, state,
                                           postal_code, country, time_zone, external_venue_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(v.operatorId(), v.clientId(), v.key(), v.name(), a.line1(), a.line2(), a.city(), a.state(),
                        a.postalCode(), a.country(), v.timeZone().getId(), v.externalVenueId(),
                        OffsetDateTime.ofInstant(v.createdAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return new Venue(keys.getKeyAs(Long.class), v.operatorId(), v.clientId(), v.key(), v.name(), a, v.timeZone(),
                v.externalVenueId(), v.createdAt());
    }

    public void update(Venue v) {
        Address a = v.address();
        jdbc.sql("""
                        update venue set name = ?, address_line1 = ?, address_line2 = ?, city = ?, state = ?, postal_code = ?,
                            country = ?, time_zone = ?, external_venue_id = ? where id = ?""")
                .params(v.name(), a.line1(), a.line2(), a.city(), a.state(), a.postalCode(), a.country(),
                        v.timeZone().getId(), v.externalVenueId(), v.id())
                .update();
    }

    public Optional<Venue> find(long id) {
        return jdbc.sql("select * from venue where id = ?").param(id).query(VenueRepository::venue).optional();
    }

    public Optional<Venue> findByKey(long operatorId, String key) {
        return jdbc.sql("select * from venue where operator_id = ? and venue_key = ?").params(operatorId, key)
                .query(VenueRepository::venue).optional();
    }

    public List<Venue> list(long operatorId) {
        return jdbc.sql("select * from venue where operator_id = ? order by venue_key").param(operatorId)
                .query(VenueRepository::venue).list();
    }

    /**
     * The operator's venues by name (case-insensitive, then key), {@code limit} of them after the
     * venue {@code afterKey} (from the first when empty or not the operator's).
     */
    public List<Venue> page(long operatorId, Optional<String> afterKey, int limit) {
        if (afterKey.isPresent()) {
            return jdbc.sql("""
                            select v.* from venue v join venue a on a.operator_id = v.operator_id and a.venue_key = ?
                             where v.operator_id = ?
                               and (lower(v.name) > lower(a.name) or (lower(v.name) = lower(a.name) and v.venue_key > a.venue_key))
                             order by lower(v.name), v.venue_key fetch first ? rows only""")
                    .params(afterKey.get(), operatorId, limit).query(VenueRepository::venue).list();
        }
        return jdbc.sql("select * from venue where operator_id = ? order by lower(name), venue_key fetch first ? rows only")
                .params(operatorId, limit).query(VenueRepository::venue).list();
    }

    /** At most {@code limit} of the operator's venues whose name starts with {@code prefix} (a {@code Slice.prefix}), by name. */
    public List<Venue> named(long operatorId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from venue where operator_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), venue_key fetch first ? rows only""")
                .params(operatorId, prefix, limit).query(VenueRepository::venue).list();
    }

    /** At most {@code limit} of one client's venues of the operator whose name starts with {@code prefix}, by name. */
    public List<Venue> named(long operatorId, long clientId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from venue where operator_id = ? and client_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), venue_key fetch first ? rows only""")
                .params(operatorId, clientId, prefix, limit).query(VenueRepository::venue).list();
    }

    /** The venues of the operator with these ids (the rows of a page name theirs), in one query. */
    public List<Venue> findAll(long operatorId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
        java.util.List<Object> params = new java.util.ArrayList<>(List.of(operatorId));
        params.addAll(ids);
        return jdbc.sql("select * from venue where operator_id = ? and id in (" + marks + ")").params(params)
                .query(VenueRepository::venue).list();
    }

    /** The time zone most of the operator's venues share (ties: the first by name), in one grouped query. */
    public Optional<String> commonestZone(long operatorId) {
        return jdbc.sql("""
                        select time_zone from venue where operator_id = ? group by time_zone
                         order by count(*) desc, time_zone fetch first 1 rows only""")
                .param(operatorId).query(String.class).optional();
    }

    public long count(long operatorId) {
        return jdbc.sql("select count(*) from venue where operator_id = ?").param(operatorId).query(Long.class).single();
    }

    public List<Venue> listByClient(long operatorId, long clientId) {
        return jdbc.sql("select * from venue where operator_id = ? and client_id = ? order by venue_key")
                .params(operatorId, clientId).query(VenueRepository::venue).list();
    }

    private static Venue venue(ResultSet rs, int row) throws SQLException {
        return new Venue(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("client_id"), rs.getString("venue_key"),
                rs.getString("name"), new Address(rs.getString("address_line1"), rs.getString("address_line2"),
                rs.getString("city"), rs.getString("state"), rs.getString("postal_code"), rs.getString("country")),
                ZoneId.of(rs.getString("time_zone")), rs.getString("external_venue_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
