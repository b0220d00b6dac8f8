package io.portico.subscription.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import io.portico.platform.SecretBox;

/** V72 on a database with clear keys: every key sealed and digested, the clear column gone, live keys claimed once. */
class SealedKeysMigrationTest {

    private final SecretBox box = new SecretBox(filled((byte) 7));

    @Test
    void sealsExistingKeysAndClaimsEachLiveKeyOnce() {
        var dataSource = new SingleConnectionDataSource("jdbc:h2:mem:sealed-keys;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "", true);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target("64").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            jdbc.execute("set referential_integrity false");
            insert(jdbc, 1, 1, "Live-Key-0001", "2026-01-01T00:00:00Z", null);
            insert(jdbc, 2, 1, "Live-Key-0001", "2026-02-01T00:00:00Z", null); // a collision from before: works, claims nothing
            insert(jdbc, 3, 1, "Ended-Key-001", "2020-01-01T00:00:00Z", "2020-06-01T00:00:00Z");
            insert(jdbc, 4, 2, "Live-Key-0001", "2026-01-01T00:00:00Z", null); // another operator
            jdbc.execute("set referential_integrity true");

            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration")
                    .javaMigrations(new V72__subscription_sealed_keys(box)).load().migrate();

            List<Map<String, Object>> rows = jdbc.queryForList("select * from subscription order by id");
            assertThat(rows).allSatisfy(r -> assertThat(r).doesNotContainKey("psk"));
            assertThat(rows).extracting(r -> box.open((String) r.get("psk_sealed")))
                    .containsExactly("Live-Key-0001", "Live-Key-0001", "Ended-Key-001", "Live-Key-0001");
            assertThat(rows).extracting(r -> r.get("psk_digest")).containsExactly(SubscriptionRepository.digest(box, 1, "Live-Key-0001"),
                    SubscriptionRepository.digest(box, 1, "Live-Key-0001"), SubscriptionRepository.digest(box, 1, "Ended-Key-001"),
                    SubscriptionRepository.digest(box, 2, "Live-Key-0001"));
            assertThat(rows).extracting(r -> r.get("psk_claim") != null).containsExactly(true, false, false, true);
        } finally {
            dataSource.destroy();
        }
    }

    private static void insert(JdbcTemplate jdbc, long id, long operatorId, String psk, String start, String end) {
        jdbc.update("insert into subscription (id, operator_id, subscriber_id, unit_id, venue_id, plan_id, starts_at, ends_at, psk, created_at)"
                        + " values (?, ?, 1, 1, 1, 1, cast(? as timestamp with time zone), cast(? as timestamp with time zone), ?, now())",
                id, operatorId, start, end, psk);
    }

    private static byte[] filled(byte b) {
        byte[] key = new byte[32];
        Arrays.fill(key, b);
        return key;
    }
}
