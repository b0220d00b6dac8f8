package io.portico.subscription.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for {@code subscription_cancellation}: a resident's "cancel at the end of the cycle" and the
 * end it replaced, which undo restores.
 */
@Repository
public class CancellationRepository {

    /** A resident's cancellation: the subscription now ends at {@code cycleEnd}; {@code previousEndsAt} is what undo restores. */
    public record Cancellation(long subscriptionId, Instant requestedAt, Instant cycleEnd, @Nullable Instant previousEndsAt) {
    }

    private final JdbcClient jdbc;

    CancellationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void save(long operatorId, Cancellation c) {
        delete(operatorId, c.subscriptionId());
        jdbc.sql("""
                        insert into subscription_cancellation (subscription_id, operator_id, requested_at, cycle_end, previous_ends_at)
                        values (?, ?, ?, ?, ?)""")
                .params(c.subscriptionId(), operatorId, utc(c.requestedAt()), utc(c.cycleEnd()),
                        c.previousEndsAt() == null ? null : utc(c.previousEndsAt()))
                .update();
    }

    public Optional<Cancellation> find(long operatorId, long subscriptionId) {
        return jdbc.sql("select * from subscription_cancellation where operator_id = ? and subscription_id = ?")
                .params(operatorId, subscriptionId)
                .query((rs, n) -> {
                    OffsetDateTime previous = rs.getObject("previous_ends_at", OffsetDateTime.class);
                    return new Cancellation(rs.getLong("subscription_id"), rs.getObject("requested_at", OffsetDateTime.class).toInstant(),
                            rs.getObject("cycle_end", OffsetDateTime.class).toInstant(), previous == null ? null : previous.toInstant());
                }).optional();
    }

    public void delete(long operatorId, long subscriptionId) {
        jdbc.sql("delete from subscription_cancellation where operator_id = ? and subscription_id = ?")
                .params(operatorId, subscriptionId).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
