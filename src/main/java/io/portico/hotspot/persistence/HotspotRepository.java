package io.portico.hotspot.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.hotspot.Hotspot;

/** SQL for the hotspot table. */
@Repository
public class HotspotRepository {

    private final JdbcClient jdbc;

    HotspotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Hotspot insert(Hotspot h) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(h.operatorId(), h.clientId(), h.venueId(), h.name(), h.nasIdentifier(),
                        OffsetDateTime.ofInstant(h.createdAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return new Hotspot(keys.getKeyAs(Long.class), h.operatorId(), h.clientId(), h.venueId(), h.name(),
                h.nasIdentifier(), h.createdAt());
    }

    public void update(Hotspot h) {
        jdbc.sql("update hotspot set venue_id = ?, name = ?, nas_identifier = ? where id = ?")
                .params(h.venueId(), h.name(), h.nasIdentifier(), h.id()).update();
    }

    public Optional<Hotspot> find(long id) {
        return jdbc.sql("select * from hotspot where id = ?").param(id).query(HotspotRepository::hotspot).optional();
    }

    public Optional<Hotspot> findByNasIdentifier(long operatorId, String nasIdentifier) {
        return jdbc.sql("select * from hotspot where operator_id = ? and nas_identifier = ?")
                .params(operatorId, nasIdentifier).query(HotspotRepository::hotspot).optional();
    }

    /** A page of the client's hotspots of the operator by name (then id): {@code limit} rows from {@code offset}. */
    public List<Hotspot> page(long operatorId, long clientId, long offset, int limit) {
        return jdbc.sql("select * from hotspot where operator_id = ? and client_id = ? order by name, id offset ? rows fetch next ? rows only")
                .params(operatorId, clientId, offset, limit).query(HotspotRepository::hotspot).list();
    }

    /** At most {@code limit} of the operator's hotspots whose name starts with {@code prefix} (a {@code Slice.prefix}), by name. */
    public List<Hotspot> named(long operatorId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from hotspot where operator_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), id fetch first ? rows only""")
                .params(operatorId, prefix, limit).query(HotspotRepository::hotspot).list();
    }

    /** At most {@code limit} of one client's hotspots of the operator whose name starts with {@code prefix}, by name. */
    public List<Hotspot> named(long operatorId, long clientId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from hotspot where operator_id = ? and client_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), id fetch first ? rows only""")
                .params(operatorId, clientId, prefix, limit).query(HotspotRepository::hotspot).list();
    }

    public long count(long operatorId) {
        return jdbc.sql("select count(*) from hotspot where operator_id = ?").param(operatorId).query(Long.class).single();
    }

    public List<Hotspot> listByClient(long clientId) {
        return jdbc.sql("select * from hotspot where client_id = ? order by name, id").param(clientId)
                .query(HotspotRepository::hotspot).list();
    }

    private static Hotspot hotspot(ResultSet rs, int row) throws SQLException {
        return new Hotspot(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("client_id"), rs.getLong("venue_id"),
                rs.getString("name"), rs.getString("nas_identifier"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
