package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.subscription.SubscriptionFigures;

/** The overview's subscription counts, in one pass over the operator's current and future subscriptions. */
@Repository
public class SubscriptionFigureRepository {

    private final JdbcClient jdbc;

    SubscriptionFigureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public SubscriptionFigures figures(long operatorId, Optional<Long> venueId, Instant now, Instant until) {
        var at = now.atOffset(ZoneOffset.UTC);
        var end = until.atOffset(ZoneOffset.UTC);
        StringBuilder sql = new StringBuilder("""
                select coalesce(sum(case when starts_at <= ? and (ends_at is null or ends_at > ?) then 1 else 0 end), 0),
                       coalesce(sum(case when starts_at > ? and starts_at <= ? then 1 else 0 end), 0),
                       coalesce(sum(case when ends_at > ? and ends_at <= ? then 1 else 0 end), 0)
                  from subscription where operator_id = ? and (ends_at is null or ends_at > ?)""");
        List<Object> params = new ArrayList<>(List.of(at, at, at, end, at, end, operatorId, at));
        venueId.ifPresent(id -> {
            sql.append(" and venue_id = ?");
            params.add(id);
        });
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new SubscriptionFigures(rs.getLong(1), rs.getLong(2), rs.getLong(3))).single();
    }
}
