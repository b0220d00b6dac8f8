package io.portico.connection.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.portico.connection.AccountingSessionId;
import io.portico.platform.SecretBox;
import io.portico.subscription.persistence.V72__subscription_sealed_keys;
import io.portico.support.DatabaseTarget;

/**
 * V76 on a database with sessions in {@code radius_accounting}: each becomes a row of
 * {@code connection_session} without client, hotspot or guest, under the key the accounting path
 * computes for its next packet, so a session open during the upgrade goes on in one row; the old
 * table is gone. On H2, and on PostgreSQL in the PostgreSQL run.
 */
@Tag("database")
class OneAccountingStoreMigrationTest {

    @TempDir
    Path dir;

    @Test
    void movesEveryRawSessionIntoTheConnectionStoreUnderTheLiveKey() {
        Map<String, String> db = DatabaseTarget.current().standalone(dir, "v76");
        var dataSource = new SingleConnectionDataSource(db.get("spring.datasource.url"),
                db.getOrDefault("spring.datasource.username", "sa"), db.getOrDefault("spring.datasource.password", ""), true);
        try {
            flyway(dataSource, db).target("73").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            long operator = id(jdbc, "insert into operator (operator_key, name, created_at) values ('OP', 'Op', now())", "operator");
            long client = id(jdbc, "insert into client (operator_id, client_key, company, created_at) values (" + operator
                    + ", 'C', 'Co', now())", "client");
            long venue = id(jdbc, "insert into venue (operator_id, client_id, venue_key, name, address_line1, city, state, postal_code,"
                    + " country, time_zone, created_at) values (" + operator + ", " + client
                    + ", 'V', 'V', '1 Main St', 'Boston', 'MA', '02110', 'USA', 'UTC', now())", "venue");
            long hotspot = id(jdbc, "insert into hotspot (operator_id, client_id, venue_id, name, nas_identifier, created_at) values ("
                    + operator + ", " + client + ", " + venue + ", 'Lobby', 'lobby-nas', now())", "hotspot");
            long gateway = id(jdbc, "insert into radius_client (operator_id, name, network, nas_identifier, secret_ciphertext, created_at)"
                    + " values (" + operator + ", 'GW', '10.0.0.0/8', 'gw-1', 'x', now())", "radius_client");
            long silent = id(jdbc, "insert into radius_client (operator_id, name, network, nas_identifier, secret_ciphertext, hotspot_id,"
                    + " created_at) values (" + operator + ", 'AP', '10.1.0.0/16', '', 'x', " + hotspot + ", now())", "radius_client");
            long bare = id(jdbc, "insert into radius_client (operator_id, name, network, nas_identifier, secret_ciphertext, created_at)"
                    + " values (" + operator + ", 'Bare', '10.2.0.0/16', '', 'x', now())", "radius_client");
            raw(jdbc, "a", gateway, "gw-1", "S1", "AA-BB-CC-00-00-01", "ssid", null);
            raw(jdbc, "b", silent, "", "S2", "AA-BB-CC-00-00-02", "ap:guest", null);
            raw(jdbc, "c", bare, "", "S3", null, "", "2026-03-01T13:00:00Z");
            String taken = AccountingSessionId.of(operator, "gw-1", "S4", "AA-BB-CC-00-00-04", "").value();
            jdbc.update("insert into connection_session (session_key, client_id, hotspot_id, mac_address, started_at, last_seen_at,"
                    + " session_seconds, input_octets, output_octets) values (?, ?, ?, 'AA-BB-CC-00-00-04',"
                    + " cast('2026-03-01T12:00:00Z' as timestamp with time zone), cast('2026-03-01T12:00:00Z' as timestamp with time zone),"
                    + " 0, 0, 0)", taken, client, hotspot);
            raw(jdbc, "d", gateway, "gw-1", "S4", "AA-BB-CC-00-00-04", "", null);

            flyway(dataSource, db).load().migrate();

            assertThatThrownBy(() -> jdbc.queryForObject("select count(*) from radius_accounting", Long.class))
                    .as("the second table is gone").isNotNull();
            assertThat(row(jdbc, AccountingSessionId.of(operator, "gw-1", "S1", "AA-BB-CC-00-00-01", "ssid")))
                    .containsEntry("nas_identifier", "gw-1").containsEntry("nas_client_id", gateway).containsEntry("input_octets", 100L)
                    .containsEntry("output_octets", 200L).containsEntry("session_seconds", 60L).containsEntry("closed_by", null)
                    .containsEntry("client_id", null).containsEntry("hotspot_id", null).containsEntry("guest_id", null)
                    .containsEntry("acct_session_id", "S1").containsEntry("user_name", "u");
            assertThat(row(jdbc, AccountingSessionId.of(operator, "lobby-nas", "S2", "AA-BB-CC-00-00-02", "ap:guest")))
                    .as("no NAS-Identifier: keyed and named by the NAS client's hotspot").containsEntry("nas_identifier", "lobby-nas");
            assertThat(row(jdbc, AccountingSessionId.of(operator, "#" + bare, "S3", "", "")))
                    .as("no NAS-Identifier, no hotspot, no device").containsEntry("mac_address", null).containsEntry("closed_by", "nas")
                    .containsEntry("terminate_cause", 1);
            assertThat(jdbc.queryForObject("select count(*) from connection_session where session_key = ?", Long.class, taken))
                    .as("a session already stored as a guest connection is not stored twice").isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from connection_session", Long.class)).isEqualTo(4);
        } finally {
            dataSource.destroy();
        }
    }

    private static FluentConfiguration flyway(SingleConnectionDataSource dataSource, Map<String, String> db) {
        FluentConfiguration config = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                .javaMigrations(new V72__subscription_sealed_keys(new SecretBox(filled())));
        String schema = db.get("spring.flyway.schemas");
        return schema == null ? config : config.schemas(schema).defaultSchema(schema);
    }

    private static long id(JdbcTemplate jdbc, String insert, String table) {
        jdbc.update(insert);
        return jdbc.queryForObject("select max(id) from " + table, Long.class);
    }

    private static void raw(JdbcTemplate jdbc, String unique, long nasClient, String nasIdentifier, String session, String mac,
                            String called, String stoppedAt) {
        jdbc.update("insert into radius_accounting (unique_id, nas_client_id, nas_identifier, nas_address, session_id, device_mac, user_name,"
                        + " called_station_id, started_at, updated_at, stopped_at, session_seconds, uploaded_bytes, downloaded_bytes,"
                        + " terminate_cause, closed_by, stale_after) values (?, ?, ?, '10.0.0.1', ?, ?, 'u', ?,"
                        + " cast('2026-03-01T12:00:00Z' as timestamp with time zone), cast('2026-03-01T12:01:00Z' as timestamp with time zone),"
                        + " cast(? as timestamp with time zone), 60, 100, 200, ?, ?, cast('2026-03-01T12:20:00Z' as timestamp with time zone))",
                unique.repeat(32), nasClient, nasIdentifier, session, mac, called, stoppedAt, stoppedAt == null ? null : 1,
                stoppedAt == null ? null : "nas");
    }

    private static Map<String, Object> row(JdbcTemplate jdbc, AccountingSessionId key) {
        Map<String, Object> row = new java.util.HashMap<>(jdbc.queryForMap("select * from connection_session where session_key = ?",
                key.value()));
        row.replaceAll((column, value) -> value instanceof Number n && !(value instanceof Long)
                ? (column.equals("terminate_cause") ? (Object) n.intValue() : (Object) n.longValue())
                : value instanceof String s ? s.strip() : value);
        return row;
    }

    private static byte[] filled() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        return key;
    }
}
