package db.migration;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.HexFormat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Owner: connection. One store for RADIUS accounting: the sessions that are not guest connections
 * (unknown NAS-Identifiers, venue gateways' residents, reports without a device) move from
 * {@code radius_accounting} into {@code connection_session}, as rows without client, hotspot or
 * guest, keyed like every other session (SHA-256 of operator, NAS-Identifier, Acct-Session-Id,
 * Calling- and Called-Station-Id, as {@code io.portico.connection.AccountingSessionId.of}) so the
 * next packet of a session open during the upgrade lands on its row. The NAS-Identifier is stored
 * on the row (a Disconnect-Request names it; such rows have no hotspot to read it from). In Java
 * because the key is a SHA-256 the two databases spell differently.
 * <p>
 * A NAS that sends no NAS-Identifier is keyed by its NAS client's hotspot's NAS-Identifier, or
 * {@code #<nas client id>} when it has none (as the RADIUS module does). A migrated session without
 * a device is keyed with an empty Calling-Station-Id (radius_accounting kept only a parsed MAC).
 */
public class V76__connection_session_one_accounting_store extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement s = connection.createStatement()) {
            s.execute("alter table connection_session alter column client_id drop not null");
            s.execute("alter table connection_session alter column hotspot_id drop not null");
            s.execute("alter table connection_session alter column mac_address drop not null");
            s.execute("alter table connection_session add column nas_identifier varchar(253)");
            s.execute("""
                    update connection_session set nas_identifier = (select h.nas_identifier from hotspot h where h.id = connection_session.hotspot_id)
                     where nas_client_id is not null""");
        }
        String select = """
                select a.nas_identifier, a.nas_client_id, a.nas_address, a.session_id, a.device_mac, a.user_name, a.called_station_id,
                       a.framed_ip, a.started_at, a.updated_at, a.stopped_at, a.session_seconds, a.uploaded_bytes, a.downloaded_bytes,
                       a.terminate_cause, a.closed_by, a.stale_after, c.operator_id, h.nas_identifier
                  from radius_accounting a
                  join radius_client c on c.id = a.nas_client_id
                  left join hotspot h on h.id = c.hotspot_id and h.operator_id = c.operator_id""";
        String insert = """
                insert into connection_session (session_key, client_id, hotspot_id, guest_id, mac_address, started_at, start_reported,
                       last_seen_at, ended_at, session_seconds, input_octets, output_octets, terminate_cause, nas_client_id, nas_address,
                       acct_session_id, user_name, framed_ip, stale_after, closed_by, nas_identifier)
                values (?, null, null, null, ?, ?, false, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
        try (Statement read = connection.createStatement(); ResultSet rs = read.executeQuery(select);
             PreparedStatement write = connection.prepareStatement(insert);
             PreparedStatement exists = connection.prepareStatement("select 1 from connection_session where session_key = ?")) {
            int pending = 0;
            while (rs.next()) {
                String nasIdentifier = rs.getString(1) == null ? "" : rs.getString(1).trim();
                long nasClientId = rs.getLong(2);
                String mac = rs.getString(5) == null ? null : rs.getString(5).trim();
                String hotspotNas = rs.getString(19);
                String keyNas = !nasIdentifier.isEmpty() ? nasIdentifier
                        : hotspotNas != null && !hotspotNas.isBlank() ? hotspotNas : "#" + nasClientId;
                String key = key(rs.getLong(18), keyNas, rs.getString(4), mac == null ? "" : mac, rs.getString(7));
                exists.setString(1, key);
                try (ResultSet found = exists.executeQuery()) {
                    if (found.next()) {
                        continue; // its hotspot appeared later and the session went on as a guest connection
                    }
                }
                int i = 1;
                write.setString(i++, key);
                write.setString(i++, mac);
                write.setObject(i++, rs.getObject(9, OffsetDateTime.class), Types.TIMESTAMP_WITH_TIMEZONE);
                write.setObject(i++, rs.getObject(10, OffsetDateTime.class), Types.TIMESTAMP_WITH_TIMEZONE);
                write.setObject(i++, rs.getObject(11, OffsetDateTime.class), Types.TIMESTAMP_WITH_TIMEZONE);
                write.setLong(i++, rs.getLong(12));
                write.setLong(i++, rs.getLong(13));
                write.setLong(i++, rs.getLong(14));
                int cause = rs.getInt(15);
                if (rs.wasNull()) {
                    write.setNull(i++, Types.SMALLINT);
                } else {
                    write.setShort(i++, (short) cause);
                }
                write.setLong(i++, nasClientId);
                write.setString(i++, rs.getString(3));
                write.setString(i++, rs.getString(4));
                write.setString(i++, rs.getString(6));
                write.setString(i++, rs.getString(8));
                write.setObject(i++, rs.getObject(17, OffsetDateTime.class), Types.TIMESTAMP_WITH_TIMEZONE);
                write.setString(i++, rs.getString(16));
                write.setString(i, hotspotNas != null && nasIdentifier.isEmpty() ? hotspotNas : nasIdentifier);
                write.addBatch();
                if (++pending == 500) {
                    write.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
        try (Statement s = connection.createStatement()) {
            s.execute("drop table radius_accounting");
        }
    }

    private static String key(long operatorId, String nasIdentifier, String acctSessionId, String callingStationId,
                              String calledStationId) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {Long.toString(operatorId), nasIdentifier, acctSessionId, callingStationId, calledStationId}) {
                sha.update((part == null ? "" : part).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
