package io.portico.subscription.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import io.portico.platform.SecretBox;
import io.portico.subscription.Subscriber;
import io.portico.subscription.SubscriberDetails;
import io.portico.subscription.Subscription;
import io.portico.subscription.VenueKey;

/**
 * SQL for subscribers and subscriptions. A subscription's personal key is stored sealed
 * ({@code psk_sealed}, opened when read) with its keyed digest ({@code psk_digest}) for look-ups;
 * while the subscription has not ended the digest is also its claim ({@code psk_claim}, unique
 * per operator), so no two live subscriptions of an operator share a key.
 */
@Repository
public class SubscriptionRepository {

    private static final String DIGEST_PURPOSE = "subscription-psk";

    private final JdbcClient jdbc;
    private final SecretBox box;

    SubscriptionRepository(JdbcClient jdbc, SecretBox box) {
        this.jdbc = jdbc;
        this.box = box;
    }

    /** The look-up digest of an operator's key (the same key at two operators gives unrelated digests). */
    static String digest(SecretBox box, long operatorId, String psk) {
        return box.digest(DIGEST_PURPOSE, operatorId + ":" + psk);
    }

    public Subscriber insertSubscriber(long operatorId, SubscriberDetails d, String token, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into subscriber (operator_id, subscriber_token, email, given_name, family_name, phone_e164,
                                                locale, contact_sms, contact_email, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(operatorId, token, d.email(), d.givenName(), d.familyName(), d.phoneE164(), d.locale(),
                        d.contactBySms(), d.contactByEmail(), utc(now))
                .update(keys, "id");
        return findSubscriber(keys.getKeyAs(Long.class)).orElseThrow();
    }

    public void updateSubscriber(long id, SubscriberDetails d) {
        jdbc.sql("""
                        update subscriber set email = ?, given_name = ?, family_name = ?, phone_e164 = ?, locale = ?,
                            contact_sms = ?, contact_email = ? where id = ?""")
                .params(d.email(), d.givenName(), d.familyName(), d.phoneE164(), d.locale(), d.contactBySms(),
                        d.contactByEmail(), id)
                .update();
    }

    public Optional<Subscriber> findSubscriber(long id) {
        return jdbc.sql("select * from subscriber where id = ?").param(id).query(SubscriptionRepository::subscriber).optional();
    }

    public Optional<Subscriber> findSubscriberByEmail(long operatorId, String email) {
        return jdbc.sql("select * from subscriber where operator_id = ? and email = ?").params(operatorId, email)
                .query(SubscriptionRepository::subscriber).optional();
    }

    /** The subscribers with this email at every operator (an email is unique per operator only). */
    public List<Subscriber> findSubscribersByEmail(String email) {
        return jdbc.sql("select * from subscriber where email = ? order by id").param(email)
                .query(SubscriptionRepository::subscriber).list();
    }

    /** The operator's subscriber with this id. */
    public Optional<Subscriber> findSubscriber(long operatorId, long id) {
        return jdbc.sql("select * from subscriber where operator_id = ? and id = ?").params(operatorId, id)
                .query(SubscriptionRepository::subscriber).optional();
    }

    /** The subscriber's own subscription with this id (a resident acting for themselves). */
    public Optional<Subscription> findOwnSubscription(long operatorId, long subscriberId, long id) {
        return jdbc.sql("select * from subscription where operator_id = ? and subscriber_id = ? and id = ?")
                .params(operatorId, subscriberId, id).query(this::subscription).optional();
    }

    /**
     * The operator's subscribers whose email or "given family" name contains {@code text}
     * (lower case; empty matches all), by email (unique per operator, {@code uq_subscriber_email}),
     * {@code limit} of them after the subscriber {@code afterToken} (from the first when empty or not
     * the operator's).
     */
    public List<Subscriber> searchSubscribers(long operatorId, String text, Optional<String> afterToken, int limit) {
        StringBuilder sql = new StringBuilder("select s.* from subscriber s");
        List<Object> params = new ArrayList<>();
        if (afterToken.isPresent()) {
            sql.append(" join subscriber a on a.operator_id = s.operator_id and a.subscriber_token = ?");
            params.add(afterToken.get());
        }
        sql.append(" where s.operator_id = ?");
        params.add(operatorId);
        if (afterToken.isPresent()) {
            sql.append(" and s.email > a.email");
        }
        if (!text.isEmpty()) {
            String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" and (lower(s.email) like ? escape '\\' or lower(s.given_name || ' ' || s.family_name) like ? escape '\\')");
            params.add(pattern);
            params.add(pattern);
        }
        sql.append(" order by s.email fetch first ? rows only");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(SubscriptionRepository::subscriber).list();
    }

    public List<Subscriber> listSubscribers(long operatorId) {
        return jdbc.sql("select * from subscriber where operator_id = ? order by email").param(operatorId)
                .query(SubscriptionRepository::subscriber).list();
    }

