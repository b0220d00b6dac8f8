package io.portico.audit.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.portico.audit.LogEntry;
import io.portico.platform.AdministratorActed;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for the operator_log table; the event object is stored as JSON text. */
@Repository
public class OperatorLogRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OperatorLogRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(AdministratorActed e) {
        jdbc.sql("""
                        insert into operator_log (operator_id, occurred_at, function_name, event_json, administrator,
                                                  source_ip, source_locale, source_ua, venue_id, unit_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(e.operatorId(), utc(e.occurredAt()), e.functionName(), json.writeValueAsString(e.details()),
                        e.administrator(), e.origin().sourceIp(), e.origin().locale(), e.origin().userAgent(),
                        e.venueId(), e.unitId())
                .update();
    }

    public long count(long operatorId, Instant from, Instant to) {
        return jdbc.sql("select count(*) from operator_log where operator_id = ? and occurred_at >= ? and occurred_at <= ?")
                .params(operatorId, utc(from), utc(to)).query(Long.class).single();
    }

    public List<LogEntry> list(long operatorId, Instant from, Instant to, int limit) {
        return jdbc.sql("""
                        select * from operator_log where operator_id = ? and occurred_at >= ? and occurred_at <= ?
                        order by occurred_at desc, id desc fetch first ? rows only""")
                .params(operatorId, utc(from), utc(to), limit)
                .query(this::entry).list();
    }

    /**
     * A page of the window, newest first, after the entry ({@code beforeAt}, {@code beforeId}) when
     * set (keyset paging), optionally only one function (by name prefix).
     */
    public List<LogEntry> page(long operatorId, Instant from, Instant to, @Nullable String function,
                               @Nullable Instant beforeAt, long beforeId, int limit) {
        List<Object> params = new java.util.ArrayList<>(List.of(operatorId, utc(from), utc(to)));
        StringBuilder sql = new StringBuilder("select * from operator_log where operator_id = ? and occurred_at >= ? and occurred_at <= ?");
        if (function != null) {
            sql.append(" and function_name like ?");
            params.add(function.replace("%", "").replace("_", "\\_") + "%");
        }
        if (beforeAt != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.addAll(List.of(utc(beforeAt), utc(beforeAt), beforeId));
        }
        sql.append(" order by occurred_at desc, id desc fetch first ").append(limit).append(" rows only");
        return jdbc.sql(sql.toString()).params(params).query(this::entry).list();
    }

    private LogEntry entry(ResultSet rs, int row) throws SQLException {
        return new LogEntry(rs.getLong("id"), rs.getLong("operator_id"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("function_name"),
                json.readValue(rs.getString("event_json"), MAP), rs.getString("administrator"),
                rs.getString("source_ip"), rs.getString("source_locale"), rs.getString("source_ua"),
                rs.getString("venue_id"), rs.getString("unit_id"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
