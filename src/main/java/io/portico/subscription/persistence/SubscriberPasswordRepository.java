package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for subscriber password hashes and the digests of their single-use set/reset links. */
@Repository
public class SubscriberPasswordRepository {

    private final JdbcClient jdbc;

    SubscriberPasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored link: whose it is, until when it works, and when it was used (null: not yet). */
    public record Link(long id, long subscriberId, Instant expiresAt, @Nullable Instant usedAt) {
    }

    /** Replaces the subscriber's unused links by a new one (older links stop working). */
    public void replaceLinks(long subscriberId, String tokenDigest, Instant now, Instant expiresAt) {
        jdbc.sql("delete from subscriber_password_link where subscriber_id = ? and used_at is null").param(subscriberId).update();
        jdbc.sql("""
                        insert into subscriber_password_link (subscriber_id, token_digest, created_at, expires_at)
                        values (?, ?, ?, ?)""")
                .params(subscriberId, tokenDigest, utc(now), utc(expiresAt)).update();
    }

    public Optional<Link> findLink(String tokenDigest) {
        return jdbc.sql("select * from subscriber_password_link where token_digest = ?").param(tokenDigest)
                .query((rs, n) -> {
                    OffsetDateTime used = rs.getObject("used_at", OffsetDateTime.class);
                    return new Link(rs.getLong("id"), rs.getLong("subscriber_id"),
                            rs.getObject("expires_at", OffsetDateTime.class).toInstant(), used == null ? null : used.toInstant());
                }).optional();
    }

    /** Marks the link used if it still is unused and unexpired; false when another request got there first. */
    public boolean consume(long linkId, Instant now) {
        return jdbc.sql("update subscriber_password_link set used_at = ? where id = ? and used_at is null and expires_at > ?")
                .params(utc(now), linkId, utc(now)).update() == 1;
    }

    public void savePasswordHash(long subscriberId, String hash, Instant now) {
        // A new password also lifts a sign-in lockout: the resident proved they own the mailbox.
        jdbc.sql("update subscriber set password_hash = ?, password_set_at = ?, failed_logins = 0, locked_until = null where id = ?")
                .params(hash, utc(now), subscriberId).update();
    }

    public Optional<String> passwordHash(long subscriberId) {
        return jdbc.sql("select password_hash from subscriber where id = ?").param(subscriberId)
                .query((rs, n) -> rs.getString(1)).optional().filter(h -> h != null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
