package io.portico.guest.persistence;

import static io.portico.guest.persistence.GuestRepository.instant;
import static io.portico.guest.persistence.GuestRepository.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.guest.SessionProfile;

/** SQL for a client's session profiles (the RADIUS limits a guest plan grants). */
@Repository
public class SessionProfileRepository {

    private final JdbcClient jdbc;

    SessionProfileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SessionProfile insert(SessionProfile p) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into session_profile (client_id, name, session_timeout_seconds, idle_timeout_seconds,
                                                     download_kbps, upload_kbps, data_cap_bytes, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(p.clientId(), p.name(), seconds(p.sessionTimeout()), seconds(p.idleTimeout()), p.downloadKbps(),
                        p.uploadKbps(), p.dataCapBytes(), utc(p.createdAt()))
                .update(keys, "id");
        return new SessionProfile(keys.getKeyAs(Long.class), p.clientId(), p.name(), p.sessionTimeout(), p.idleTimeout(),
                p.downloadKbps(), p.uploadKbps(), p.dataCapBytes(), p.createdAt());
    }

    /** Writes a profile's name and limits (its client and creation stay). */
    public void update(SessionProfile p) {
        jdbc.sql("""
                        update session_profile set name = ?, session_timeout_seconds = ?, idle_timeout_seconds = ?,
                                                   download_kbps = ?, upload_kbps = ?, data_cap_bytes = ?
                        where id = ? and client_id = ?""")
                .params(p.name(), seconds(p.sessionTimeout()), seconds(p.idleTimeout()), p.downloadKbps(), p.uploadKbps(),
                        p.dataCapBytes(), p.id(), p.clientId())
                .update();
    }

    public Optional<SessionProfile> findSessionProfile(long id) {
        return jdbc.sql("select * from session_profile where id = ?").param(id).query(SessionProfileRepository::sessionProfile).optional();
    }

    public Optional<SessionProfile> findSessionProfileByName(long clientId, String name) {
        return jdbc.sql("select * from session_profile where client_id = ? and name = ?").params(clientId, name)
                .query(SessionProfileRepository::sessionProfile).optional();
    }

    /** A page of the client's profiles whose name starts with {@code prefix} (a {@code Slice.prefix}), by name then id. */
    public List<SessionProfile> page(long clientId, String prefix, long offset, int limit) {
        return jdbc.sql("""
                        select * from session_profile where client_id = ? and lower(name) like ? escape '\\'
                         order by lower(name), id offset ? rows fetch next ? rows only""")
                .params(clientId, prefix, offset, limit).query(SessionProfileRepository::sessionProfile).list();
    }

    public List<SessionProfile> listSessionProfiles(long clientId) {
        return jdbc.sql("select * from session_profile where client_id = ? order by name").param(clientId)
                .query(SessionProfileRepository::sessionProfile).list();
    }

    private static @Nullable Long seconds(@Nullable Duration d) {
        return d == null ? null : d.toSeconds();
    }

    private static @Nullable Duration duration(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Duration.ofSeconds(v);
    }

    private static @Nullable Long nullableLong(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static SessionProfile sessionProfile(ResultSet rs, int row) throws SQLException {
        return sessionProfile(rs, "");
    }

    static SessionProfile sessionProfile(ResultSet rs, String prefix) throws SQLException {
        return new SessionProfile(rs.getLong(prefix + "id"), rs.getLong(prefix + "client_id"), rs.getString(prefix + "name"),
                duration(rs, "session_timeout_seconds"), duration(rs, "idle_timeout_seconds"),
                nullableLong(rs, "download_kbps"), nullableLong(rs, "upload_kbps"), nullableLong(rs, "data_cap_bytes"),
                instant(rs, prefix + "created_at"));
    }
}
