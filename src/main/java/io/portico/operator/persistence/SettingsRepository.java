package io.portico.operator.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for operator settings documents (JSON text per section) and sealed operator secrets. */
@Repository
public class SettingsRepository {

    private final JdbcClient jdbc;

    SettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Map<String, String> sections(long operatorId) {
        return jdbc.sql("select section, body_json from operator_settings where operator_id = ?").param(operatorId)
                .query((rs, n) -> Map.entry(rs.getString("section"), rs.getString("body_json"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public Optional<String> section(long operatorId, String section) {
        return jdbc.sql("select body_json from operator_settings where operator_id = ? and section = ?")
                .params(operatorId, section).query(String.class).optional();
    }

    public void saveSection(long operatorId, String section, String json, Instant now) {
        int updated = jdbc.sql("update operator_settings set body_json = ?, updated_at = ? where operator_id = ? and section = ?")
                .params(json, utc(now), operatorId, section).update();
        if (updated == 0) {
            jdbc.sql("insert into operator_settings (operator_id, section, body_json, updated_at) values (?, ?, ?, ?)")
                    .params(operatorId, section, json, utc(now)).update();
        }
    }

    public Map<String, String> sealedSecrets(long operatorId) {
        return jdbc.sql("select name, sealed from operator_secret where operator_id = ?").param(operatorId)
                .query((rs, n) -> Map.entry(rs.getString("name"), rs.getString("sealed"))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public void saveSecret(long operatorId, String name, String sealed, Instant now) {
        int updated = jdbc.sql("update operator_secret set sealed = ?, updated_at = ? where operator_id = ? and name = ?")
                .params(sealed, utc(now), operatorId, name).update();
        if (updated == 0) {
            jdbc.sql("insert into operator_secret (operator_id, name, sealed, updated_at) values (?, ?, ?, ?)")
                    .params(operatorId, name, sealed, utc(now)).update();
        }
    }

    public void deleteSecret(long operatorId, String name) {
        jdbc.sql("delete from operator_secret where operator_id = ? and name = ?").params(operatorId, name).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
