package io.portico.webhook.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.portico.webhook.WebhookDelivery;
import io.portico.webhook.WebhookLogEntry;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for webhook endpoints and the delivery log (payload and responses as JSON text). */
@Repository
public class WebhookRepository {

    /** The key of the current transaction's URLs read so far, by operator. */
    private static final Object URLS = new Object();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    /** A stored endpoint. */
    public record Row(String url, @Nullable String sealedSecret, boolean allowPrivateTargets) {
    }

    /** An outbox row waiting for delivery. */
    public record Pending(long id, long operatorId, String messageId, String type, String url, String body, int attempts,
                          Instant occurredAt, List<String> responses) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Row> find(long operatorId) {
        return jdbc.sql("select url, signing_secret_sealed, allow_private_targets from webhook_endpoint where operator_id = ?")
                .param(operatorId).query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getBoolean(3))).optional();
    }

    /**
     * The operator's webhook URL ("" when none), read once per transaction: a batch that creates
     * many guests (accounting's first-seen devices) asks once, not once per event. {@link #save}
     * in the same transaction replaces what was read, so events after a change use the new URL.
     */
    public String urlInTransaction(long operatorId) {
        Map<Long, String> urls = transactionUrls();
        if (urls == null) {
            return find(operatorId).map(Row::url).orElse("");
        }
        return urls.computeIfAbsent(operatorId, id -> find(id).map(Row::url).orElse(""));
    }

    private static @Nullable Map<Long, String> transactionUrls() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<Long, String> urls = (Map<Long, String>) TransactionSynchronizationManager.getResource(URLS);
        if (urls == null) {
            Map<Long, String> bound = new java.util.HashMap<>();
            TransactionSynchronizationManager.bindResource(URLS, bound);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(URLS);
                }
            });
            urls = bound;
        }
        return urls;
    }

    public void save(long operatorId, String url, @Nullable String sealed, Instant now) {
        Map<Long, String> urls = transactionUrls();
        if (urls != null) {
            urls.remove(operatorId);
        }
        int updated = jdbc.sql("update webhook_endpoint set url = ?, signing_secret_sealed = ?, updated_at = ? where operator_id = ?")
                .params(url, sealed, utc(now), operatorId).update();
        if (updated == 0) {
            jdbc.sql("insert into webhook_endpoint (operator_id, url, signing_secret_sealed, updated_at) values (?, ?, ?, ?)")
                    .params(operatorId, url, sealed, utc(now)).update();
        }
    }

    public void insertDelivery(long operatorId, WebhookDelivery d) {
        jdbc.sql("""
                        insert into webhook_delivery (operator_id, occurred_at, event_type, url, payload_json, responses_json)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(operatorId, utc(d.occurredAt()), d.type(), d.url(), json.writeValueAsString(d.payload()),
                        json.writeValueAsString(d.responses()))
                .update();
    }

    public void allowPrivateTargets(long operatorId, boolean allow) {
        jdbc.sql("update webhook_endpoint set allow_private_targets = ? where operator_id = ?").params(allow, operatorId).update();
    }

    /** Adds an outbox row; the dispatcher delivers it. */
    public void enqueue(long operatorId, String messageId, String orderingKey, String type, String url,
                        Map<String, Object> payload, Instant now) {
        jdbc.sql("""
                        insert into webhook_delivery (operator_id, occurred_at, event_type, url, payload_json, responses_json,
                                                      message_id, ordering_key, status, attempts, next_attempt_at)
                        values (?, ?, ?, ?, ?, '[]', ?, ?, 'PENDING', 0, ?)""")
                .params(operatorId, utc(now), type, url, json.writeValueAsString(payload), messageId, orderingKey, utc(now))
                .update();
    }

    /**
     * Due rows, each the oldest pending one of its ordering key (so a subscription's events go out
     * in order: a later one waits while an earlier one is retried).
     */
    public List<Pending> due(Instant now, int limit) {
        return jdbc.sql("""
                        select * from webhook_delivery d
                        where d.status = 'PENDING' and d.next_attempt_at <= ?
                          and not exists (select 1 from webhook_delivery e where e.status = 'PENDING'
                                          and e.ordering_key = d.ordering_key and e.id < d.id)
                        order by d.id fetch first ? rows only""")
                .params(utc(now), limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), rs.getLong("operator_id"), rs.getString("message_id"),
                        rs.getString("event_type"), rs.getString("url"), rs.getString("payload_json"), rs.getInt("attempts"),
                        rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        json.readValue(rs.getString("responses_json"), LIST)))
                .list();
    }

    /**
     * Records one attempt. {@code status} is DELIVERED, PENDING (retry at {@code next}) or FAILED;
     * only a row still PENDING is changed, so a row is never delivered-and-recorded twice.
     */
    public boolean recordAttempt(long id, int attempts, List<String> responses, String status, Instant next, Instant now) {
        return jdbc.sql("""
                        update webhook_delivery set attempts = ?, responses_json = ?, status = ?, next_attempt_at = ?,
                            delivered_at = case when ? = 'DELIVERED' then ? else delivered_at end
                        where id = ? and status = 'PENDING'""")
                .params(attempts, json.writeValueAsString(responses), status, utc(next), status, utc(now), id).update() == 1;
    }

    /** Marks every pending row of the operator delivered at the moment it occurred, with these responses. */
    public int markPendingDelivered(long operatorId, List<String> responses) {
        return jdbc.sql("""
                        update webhook_delivery set status = 'DELIVERED', attempts = 1, responses_json = ?, delivered_at = occurred_at
                        where operator_id = ? and status = 'PENDING'""")
                .params(json.writeValueAsString(responses), operatorId).update();
    }

    /** Delivery state of a message, for tests and diagnostics. */
    public Optional<String> status(String messageId) {
        return jdbc.sql("select status from webhook_delivery where message_id = ?").param(messageId).query(String.class).optional();
    }

    public long count(long operatorId, Instant from, Instant to) {
        return jdbc.sql("select count(*) from webhook_delivery where operator_id = ? and occurred_at >= ? and occurred_at <= ?")
                .params(operatorId, utc(from), utc(to)).query(Long.class).single();
    }

    public List<WebhookDelivery> list(long operatorId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select * from webhook_delivery where operator_id = ? and occurred_at >= ? and occurred_at <= ?
                        order by occurred_at desc, id desc fetch first ? rows only""")
                .params(operatorId, utc(from), utc(to), limit)
                .query((rs, n) -> new WebhookDelivery(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                        rs.getString("event_type"), rs.getString("url"), json.readValue(rs.getString("payload_json"), MAP),
                        json.readValue(rs.getString("responses_json"), LIST)))
                .list();
    }

    /** A keyset page of the window, newest first, after the row ({@code beforeAt}, {@code beforeId}) when set. */
    public List<WebhookLogEntry> page(long operatorId, Instant from, Instant to, @Nullable String type,
                                      @Nullable Instant beforeAt, long beforeId, int limit) {
        List<Object> params = new java.util.ArrayList<>(List.of(operatorId, utc(from), utc(to)));
        StringBuilder sql = new StringBuilder("select * from webhook_delivery where operator_id = ? and occurred_at >= ? and occurred_at <= ?");
        if (type != null) {
            sql.append(" and event_type = ?");
            params.add(type);
        }
        if (beforeAt != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.addAll(List.of(utc(beforeAt), utc(beforeAt), beforeId));
        }
        sql.append(" order by occurred_at desc, id desc fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(this::logEntry).list();
    }

    public Optional<WebhookLogEntry> findEntry(long operatorId, long id) {
        return jdbc.sql("select * from webhook_delivery where operator_id = ? and id = ?").params(operatorId, id)
                .query(this::logEntry).optional();
    }

    private WebhookLogEntry logEntry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        String status = rs.getString("status");
        return new WebhookLogEntry(rs.getLong("id"), rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("event_type"), rs.getString("url"), status == null ? "DELIVERED" : status, rs.getInt("attempts"),
                json.readValue(rs.getString("payload_json"), MAP), json.readValue(rs.getString("responses_json"), LIST));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
