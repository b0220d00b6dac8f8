package io.portico.radius.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

import io.portico.connection.TerminateCause;
import io.portico.guest.MacAddress;
import io.portico.radius.AccountingEvent;
import io.portico.radius.NasReset;
import io.portico.radius.SessionReport;

/**
 * The module's own record of the accounting sessions that are not guest connections (residents
 * at venue gateways, unknown NAS-Identifiers) in {@code radius_accounting}, with what Disconnect,
 * Accounting-On/Off and stale closing need. Called by {@code ConnectionAccountingSink} for those
 * sessions only (guest sessions live in the connection module). One call is one transaction; consecutive session reports go in one JDBC batch of idempotent MERGEs, so a
 * retransmitted or replayed report changes nothing. A session closed by its NAS's Stop stays
 * closed; one closed by Accounting-On/Off or as stale reopens if the NAS reports it again.
 */
@Repository
public class JdbcAccountingSink {

    /** An open session as Disconnect-Requests need it. */
    public record OpenSession(String uniqueId, long nasClientId, String nasAddress, String nasIdentifier, String sessionId,
                              String username, java.util.Optional<MacAddress> device) {
    }

    // Every parameter is cast so PostgreSQL knows its type inside the USING select.
    private static final String MERGE = """
            merge into radius_accounting t
            using (select cast(? as varchar(32)) as unique_id, cast(? as bigint) as nas_client_id,
                          cast(? as varchar(253)) as nas_identifier, cast(? as varchar(45)) as nas_address,
                          cast(? as varchar(253)) as session_id, cast(? as varchar(17)) as device_mac,
                          cast(? as varchar(253)) as user_name, cast(? as varchar(253)) as called_station_id,
                          cast(? as varchar(45)) as framed_ip, cast(? as timestamp with time zone) as started_at,
                          cast(? as timestamp with time zone) as updated_at, cast(? as timestamp with time zone) as stopped_at,
                          cast(? as bigint) as session_seconds, cast(? as bigint) as uploaded_bytes,
                          cast(? as bigint) as downloaded_bytes, cast(? as smallint) as terminate_cause,
                          cast(? as varchar(16)) as closed_by, cast(? as timestamp with time zone) as stale_after) s
            on t.unique_id = s.unique_id
            when matched and (t.closed_by is null or t.closed_by <> 'nas') then update set
                updated_at = greatest(t.updated_at, s.updated_at),
                session_seconds = greatest(t.session_seconds, s.session_seconds),
                uploaded_bytes = greatest(t.uploaded_bytes, s.uploaded_bytes),
                downloaded_bytes = greatest(t.downloaded_bytes, s.downloaded_bytes),
                framed_ip = coalesce(s.framed_ip, t.framed_ip),
                stopped_at = s.stopped_at,
                terminate_cause = s.terminate_cause,
                closed_by = s.closed_by,
                stale_after = greatest(t.stale_after, s.stale_after)
            when not matched then insert (unique_id, nas_client_id, nas_identifier, nas_address, session_id, device_mac, user_name,
                called_station_id, framed_ip, started_at, updated_at, stopped_at, session_seconds, uploaded_bytes, downloaded_bytes,
                terminate_cause, closed_by, stale_after)
            values (s.unique_id, s.nas_client_id, s.nas_identifier, s.nas_address, s.session_id, s.device_mac, s.user_name,
                s.called_station_id, s.framed_ip, s.started_at, s.updated_at, s.stopped_at, s.session_seconds, s.uploaded_bytes,
                s.downloaded_bytes, s.terminate_cause, s.closed_by, s.stale_after)""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    JdbcAccountingSink(JdbcTemplate jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public void record(List<AccountingEvent> batch) {
        transaction.executeWithoutResult(status -> {
            List<Object[]> run = new ArrayList<>();
            for (AccountingEvent event : batch) {
                switch (event) {
                    case SessionReport r -> run.add(row(r));
                    case NasReset reset -> {
                        flush(run);
                        closeOpenSessions(reset);
                    }
                }
            }
            flush(run);
        });
    }

    private void flush(List<Object[]> run) {
        if (!run.isEmpty()) {
            jdbc.batchUpdate(MERGE, run);
            run.clear();
        }
    }

    private void closeOpenSessions(NasReset reset) {
        jdbc.update("""
                        update radius_accounting set stopped_at = ?, terminate_cause = ?, closed_by = ?
                        where nas_client_id = ? and stopped_at is null""",
                ts(reset.at()), TerminateCause.NAS_REBOOT.code(), reset.starting() ? "acct-on" : "acct-off", reset.nasClientId());
    }

    public int closeStale(Instant now) {
        return transaction.execute(status -> jdbc.update("""
                update radius_accounting set stopped_at = updated_at, terminate_cause = ?, closed_by = 'stale'
                where stopped_at is null and stale_after < ?""", TerminateCause.LOST_SERVICE.code(), ts(now)));
    }

    /** Open sessions of a device, newest first: what a Disconnect-Request must end. */
    public List<OpenSession> openSessions(MacAddress device) {
        return jdbc.query("""
                        select unique_id, nas_client_id, nas_address, nas_identifier, session_id, user_name, device_mac
                        from radius_accounting where device_mac = ? and stopped_at is null order by updated_at desc""",
                (rs, n) -> new OpenSession(rs.getString("unique_id"), rs.getLong("nas_client_id"), rs.getString("nas_address"),
                        rs.getString("nas_identifier"), rs.getString("session_id"), rs.getString("user_name"),
                        MacAddress.tryParse(rs.getString("device_mac"))),
                device.value());
    }

    private static Object[] row(SessionReport r) {
        boolean stop = r.status() == SessionReport.Status.STOP;
        return new Object[] {r.uniqueId(), r.nasClientId(), r.nasIdentifier(), r.nasAddress(), r.sessionId(),
                r.device().map(MacAddress::value).orElse(null), r.username(), r.calledStationId(), r.framedIp().orElse(null),
                ts(r.startedAt()), ts(r.reportedAt()), stop ? ts(r.reportedAt()) : null, r.sessionTime().toSeconds(),
                r.uploadedBytes(), r.downloadedBytes(), stop ? r.terminationCause().map(TerminateCause::code).orElse(null) : null,
                stop ? "nas" : null, ts(r.staleAfter())};
    }

    private static OffsetDateTime ts(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

}
