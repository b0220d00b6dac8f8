package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for residents' sign-ups waiting for their payment (table paid_signup). */
@Repository
public class PaidSignupRepository {

    /** A stored sign-up waiting for (or done with) its payment. */
    public record Pending(long id, long operatorId, String reference, String claimDigest, long venueId, long unitId, long planId,
                          @Nullable Long subscriberId, String email, String givenName, String familyName, String phone,
                          String locale, @Nullable String passwordHash, int trialCycles, String status,
                          @Nullable Long subscriptionId) {
    }

    private final JdbcClient jdbc;

    PaidSignupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Pending p, Instant now) {
        jdbc.sql("""
                        insert into paid_signup (operator_id, reference, claim_digest, venue_id, unit_id, plan_id, subscriber_id,
                        email, given_name, family_name, phone, locale, password_hash, trial_cycles, status, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'OPEN', ?)""")
                .params(p.operatorId(), p.reference(), p.claimDigest(), p.venueId(), p.unitId(), p.planId(), p.subscriberId(),
                        p.email(), p.givenName(), p.familyName(), p.phone(), p.locale(), p.passwordHash(), p.trialCycles(), utc(now))
                .update();
    }

    public Optional<Pending> find(long operatorId, String reference) {
        return jdbc.sql("select * from paid_signup where operator_id = ? and reference = ?")
                .params(operatorId, reference).query(PaidSignupRepository::pending).optional();
    }

    public Optional<Pending> findByReference(String reference) {
        return jdbc.sql("select * from paid_signup where reference = ?").params(reference)
                .query(PaidSignupRepository::pending).optional();
    }

    /** Moves an open sign-up on; false when another transaction did already (the caller then does nothing). */
    public boolean close(long id, String status, Instant now) {
        return jdbc.sql("update paid_signup set status = ?, completed_at = ? where id = ? and status = 'OPEN'")
                .params(status, utc(now), id).update() == 1;
    }

    /** A sign-up that was paid but could not be created (its unit was taken meanwhile). */
    public void markFailed(long id) {
        jdbc.sql("update paid_signup set status = 'FAILED', password_hash = null where id = ?").params(id).update();
    }

    public void linkSubscription(long id, long subscriptionId) {
        jdbc.sql("update paid_signup set subscription_id = ?, password_hash = null where id = ?").params(subscriptionId, id).update();
    }

    private static Pending pending(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        long subscriber = rs.getLong("subscriber_id");
        Long subscriberId = rs.wasNull() ? null : subscriber;
        long subscription = rs.getLong("subscription_id");
        Long subscriptionId = rs.wasNull() ? null : subscription;
        return new Pending(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("reference"), rs.getString("claim_digest"),
                rs.getLong("venue_id"), rs.getLong("unit_id"), rs.getLong("plan_id"), subscriberId, rs.getString("email"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getString("phone"), rs.getString("locale"),
                rs.getString("password_hash"), rs.getInt("trial_cycles"), rs.getString("status"), subscriptionId);
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