    public Subscription insertSubscription(Subscription s) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into subscription (operator_id, subscriber_id, unit_id, venue_id, plan_id, starts_at, ends_at,
                                                  psk_sealed, psk_digest, psk_claim, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.operatorId(), s.subscriberId(), s.unitId(), s.venueId(), s.planId(), utc(s.startsAt()),
                        s.endsAt() == null ? null : utc(s.endsAt()), box.seal(s.psk()), digest(box, s.operatorId(), s.psk()),
                        digest(box, s.operatorId(), s.psk()), utc(s.createdAt()))
                .update(keys, "id");
        return findSubscription(keys.getKeyAs(Long.class)).orElseThrow();
    }

    /** Replaces the key (and its claim: a subscription whose key is reset is live). */
    public void updatePsk(long id, long operatorId, String psk) {
        String digest = digest(box, operatorId, psk);
        jdbc.sql("update subscription set psk_sealed = ?, psk_digest = ?, psk_claim = ? where id = ?")
                .params(box.seal(psk), digest, digest, id).update();
    }

    public void updatePlan(long id, long planId) {
        jdbc.sql("update subscription set plan_id = ? where id = ?").params(planId, id).update();
    }

    public void updateDates(long id, Instant start, @Nullable Instant end) {
        jdbc.sql("update subscription set starts_at = ?, ends_at = ? where id = ?")
                .params(utc(start), end == null ? null : utc(end), id).update();
    }

    public Optional<Subscription> findSubscription(long id) {
        return jdbc.sql("select * from subscription where id = ?").param(id).query(this::subscription).optional();
    }

    public List<Subscription> listSubscriptions(long operatorId) {
        return jdbc.sql("select * from subscription where operator_id = ? order by starts_at, id").param(operatorId)
                .query(this::subscription).list();
    }

    public List<Subscription> listByUnit(long operatorId, long unitId) {
        return jdbc.sql("select * from subscription where operator_id = ? and unit_id = ? order by starts_at")
                .params(operatorId, unitId).query(this::subscription).list();
    }

    public Optional<Subscriber> findSubscriberByToken(long operatorId, String token) {
        return jdbc.sql("select * from subscriber where operator_id = ? and subscriber_token = ?").params(operatorId, token)
                .query(SubscriptionRepository::subscriber).optional();
    }

    public List<Subscription> listBySubscriber(long operatorId, long subscriberId) {
        return jdbc.sql("select * from subscription where operator_id = ? and subscriber_id = ? order by starts_at")
                .params(operatorId, subscriberId).query(this::subscription).list();
    }

    /** The operator's subscriptions (ended ones too) with this key, by its digest. */
    public List<Subscription> findByPsk(long operatorId, String psk) {
        return jdbc.sql("select * from subscription where operator_id = ? and psk_digest = ? order by starts_at")
                .params(operatorId, digest(box, operatorId, psk)).query(this::subscription).list();
    }

    /** Ids and keys of the venue's subscriptions active at {@code now}, oldest start first. */
    /** The venue's subscriptions not ended at {@code now} (running or still to start), keys opened. */
    public List<VenueKey> listUnendedKeysAtVenue(long operatorId, long venueId, Instant now) {
        return jdbc.sql("""
                        select id, psk_sealed, starts_at, ends_at from subscription
                        where operator_id = ? and venue_id = ? and (ends_at is null or ends_at > ?)
                        order by starts_at, id""")
                .params(operatorId, venueId, utc(now))
                .query((rs, n) -> {
                    OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
                    return new VenueKey(rs.getLong("id"), box.open(rs.getString("psk_sealed")),
                            rs.getObject("starts_at", OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant());
                }).list();
    }

    /**
     * Subscriptions of every operator whose start or end has come without its event published yet,
     * oldest first.
     */
    public List<Subscription> dueTransitions(Instant now, int limit) {
        return jdbc.sql("""
                        select * from subscription
                        where (started_published_at is null and starts_at <= ?)
                           or (ended_published_at is null and ends_at is not null and ends_at <= ?)
                        order by starts_at, id fetch first ? rows only""")
                .params(utc(now), utc(now), limit).query(this::subscription).list();
    }

    /** Marks the start as published; false when it already was (another transaction got there first). */
    public boolean markStartPublished(long id, Instant at) {
        return jdbc.sql("update subscription set started_published_at = ? where id = ? and started_published_at is null")
                .params(utc(at), id).update() == 1;
    }

    /** Marks the end as published and releases the key's claim; false when it already was. */
    public boolean markEndPublished(long id, Instant at) {
        return jdbc.sql("update subscription set ended_published_at = ?, psk_claim = null where id = ? and ended_published_at is null")
                .params(utc(at), id).update() == 1;
    }

    /** Forgets published transitions that have not happened under the subscription's new dates. */
    public void clearUnhappenedTransitions(long id, Instant now) {
        jdbc.sql("update subscription set started_published_at = null where id = ? and starts_at > ?").params(id, utc(now)).update();
        jdbc.sql("""
                        update subscription set ended_published_at = null, psk_claim = psk_digest
                        where id = ? and (ends_at is null or ends_at > ?)""")
                .params(id, utc(now)).update();
    }

    static Subscriber subscriber(ResultSet rs, int row) throws SQLException {
        return new Subscriber(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("subscriber_token"),
                rs.getString("email"), rs.getString("given_name"), rs.getString("family_name"), rs.getString("phone_e164"),
                rs.getString("locale"), rs.getBoolean("contact_sms"), rs.getBoolean("contact_email"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private Subscription subscription(ResultSet rs, int row) throws SQLException {
        OffsetDateTime end = rs.getObject("ends_at", OffsetDateTime.class);
        return new Subscription(rs.getLong("id"), rs.getLong("operator_id"), rs.getLong("subscriber_id"),
                rs.getLong("unit_id"), rs.getLong("venue_id"), rs.getLong("plan_id"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), end == null ? null : end.toInstant(),
                box.open(rs.getString("psk_sealed")), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
