package io.portico.identity.persistence;

import static io.portico.identity.persistence.AdministratorRepository.instant;
import static io.portico.identity.persistence.AdministratorRepository.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.identity.ApiTokenInfo;

/** SQL for console sessions, their token digests, and clients' guest API tokens. */
@Repository
public class TokenRepository {

    public enum Kind { ACCESS, REFRESH }

    /** A stored token digest with its session's state. */
    public record StoredToken(long sessionId, long administratorId, Kind kind, Instant expiresAt,
                              @Nullable Instant consumedAt, @Nullable Instant sessionRevokedAt, boolean administratorDisabled) {
    }

    /** A stored API token with its client's operator, for authentication. */
    public record StoredApiToken(long id, long clientId, long operatorId, @Nullable Instant revokedAt,
                                 @Nullable Instant lastUsedAt) {
    }

    private final JdbcClient jdbc;

    TokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertSession(long administratorId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into admin_session (administrator_id, created_at) values (?, ?)")
                .params(administratorId, utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void insertToken(String digest, long sessionId, Kind kind, Instant expiresAt) {
        jdbc.sql("insert into admin_token (token_hash, session_id, kind, expires_at) values (?, ?, ?, ?)")
                .params(digest, sessionId, kind.name(), utc(expiresAt)).update();
    }

    public Optional<StoredToken> findToken(String digest) {
        return jdbc.sql("""
                        select t.session_id, s.administrator_id, t.kind, t.expires_at, t.consumed_at, s.revoked_at, a.disabled
                        from admin_token t join admin_session s on s.id = t.session_id
                        join administrator a on a.id = s.administrator_id
                        where t.token_hash = ?""")
                .param(digest)
                .query((rs, n) -> new StoredToken(rs.getLong(1), rs.getLong(2), Kind.valueOf(rs.getString(3)),
                        instant(rs, "expires_at"), instant(rs, "consumed_at"), instant(rs, "revoked_at"), rs.getBoolean(7)))
                .optional();
    }

    /** Marks a refresh token used; false when another request used it first. */
    public boolean consume(String digest, Instant now) {
        return jdbc.sql("update admin_token set consumed_at = ? where token_hash = ? and consumed_at is null")
                .params(utc(now), digest).update() == 1;
    }

    public void revokeSession(long sessionId, Instant now) {
        jdbc.sql("update admin_session set revoked_at = ? where id = ? and revoked_at is null").params(utc(now), sessionId).update();
    }

    /** Ends every session of an administrator (password change, disabling). */
    public void revokeSessionsOf(long administratorId, Instant now) {
        jdbc.sql("update admin_session set revoked_at = ? where administrator_id = ? and revoked_at is null")
                .params(utc(now), administratorId).update();
    }

    /** Deletes tokens past their expiry; sessions whose tokens are all gone go with them. */
    public int purgeExpired(Instant now) {
        int tokens = jdbc.sql("delete from admin_token where expires_at < ?").param(utc(now)).update();
        jdbc.sql("delete from admin_session where not exists (select 1 from admin_token t where t.session_id = admin_session.id)").update();
        return tokens;
    }

    public long insertApiToken(long clientId, String label, String prefix, String digest, String createdBy, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into api_token (client_id, label, prefix, token_hash, created_at, created_by) values (?, ?, ?, ?, ?, ?)")
                .params(clientId, label, prefix, digest, utc(now), createdBy).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public Optional<StoredApiToken> findApiToken(String digest) {
        return jdbc.sql("""
                        select t.id, t.client_id, c.operator_id, t.revoked_at, t.last_used_at
                        from api_token t join client c on c.id = t.client_id where t.token_hash = ?""")
                .param(digest)
                .query((rs, n) -> new StoredApiToken(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        instant(rs, "revoked_at"), instant(rs, "last_used_at")))
                .optional();
    }

    public void touchApiToken(long id, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?").params(utc(now), id).update();
    }

    public List<ApiTokenInfo> listApiTokens(long clientId) {
        return jdbc.sql("select * from api_token where client_id = ? order by id").param(clientId)
                .query(TokenRepository::info).list();
    }

    private static ApiTokenInfo info(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ApiTokenInfo(rs.getLong("id"), rs.getLong("client_id"), rs.getString("label"), rs.getString("prefix"),
                instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "last_used_at"), instant(rs, "revoked_at"));
    }

    /** A page of the client's API tokens, newest first: {@code limit} rows from {@code offset}. */
    public List<ApiTokenInfo> apiTokenPage(long clientId, long offset, int limit) {
        return jdbc.sql("select * from api_token where client_id = ? order by id desc offset ? rows fetch next ? rows only")
                .params(clientId, offset, limit).query(TokenRepository::info).list();
    }

    public boolean revokeApiToken(long clientId, long tokenId, Instant now) {
        return jdbc.sql("update api_token set revoked_at = ? where id = ? and client_id = ? and revoked_at is null")
                .params(utc(now), tokenId, clientId).update() == 1;
    }
}
