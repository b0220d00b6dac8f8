package db.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Owner: connection. Drops the foreign keys from {@code connection_session} to {@code client} and
 * {@code hotspot}. Every session a NAS starts inserted a row whose checks took a key-share lock on
 * the same client and hotspot rows; with the accounting writers inserting in parallel, those
 * shared locks on one row become MultiXacts that every writer must create and read, which cost
 * more than the rest of the write (measured: 0.6× the throughput at 8 requests in flight).
 * Clients and hotspots are never deleted, and sessions are written only with ids the hotspot
 * module resolved, so nothing is lost; the foreign key to {@code guest} stays (a guest can be
 * erased, and each session locks only its own guest). Written in Java because H2 and PostgreSQL
 * name unnamed constraints differently: the names are read from the database's metadata.
 */
public class V63__connection_session_without_parent_locks extends BaseJavaMigration {

    private static final Set<String> PARENTS = Set.of("client", "hotspot");

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> constraints = new ArrayList<>();
        for (String table : List.of("connection_session", "CONNECTION_SESSION")) {
            try (ResultSet keys = connection.getMetaData().getImportedKeys(connection.getCatalog(), connection.getSchema(), table)) {
                while (keys.next()) {
                    String parent = keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
                    String name = keys.getString("FK_NAME");
                    if (PARENTS.contains(parent) && name != null && !constraints.contains(name)) {
                        constraints.add(name);
                    }
                }
            }
        }
        if (constraints.size() != PARENTS.size()) {
            throw new IllegalStateException("expected the foreign keys of connection_session to client and hotspot, found " + constraints);
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : constraints) {
                statement.execute("alter table connection_session drop constraint \"" + name + "\"");
            }
        }
    }
}
