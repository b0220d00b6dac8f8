package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Owner: connection. Lets an Interim-Update be a heap-only (HOT) update on PostgreSQL: a session
 * keeps the start its Start packet reported ({@code start_reported}) instead of the earliest
 * estimate of any packet, so an Interim-Update changes no indexed column; and new pages keep a
 * fifth free ({@code fillfactor = 80}) so the new row version fits beside the old one. Otherwise
 * each Interim-Update wrote a new entry into all five indexes. In Java because H2 has no
 * fillfactor: the storage parameter is set on PostgreSQL only.
 */
public class V64__connection_session_hot_interim_updates extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("alter table connection_session add column start_reported boolean default false not null");
            if ("PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
                statement.execute("alter table connection_session set (fillfactor = 80)");
            }
        }
    }
}
