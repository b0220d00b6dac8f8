package io.portico.unit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.unit.Unit;
import io.portico.unit.UnitPurpose;

/** SQL for the unit table. */
@Repository
public class UnitRepository {

    private final JdbcClient jdbc;

    UnitRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Unit insert(Unit u) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into unit (operator_id, venue_id, unit_key, unit_name, building, floor, purpose, vlan,
                                          external_unit_id, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(u.operatorId(), u.venueId(), u.key(), u.name(), u.building(), u.floor(), u.purpose().name(),
                        u.vlan(), u.externalUnitId(), OffsetDateTime.ofInstant(u.createdAt(), ZoneOffset.UTC))
                .update(keys, "id");
        return new Unit(keys.getKeyAs(Long.class), u.operatorId(), u.venueId(), u.key(), u.name(), u.building(), u.floor(),
                u.purpose(), u.vlan(), u.externalUnitId(), u.createdAt());
    }

    public void update(Unit u) {
        jdbc.sql("update unit set purpose = ?, vlan = ?, external_unit_id = ? where id = ?")
                .params(u.purpose().name(), u.vlan(), u.externalUnitId(), u.id()).update();
    }

    public Optional<Unit> find(long id) {
        return jdbc.sql("select * from unit where id = ?").param(id).query(UnitRepository::unit).optional();
    }

    public Optional<Unit> findByKey(long operatorId, String key) {
        return jdbc.sql("select * from unit where operator_id = ? and unit_key = ?").params(operatorId, key)
                .query(UnitRepository::unit).optional();
    }

    public List<Unit> listByVenue(long operatorId, long venueId) {
        return jdbc.sql("select * from unit where operator_id = ? and venue_id = ? order by unit_key")
                .params(operatorId, venueId).query(UnitRepository::unit).list();
    }

    /** How many units each of these venues of the operator has (venues without units are left out). */
    public Map<Long, Long> countByVenue(long operatorId, Collection<Long> venueIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (venueIds.isEmpty()) {
            return counts;
        }
        String marks = String.join(", ", Collections.nCopies(venueIds.size(), "?"));
        List<Object> params = new ArrayList<>(List.of(operatorId));
        params.addAll(venueIds);
        jdbc.sql("select venue_id, count(*) from unit where operator_id = ? and venue_id in (" + marks + ") group by venue_id")
                .params(params).query((ResultSet rs) -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * At most {@code limit} of the operator's units whose "venue name · unit name" starts with
     * {@code prefix} (a {@code Slice.prefix}), in that order.
     */
    public List<Unit> named(long operatorId, String prefix, int limit) {
        return jdbc.sql("""
                        select u.* from unit u join venue v on v.id = u.venue_id
                         where u.operator_id = ? and lower(v.name || ' · ' || u.unit_name) like ? escape '\\'
                         order by lower(v.name), v.id, lower(u.unit_name), u.id fetch first ? rows only""")
                .params(operatorId, prefix, limit).query(UnitRepository::unit).list();
    }

    /** At most {@code limit} of one venue's units of the operator whose name starts with {@code prefix}, by name. */
    public List<Unit> named(long operatorId, long venueId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from unit where operator_id = ? and venue_id = ? and lower(unit_name) like ? escape '\\'
                         order by lower(unit_name), id fetch first ? rows only""")
                .params(operatorId, venueId, prefix, limit).query(UnitRepository::unit).list();
    }

    /**
     * A page of one venue's units of the operator by building, floor and name (then id), those whose
     * name, building or floor starts with {@code prefix}: {@code limit} rows from {@code offset}.
     */
    public List<Unit> page(long operatorId, long venueId, String prefix, long offset, int limit) {
        return jdbc.sql("""
                        select * from unit where operator_id = ? and venue_id = ?
                         and (lower(unit_name) like ? escape '\\' or lower(building) like ? escape '\\' or lower(floor) like ? escape '\\')
                         order by building, floor, unit_name, id offset ? rows fetch next ? rows only""")
                .params(operatorId, venueId, prefix, prefix, prefix, offset, limit).query(UnitRepository::unit).list();
    }

    public long count(long operatorId) {
        return jdbc.sql("select count(*) from unit where operator_id = ?").param(operatorId).query(Long.class).single();
    }

    public List<Unit> listByOperator(long operatorId) {
        return jdbc.sql("select * from unit where operator_id = ? order by unit_key").param(operatorId)
                .query(UnitRepository::unit).list();
    }

    public List<Integer> vlansOfVenue(long venueId) {
        return jdbc.sql("select vlan from unit where venue_id = ?").param(venueId).query(Integer.class).list();
    }

    private static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("venue_id"), rs.getString("unit_key"),
                rs.getString("unit_name"), rs.getString("building"), rs.getString("floor"),
                UnitPurpose.valueOf(rs.getString("purpose")), rs.getInt("vlan"), rs.getString("external_unit_id"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
