package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Owner: guest. Most guests are first-seen devices made by the accounting path (issue 12), with no
 * email and no name; on PostgreSQL each such insert still wrote a NULL entry into six search
 * indexes, half of the guest table's index writes. The search only ever matches a prefix
 * ({@code like 'x%'}, a strict operator, so PostgreSQL proves {@code col is not null} and uses a
 * partial index), so its three {@code varchar_pattern_ops} indexes (V130) become partial ones
 * {@code where col is not null}, and the three V92 indexes, which a prefix LIKE cannot use in a
 * database whose collation is not {@code C} and which nothing else reads, are dropped. H2 has no
 * partial indexes and keeps V92's.
 */
public class V150__guest_search_indexes_without_empty_profiles extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String column : new String[] {"email", "last_name", "first_name"}) {
                statement.execute("drop index if exists ix_guest_client_" + column);
                statement.execute("drop index if exists ix_guest_client_" + column + "_prefix");
                statement.execute("create index ix_guest_client_" + column + "_prefix on guest (client_id, " + column
                        + " varchar_pattern_ops) where " + column + " is not null");
            }
        }
    }
}
