package io.portico.equipment.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.equipment.Equipment;
import io.portico.equipment.EquipmentDetails;
import io.portico.equipment.EquipmentLogEntry;
import io.portico.equipment.EquipmentType;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for equipment, the equipment log and gateway VLAN state. */
@Repository
public class EquipmentRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    /** A VLAN a gateway has confirmed enabled. */
    public record EnabledVlan(long gatewayId, int vlan) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    EquipmentRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Equipment insert(long operatorId, long venueId, String key, String name, EquipmentDetails d,
                            @Nullable String sealed, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into equipment (operator_id, venue_id, equipment_key, name, equipment_type, manufacturer, model,
                                               connection_protocol, ip_address, username, credentials_sealed, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(operatorId, venueId, key, name, d.type().name(), d.manufacturer(), d.model(), d.connectionProtocol(),
                        d.ipAddress(), d.username(), sealed, d.status(), utc(now))
                .update(keys, "id");
        return find(keys.getKeyAs(Long.class)).orElseThrow();
    }

    public void update(long id, EquipmentDetails d, @Nullable String sealed) {
        jdbc.sql("""
                        update equipment set equipment_type = ?, manufacturer = ?, model = ?, connection_protocol = ?,
                            ip_address = ?, username = ?, credentials_sealed = ?, status = ? where id = ?""")
                .params(d.type().name(), d.manufacturer(), d.model(), d.connectionProtocol(), d.ipAddress(), d.username(),
                        sealed, d.status(), id)
                .update();
    }

    public Optional<Equipment> find(long id) {
        return jdbc.sql("select * from equipment where id = ?").param(id).query(EquipmentRepository::equipment).optional();
    }

    public Optional<Equipment> findByKey(long operatorId, String key) {
        return jdbc.sql("select * from equipment where operator_id = ? and equipment_key = ?").params(operatorId, key)
                .query(EquipmentRepository::equipment).optional();
    }

    /** At most {@code limit} of the operator's equipment whose name starts with {@code prefix} (a {@code Slice.prefix}), by name. */
    public List<Equipment> named(long operatorId, String prefix, int limit) {
        return jdbc.sql("""
                        select * from equipment where operator_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), id fetch first ? rows only""")
                .params(operatorId, prefix, limit).query(EquipmentRepository::equipment).list();
    }

    public List<Equipment> listByVenue(long operatorId, long venueId) {
        return jdbc.sql("select * from equipment where operator_id = ? and venue_id = ? order by equipment_key").params(operatorId, venueId)
                .query(EquipmentRepository::equipment).list();
    }

    public long count(long operatorId) {
        return jdbc.sql("select count(*) from equipment where operator_id = ?").param(operatorId).query(Long.class).single();
    }

    public List<Equipment> listByOperator(long operatorId) {
        return jdbc.sql("select * from equipment where operator_id = ? order by equipment_key").param(operatorId)
                .query(EquipmentRepository::equipment).list();
    }

    public Optional<String> sealedCredentials(long id) {
        return jdbc.sql("select credentials_sealed from equipment where id = ?").param(id)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).single();
    }

    public void insertLog(long equipmentId, EquipmentLogEntry e) {
        jdbc.sql("""
                        insert into equipment_log (equipment_id, occurred_at, function_name, event_json, administrator,
                                                   source_ip, firewall_source_ip, source_locale, source_ua)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(equipmentId, utc(e.occurredAt()), e.functionName(), json.writeValueAsString(e.event()),
                        e.administrator(), e.sourceIp(), e.firewallSourceIp(), e.sourceLocale(), e.sourceUserAgent())
                .update();
    }

    public List<EquipmentLogEntry> log(long equipmentId, int limit) {
        return jdbc.sql("select * from equipment_log where equipment_id = ? order by occurred_at desc, id desc fetch first ? rows only")
                .params(equipmentId, limit)
                .query((rs, n) -> logEntry(rs))
                .list();
    }

    /**
     * A window of the equipment's log (the whole log when {@code from} and {@code to} are null),
     * newest first, optionally by function name prefix, after the keyset (occurred-at, id) of the
     * previous page ({@code ix_equipment_log}).
     */
    public List<io.portico.equipment.EquipmentLogLine> logPage(long equipmentId, @Nullable Instant from, @Nullable Instant to,
                                                              @Nullable String functionPrefix, @Nullable Instant beforeAt,
                                                              long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select * from equipment_log where equipment_id = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(equipmentId));
        if (from != null && to != null) {
            sql.append(" and occurred_at >= ? and occurred_at <= ?");
            params.add(utc(from));
            params.add(utc(to));
        }
        if (functionPrefix != null) {
            sql.append(" and function_name like ?");
            params.add(functionPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (beforeAt != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.add(utc(beforeAt));
            params.add(utc(beforeAt));
            params.add(beforeId);
        }
        sql.append(" order by occurred_at desc, id desc fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new io.portico.equipment.EquipmentLogLine(rs.getLong("id"), logEntry(rs))).list();
    }

    private EquipmentLogEntry logEntry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EquipmentLogEntry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("function_name"), json.readValue(rs.getString("event_json"), MAP),
                rs.getString("source_ip"), rs.getString("firewall_source_ip"), rs.getString("administrator"),
                rs.getString("source_locale"), rs.getString("source_ua"));
    }

    public void saveVlanState(long gatewayId, int vlan, boolean enabled, Instant at) {
        int updated = jdbc.sql("update gateway_vlan_state set enabled = ?, confirmed_at = ? where equipment_id = ? and vlan = ?")
                .params(enabled, utc(at), gatewayId, vlan).update();
        if (updated == 0) {
            jdbc.sql("insert into gateway_vlan_state (equipment_id, vlan, enabled, confirmed_at) values (?, ?, ?, ?)")
                    .params(gatewayId, vlan, enabled, utc(at)).update();
        }
    }

    /** Forgets the confirmed state of a VLAN on a gateway: the reconciler applies it again. */
    public void forgetVlanState(long gatewayId, int vlan) {
        jdbc.sql("delete from gateway_vlan_state where equipment_id = ? and vlan = ?").params(gatewayId, vlan).update();
    }

    public List<EnabledVlan> enabledVlans(long operatorId) {
        return jdbc.sql("""
                        select s.equipment_id, s.vlan from gateway_vlan_state s join equipment e on e.id = s.equipment_id
                        where e.operator_id = ? and s.enabled = true""")
                .param(operatorId).query((rs, n) -> new EnabledVlan(rs.getLong(1), rs.getInt(2))).list();
    }

    /** The state a gateway last confirmed for a VLAN, empty when it never confirmed one. */
    public Optional<Boolean> vlanState(long gatewayId, int vlan) {
        return jdbc.sql("select enabled from gateway_vlan_state where equipment_id = ? and vlan = ?").params(gatewayId, vlan)
                .query(Boolean.class).optional();
    }

    public List<Long> operatorsWithGateways() {
        return jdbc.sql("select distinct operator_id from equipment where equipment_type = 'GATEWAY' order by operator_id")
                .query(Long.class).list();
    }

    private static Equipment equipment(ResultSet rs, int row) throws SQLException {
        return new Equipment(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("venue_id"),
                rs.getString("equipment_key"), rs.getString("name"), EquipmentType.valueOf(rs.getString("equipment_type")),
                rs.getString("manufacturer"), rs.getString("model"), rs.getString("connection_protocol"),
                rs.getString("ip_address"), rs.getString("username"), rs.getString("credentials_sealed") != null,
                rs.getString("status"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
