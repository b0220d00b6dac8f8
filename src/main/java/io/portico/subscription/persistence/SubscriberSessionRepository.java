package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.subscription.Subscriber;

/**
 * SQL for residents' console sign-in: their password hashes and lockout counters, their sessions
 * and the SHA-256 digests of the sessions' access and refresh tokens.
 */
@Repository
public class SubscriberSessionRepository {

    public enum Kind { ACCESS, REFRESH }

    /** A subscriber who can sign in (has a password), with the lockout state. */
    public record Credentials(Subscriber subscriber, String passwordHash, int failedLogins, @Nullable Instant lockedUntil) {
    }

    /** A stored token digest with its session's state. */
    public record StoredToken(long sessionId, long subscriberId, long operatorId, Kind kind, Instant expiresAt,
                              @Nullable Instant consumedAt, @Nullable Instant sessionRevokedAt) {
    }

    private final JdbcClient jdbc;

    SubscriberSessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The subscribers with this email who have a password, at every operator (an email is unique
     * per operator only), locked for update so concurrent wrong passwords count once each.
     */
    public List<Credentials> lockCredentialsByEmail(String email) {
        return jdbc.sql("select * from subscriber where email = ? and password_hash is not null order by id for update")
                .param(email)
                .query((rs, n) -> new Credentials(SubscriptionRepository.subscriber(rs, n), rs.getString("password_hash"),
                        rs.getInt("failed_logins"), instant(rs.getObject("locked_until", OffsetDateTime.class))))
                .list();
    }

    public Optional<String> findEmail(long subscriberId) {
        return jdbc.sql("select email from subscriber where id = ?").param(subscriberId).query(String.class).optional();
    }

    public void recordFailure(long subscriberId, int failures, @Nullable Instant lockedUntil) {
        jdbc.sql("update subscriber set failed_logins = ?, locked_until = ? where id = ?")
                .params(failures, lockedUntil == null ? null : utc(lockedUntil), subscriberId).update();
    }

    public void recordSuccess(long subscriberId) {
        jdbc.sql("update subscriber set failed_logins = 0, locked_until = null where id = ?").param(subscriberId).update();
    }

    public long insertSession(long subscriberId, long operatorId, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into subscriber_session (subscriber_id, operator_id, created_at) values (?, ?, ?)")
                .params(subscriberId, operatorId, utc(now)).update(keys, "id");
        return keys.getKeyAs(Long.class);
    }

    public void insertToken(String digest, long sessionId, Kind kind, Instant expiresAt) {
        jdbc.sql("insert into subscriber_token (token_hash, session_id, kind, expires_at) values (?, ?, ?, ?)")
                .params(digest, sessionId, kind.name(), utc(expiresAt)).update();
    }

    public Optional<StoredToken> findToken(String digest) {
        return jdbc.sql("""
                        select t.session_id, s.subscriber_id, s.operator_id, t.kind, t.expires_at, t.consumed_at, s.revoked_at
                        from subscriber_token t join subscriber_session s on s.id = t.session_id
                        where t.token_hash = ?""")
                .param(digest)
                .query((rs, n) -> new StoredToken(rs.getLong(1), rs.getLong(2), rs.getLong(3), Kind.valueOf(rs.getString(4)),
                        instant(rs.getObject(5, OffsetDateTime.class)), instant(rs.getObject(6, OffsetDateTime.class)),
                        instant(rs.getObject(7, OffsetDateTime.class))))
                .optional();
    }

    /** Marks a refresh token used; false when another request used it first. */
    public boolean consume(String digest, Instant now) {
        return jdbc.sql("update subscriber_token set consumed_at = ? where token_hash = ? and consumed_at is null")
                .params(utc(now), digest).update() == 1;
    }

    public void revokeSession(long sessionId, Instant now) {
        jdbc.sql("update subscriber_session set revoked_at = ? where id = ? and revoked_at is null").params(utc(now), sessionId).update();
    }

    /** Ends every session of a subscriber (a new password). */
    public void revokeSessionsOf(long subscriberId, Instant now) {
        jdbc.sql("update subscriber_session set revoked_at = ? where subscriber_id = ? and revoked_at is null")
                .params(utc(now), subscriberId).update();
    }

    /** Deletes tokens past their expiry; sessions whose tokens are all gone go with them. */
    public int purgeExpired(Instant now) {
        int tokens = jdbc.sql("delete from subscriber_token where expires_at < ?").param(utc(now)).update();
        jdbc.sql("delete from subscriber_session where not exists (select 1 from subscriber_token t where t.session_id = subscriber_session.id)")
                .update();
        return tokens;
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
