package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.subscription.EndingSubscription;

/**
 * The operator's subscriptions ending in a window, soonest first, keyset-paged on (ends_at, id)
 * over {@code ix_subscription_operator_end} (V119).
 */
@Repository
public class EndingSubscriptionRepository {

    /**
     * Driven by the subscription index; the venue, unit, subscriber and plan of each row are primary
     * key look-ups (scalar subqueries), so the plan stays an index walk even on stale statistics.
     */
    static final String ENDING = """
            select s.id, s.starts_at, s.ends_at,
                   (select v.name from venue v where v.id = s.venue_id) as venue_name,
                   (select u.unit_name from unit u where u.id = s.unit_id) as unit_name,
                   (select r.given_name from subscriber r where r.id = s.subscriber_id) as given_name,
                   (select r.family_name from subscriber r where r.id = s.subscriber_id) as family_name,
                   (select r.email from subscriber r where r.id = s.subscriber_id) as email,
                   (select p.plan_key from service_plan p where p.id = s.plan_id) as plan_key
              from subscription s
             where s.operator_id = ? and s.ends_at > ? and s.ends_at <= ?""";

    private final JdbcClient jdbc;

    EndingSubscriptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Up to {@code limit} subscriptions ending in (from, until], after the keyset (ends_at, id) when given. */
    public List<EndingSubscription> page(long operatorId, Instant from, Instant until, Optional<Instant> afterEndsAt,
                                         Optional<Long> afterId, int limit) {
        StringBuilder sql = new StringBuilder(ENDING);
        List<Object> params = new ArrayList<>(List.of(operatorId, utc(from), utc(until)));
        if (afterEndsAt.isPresent()) {
            sql.append(" and (s.ends_at > ? or (s.ends_at = ? and s.id > ?))");
            params.add(utc(afterEndsAt.get()));
            params.add(utc(afterEndsAt.get()));
            params.add(afterId.orElseThrow());
        }
        sql.append(" order by s.ends_at, s.id fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> row(rs)).list();
    }

    /** Every subscription ending in (from, until], soonest first, streamed without holding them. */
    public void forEach(long operatorId, Instant from, Instant until, Consumer<EndingSubscription> each) {
        jdbc.sql(ENDING + " order by s.ends_at, s.id").params(operatorId, utc(from), utc(until))
                .query(rs -> {
                    each.accept(row(rs));
                });
    }

    private static EndingSubscription row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new EndingSubscription(rs.getLong("id"), rs.getString("venue_name"), rs.getString("unit_name"),
                (rs.getString("given_name") + " " + rs.getString("family_name")).strip(), rs.getString("email"), rs.getString("plan_key"),
                rs.getObject("starts_at", OffsetDateTime.class).toInstant(), rs.getObject("ends_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
