package io.portico.radius.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.radius.DisconnectRequest;
import io.portico.radius.DisconnectRequest.State;

/** The Disconnect-Requests Portico sent and their confirmation state ({@code radius_disconnect}). */
@Repository
public class DisconnectRepository {

    /** What a tracked disconnect needs to be sent (again) and confirmed. */
    public record Pending(long id, long operatorId, long nasClientId, String nasAddress, String nasIdentifier, String acctSessionId,
                          String userName, @Nullable String deviceMac, long connectionSessionId, String reason, State state, int attempts,
                          @Nullable Instant ackedAt) {
    }

    private final JdbcClient jdbc;

    DisconnectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long operatorId, long nasClientId, String nasAddress, String nasIdentifier, String acctSessionId, String userName,
                       @Nullable String deviceMac, long connectionSessionId, String reason, String requestedBy, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                        insert into radius_disconnect (operator_id, nas_client_id, nas_address, nas_identifier, acct_session_id,
                            user_name, device_mac, connection_session_id, reason, requested_by, state, attempts,
                            requested_at, next_check_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'sent', 0, ?, ?)""")
                .params(operatorId, nasClientId, nasAddress, nasIdentifier, clip(acctSessionId, 253), clip(userName, 253), deviceMac,
                        connectionSessionId, clip(reason, 300), clip(requestedBy, 300), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Pending> find(long id) {
        return jdbc.sql("select * from radius_disconnect where id = ?").param(id).query(DisconnectRepository::pending).optional();
    }

    /** Moves a disconnect from one state to another; false when another node (or thread) moved it first. */
    public boolean transition(long id, State from, State to, int attempts, @Nullable String error, Instant nextCheck,
                              @Nullable Instant ackedAt, @Nullable Instant finishedAt) {
        return jdbc.sql("""
                        update radius_disconnect set state = ?, attempts = ?, last_error = ?, next_check_at = ?,
                               acked_at = coalesce(?, acked_at), finished_at = ?
                         where id = ? and state = ?""")
                .params(to.name().toLowerCase(), attempts, error == null ? null : clip(error, 300), utc(nextCheck), utc(ackedAt),
                        utc(finishedAt), id, from.name().toLowerCase())
                .update() == 1;
    }

    /** Disconnects waiting for their Stop, and failed ones due for another try, oldest first. */
    public List<Pending> due(Instant now, int limit) {
        return jdbc.sql("""
                        select * from radius_disconnect where state in ('acked', 'retrying') and next_check_at <= ?
                         order by next_check_at fetch first ? rows only""")
                .params(utc(now), limit).query(DisconnectRepository::pending).list();
    }

    /** Acknowledged disconnects still waiting for their Stop (checked every round, not only when due). */
    public List<Pending> awaitingStop(int limit) {
        return jdbc.sql("select * from radius_disconnect where state = 'acked' order by id fetch first ? rows only")
                .param(limit).query(DisconnectRepository::pending).list();
    }

    public List<DisconnectRequest> recent(long operatorId, int limit) {
        return jdbc.sql("""
                        select * from radius_disconnect where operator_id = ?
                         order by requested_at desc, id desc fetch first ? rows only""")
                .params(operatorId, limit).query((rs, n) -> request(rs)).list();
    }

    public Optional<DisconnectRequest> get(long operatorId, long id) {
        return jdbc.sql("select * from radius_disconnect where operator_id = ? and id = ?").params(operatorId, id)
                .query((rs, n) -> request(rs)).optional();
    }

    private static DisconnectRequest request(ResultSet rs) throws SQLException {
        long session = rs.getLong("connection_session_id");
        Optional<Long> sessionId = rs.wasNull() ? Optional.empty() : Optional.of(session);
        return new DisconnectRequest(rs.getLong("id"), rs.getString("nas_identifier"), rs.getString("acct_session_id"),
                Optional.ofNullable(rs.getString("device_mac")), sessionId, rs.getString("reason"), rs.getString("requested_by"),
                State.valueOf(rs.getString("state").toUpperCase()), rs.getInt("attempts"), Optional.ofNullable(rs.getString("last_error")),
                instant(rs, "requested_at"), Optional.ofNullable(instant(rs, "finished_at")));
    }

    private static Pending pending(ResultSet rs, int row) throws SQLException {
        return new Pending(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("nas_client_id"), rs.getString("nas_address"),
                rs.getString("nas_identifier"), rs.getString("acct_session_id"), rs.getString("user_name"), rs.getString("device_mac"),
                rs.getLong("connection_session_id"), rs.getString("reason"),
                State.valueOf(rs.getString("state").toUpperCase()), rs.getInt("attempts"), instant(rs, "acked_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static String clip(String value, int max) {
        return value.length() > max ? value.substring(0, max) : value;
    }
}
