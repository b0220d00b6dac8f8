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

import io.portico.webhook.WebhookDelivery;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for webhook endpoints and the delivery log (payload and responses as JSON text). */
@Repository
public class WebhookRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final TypeReference<List<String>> LIST = new TypeReference<>() { };

    /** A stored endpoint. */
    public record Row(String url, @Nullable String sealedSecret) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WebhookRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Row> find(long operatorId) {
        return jdbc.sql("select url, signing_secret_sealed from webhook_endpoint where operator_id = ?").param(operatorId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2))).optional();
    }

    public void save(long operatorId, String url, @Nullable String sealed, Instant now) {
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

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
