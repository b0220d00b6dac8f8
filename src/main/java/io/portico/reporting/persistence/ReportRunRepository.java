package io.portico.reporting.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** When each operator's subscription-end report was last sent, claimed with a compare-and-set. */
@Repository
public class ReportRunRepository {

    private final JdbcClient jdbc;

    ReportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Instant> lastSent(long operatorId) {
        return jdbc.sql("select last_sent_at from reporting_subscription_end_run where operator_id = ?").param(operatorId)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).optional();
    }

    /**
     * Moves the operator's last-sent time from {@code seen} (empty: never sent) to {@code now}; true
     * when this caller won, false when another instance claimed the period first.
     */
    public boolean claim(long operatorId, Optional<Instant> seen, Instant now) {
        if (seen.isEmpty()) {
            // ON CONFLICT keeps a lost race from aborting the caller's transaction (PostgreSQL; H2 in its PostgreSQL mode).
            return jdbc.sql("insert into reporting_subscription_end_run (operator_id, last_sent_at) values (?, ?) on conflict do nothing")
                    .params(operatorId, utc(now)).update() == 1;
        }
        return jdbc.sql("update reporting_subscription_end_run set last_sent_at = ? where operator_id = ? and last_sent_at = ?")
                .params(utc(now), operatorId, utc(seen.get())).update() == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
