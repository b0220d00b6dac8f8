package io.portico.radius.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.guest.MacAddress;

/**
 * SQL for {@code radius_resident_device} and {@code radius_device_name}: the resident authorizer
 * remembers which subscription let a device in at a gateway, the disconnect listener asks for the
 * devices of an ended one, and residents name their devices. Accounting is read through the
 * connection module's {@link io.portico.connection.ConnectionReader}, never here.
 */
@Repository
public class ResidentDeviceRepository {

    private static final String MERGE = """
            merge into radius_resident_device t
            using (select cast(? as bigint) as nas_client_id, cast(? as varchar(17)) as device_mac,
                          cast(? as bigint) as operator_id, cast(? as bigint) as subscription_id,
                          cast(? as bigint) as unit_id, cast(? as timestamp with time zone) as authorised_at) s
               on t.nas_client_id = s.nas_client_id and t.device_mac = s.device_mac
             when matched then update set operator_id = s.operator_id, subscription_id = s.subscription_id,
                  unit_id = s.unit_id, authorised_at = s.authorised_at
             when not matched then insert (nas_client_id, device_mac, operator_id, subscription_id, unit_id, authorised_at)
                  values (s.nas_client_id, s.device_mac, s.operator_id, s.subscription_id, s.unit_id, s.authorised_at)""";

    private final JdbcClient jdbc;

    ResidentDeviceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void remember(long nasClientId, MacAddress device, long operatorId, long subscriptionId, long unitId, Instant at) {
        jdbc.sql(MERGE).params(nasClientId, device.value(), operatorId, subscriptionId, unitId,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).update();
    }

    /**
     * The subscription that last let the device in at any of the operator's gateways (the one a
     * MAC-only request of this device belongs to), as stored now: its key still sealed, its dates,
     * unit and plan. One look-up per request; whether the authorizer's opened copy of the
     * subscription is still current is decided by comparing these.
     */
    public java.util.Optional<Binding> lastBinding(long operatorId, MacAddress device) {
        return jdbc.sql(LAST_BINDING).params(operatorId, device.value()).query((rs, n) -> {
            OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
            return new Binding(rs.getLong("subscription_id"), rs.getString("psk_sealed"),
                    rs.getObject("starts_at", OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant(),
                    rs.getLong("unit_id"), rs.getLong("plan_id"));
        }).optional();
    }

    /** {@link #lastBinding}'s query: the device's latest binding and its subscription's row (read, never written, here). */
    public static final String LAST_BINDING = """
            select d.subscription_id, s.psk_sealed, s.starts_at, s.ends_at, s.unit_id, s.plan_id
              from radius_resident_device d join subscription s on s.id = d.subscription_id and s.operator_id = d.operator_id
             where d.operator_id = ? and d.device_mac = ?
             order by d.authorised_at desc fetch first 1 rows only""";

    /**
     * A device's binding and what of its subscription a cached copy must match: the sealed key
     * (sealed afresh, with a new nonce, whenever the key changes), dates, unit and plan.
     * {@link #toString()} leaves the sealed key out.
     */
    public record Binding(long subscriptionId, String sealedKey, Instant startsAt, @Nullable Instant endsAt,
                          long unitId, long planId) {

        /** Whether the subscription runs at {@code now} (started, not ended). */
        public boolean activeAt(Instant now) {
            return !startsAt.isAfter(now) && (endsAt == null || endsAt.isAfter(now));
        }

        @Override
        public String toString() {
            return "Binding[subscriptionId=" + subscriptionId + ", unitId=" + unitId + ", planId=" + planId + "]";
        }
    }

    /** Where and when a device was let in under one of a resident's subscriptions. */
    public record Seen(long nasClientId, MacAddress device, long subscriptionId, Instant authorisedAt) {
    }

    /** The devices let in under any of these subscriptions of the operator, newest first. */
    public List<Seen> seen(long operatorId, List<Long> subscriptionIds) {
        if (subscriptionIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        select nas_client_id, device_mac, subscription_id, authorised_at from radius_resident_device
                        where operator_id = :operator and subscription_id in (:subscriptions) order by authorised_at desc""")
                .param("operator", operatorId).param("subscriptions", subscriptionIds)
                .query((rs, n) -> new Seen(rs.getLong("nas_client_id"), MacAddress.parse(rs.getString("device_mac")),
                        rs.getLong("subscription_id"), rs.getObject("authorised_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /** The names a resident gave their devices, by MAC. */
    public java.util.Map<MacAddress, String> names(long operatorId, long subscriberId) {
        java.util.Map<MacAddress, String> names = new java.util.HashMap<>();
        jdbc.sql("select device_mac, name from radius_device_name where operator_id = ? and subscriber_id = ?")
                .params(operatorId, subscriberId)
                .query((rs, n) -> names.put(MacAddress.parse(rs.getString("device_mac")), rs.getString("name"))).list();
        return names;
    }

    /** Names (or, with an empty name, un-names) one of a resident's devices. */
    public void rename(long operatorId, long subscriberId, MacAddress device, String name, Instant at) {
        jdbc.sql("delete from radius_device_name where operator_id = ? and subscriber_id = ? and device_mac = ?")
                .params(operatorId, subscriberId, device.value()).update();
        if (!name.isEmpty()) {
            jdbc.sql("insert into radius_device_name (operator_id, subscriber_id, device_mac, name, updated_at) values (?, ?, ?, ?, ?)")
                    .params(operatorId, subscriberId, device.value(), name, utc(at)).update();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The devices let in under the subscription, on any of the operator's gateways. */
    public List<MacAddress> devices(long operatorId, long subscriptionId) {
        return jdbc.sql("select distinct device_mac from radius_resident_device where operator_id = ? and subscription_id = ?")
                .params(operatorId, subscriptionId).query((rs, n) -> MacAddress.parse(rs.getString(1))).list();
    }
}
