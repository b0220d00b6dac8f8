package io.portico.gateway.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the gateway commands waiting for a retry. */
@Repository
public class RetryRepository {

    /** A failed command and when to try it again. */
    public record Retry(boolean enable, int attempts, Instant nextAttemptAt) {
    }

    private final JdbcClient jdbc;

    RetryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Retry> find(long gatewayId, int vlan) {
        return jdbc.sql("select enable, attempts, next_attempt_at from gateway_command_retry where equipment_id = ? and vlan = ?")
                .params(gatewayId, vlan)
                .query((rs, n) -> new Retry(rs.getBoolean(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class).toInstant()))
                .optional();
    }

    public void save(long gatewayId, int vlan, boolean enable, int attempts, Instant next, String error) {
        String clipped = error.length() > 1000 ? error.substring(0, 1000) : error;
        int updated = jdbc.sql("""
                        update gateway_command_retry set enable = ?, attempts = ?, next_attempt_at = ?, last_error = ?
                        where equipment_id = ? and vlan = ?""")
                .params(enable, attempts, utc(next), clipped, gatewayId, vlan).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into gateway_command_retry (equipment_id, vlan, enable, attempts, next_attempt_at, last_error)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(gatewayId, vlan, enable, attempts, utc(next), clipped).update();
        }
    }

    public void delete(long gatewayId, int vlan) {
        jdbc.sql("delete from gateway_command_retry where equipment_id = ? and vlan = ?").params(gatewayId, vlan).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Changes waiting for a retry at the operator's gateways (or one venue's): what the dashboard's overview counts. */
    public long countForOperator(long operatorId, java.util.Optional<Long> venueId) {
        String venue = venueId.isPresent() ? " and e.venue_id = ?" : "";
        java.util.List<Object> params = new java.util.ArrayList<>(java.util.List.of(operatorId));
        venueId.ifPresent(params::add);
        return jdbc.sql("select count(*) from gateway_command_retry r join equipment e on e.id = r.equipment_id"
                + " where e.operator_id = ?" + venue).params(params).query(Long.class).single();
    }
}
