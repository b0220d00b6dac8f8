package io.portico.payment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook inbox: one row per provider event acted on. {@link #accept} must run inside the
 * transaction that acts on the event.
 */
@Repository
public class WebhookInbox {

    private final JdbcClient jdbc;

    WebhookInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the event; false when it is already there. {@code on conflict do nothing} rather than
     * catching a duplicate key: on PostgreSQL a failed insert would abort the whole transaction, and
     * a concurrent insert of the same key waits for the other transaction and then yields nothing.
     */
    public boolean accept(String provider, String eventId, long operatorId, String eventType, Instant at) {
        return jdbc.sql("""
                        insert into payment_webhook_inbox (provider, event_id, operator_id, event_type, received_at)
                        values (?, ?, ?, ?, ?)
                        on conflict do nothing""")
                .params(provider, eventId, operatorId, eventType, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update() == 1;
    }

    /** How many events of the operator the inbox holds (tests, diagnostics). */
    public int count(long operatorId, String provider) {
        return jdbc.sql("select count(*) from payment_webhook_inbox where operator_id = ? and provider = ?")
                .params(operatorId, provider).query(Integer.class).single();
    }
}
