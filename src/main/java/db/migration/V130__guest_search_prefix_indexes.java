package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Owner: guest. The dashboard's guest search matches email and name prefixes with {@code like 'x%'}.
 * PostgreSQL answers such a LIKE from a b-tree only when the index compares bytes: in a database
 * whose collation is not {@code C} (en_US.UTF-8, and C.UTF-8 before PostgreSQL 17) the V92 indexes
 * cannot serve it, and a search read every guest of the client. The {@code varchar_pattern_ops}
 * indexes can, whatever the collation. H2 has no operator classes and uses the V92 indexes for a
 * prefix LIKE already, so this is PostgreSQL only. (Trigram indexes would also serve "contains",
 * but pg_trgm is an extension the database may not have, and the search is by prefix.)
 */
public class V130__guest_search_prefix_indexes extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String column : new String[] {"email", "last_name", "first_name"}) {
                statement.execute("create index ix_guest_client_" + column + "_prefix on guest (client_id, " + column + " varchar_pattern_ops)");
            }
        }
    }
}
