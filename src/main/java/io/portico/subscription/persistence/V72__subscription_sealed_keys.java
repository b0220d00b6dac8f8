package io.portico.subscription.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import io.portico.platform.SecretBox;

/**
 * Owner: subscription. Seals every subscription's personal key ({@code psk_sealed}), stores its
 * keyed digest for look-ups ({@code psk_digest}) and drops the clear {@code psk} column. A key
 * not ended yet also claims its digest ({@code psk_claim}, unique per operator): keys are unique
 * across an operator's SSIDs from now on. Where existing keys already collide, the earliest
 * subscription keeps the claim and the others still work but block nothing.
 * <p>
 * A Spring bean (Flyway gets it from Spring Boot, not from the {@code db/migration} scan) because
 * sealing needs the master key; it lives in this package so that the scan does not find it too.
 */
@Component
public class V72__subscription_sealed_keys extends BaseJavaMigration {

    private final SecretBox box;

    public V72__subscription_sealed_keys(SecretBox box) {
        this.box = box;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table subscription add column psk_sealed varchar(200)");
            ddl.execute("alter table subscription add column psk_digest varchar(64)");
            ddl.execute("alter table subscription add column psk_claim varchar(64)");
        }
        OffsetDateTime now = OffsetDateTime.now(java.time.ZoneOffset.UTC);
        Set<String> claimed = new HashSet<>();
        try (Statement select = connection.createStatement();
             ResultSet rows = select.executeQuery("select id, operator_id, psk, ends_at from subscription order by starts_at, id");
             PreparedStatement update = connection.prepareStatement(
                     "update subscription set psk_sealed = ?, psk_digest = ?, psk_claim = ? where id = ?")) {
            int pending = 0;
            while (rows.next()) {
                long operatorId = rows.getLong("operator_id");
                String psk = rows.getString("psk");
                OffsetDateTime end = rows.getObject("ends_at", OffsetDateTime.class);
                String digest = SubscriptionRepository.digest(box, operatorId, psk);
                boolean claims = (end == null || end.isAfter(now)) && claimed.add(operatorId + "/" + digest);
                update.setString(1, box.seal(psk));
                update.setString(2, digest);
                update.setString(3, claims ? digest : null);
                update.setLong(4, rows.getLong("id"));
                update.addBatch();
                if (++pending == 500) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter table subscription alter column psk_sealed set not null");
            ddl.execute("alter table subscription alter column psk_digest set not null");
            ddl.execute("drop index ix_subscription_psk");
            ddl.execute("alter table subscription drop column psk");
            ddl.execute("create index ix_subscription_psk on subscription (operator_id, psk_digest)");
            ddl.execute("create unique index uq_subscription_psk_claim on subscription (operator_id, psk_claim)");
        }
    }
}
